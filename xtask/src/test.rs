//! `cargo xtask test`: every check CI runs, in order, failing fast.
//!
//! fmt → clippy (native, wasm32) → Worker bundle + workerd + the Python SDK → native tests (the
//! proxy suites run against the native proxy and the Worker, the SDK check against the
//! emulator) → fuzz smoke (every libFuzzer target for a few seconds) → release build + size
//! budget → wasm-bindgen
//! browser tests → end-to-end tests in `e2e/` (if that package exists).

use crate::sh::{self, Cmd};
use crate::{dist, e2e, edge, files, fuzz, pins, python_sdk, tools};
use lexopt::{Arg, Parser};
use std::path::Path;
use std::time::Instant;

const CONSOLE: &str = "zt-risk-console";
const WASM: &str = "wasm32-unknown-unknown";

/// `cargo xtask test [--quick] [--skip-e2e]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let (mut quick, mut skip_e2e) = (false, false);
    let mut parser = Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Arg::Long("quick") => quick = true,
            Arg::Long("skip-e2e") => skip_e2e = true,
            other => return Err(other.unexpected().to_string()),
        }
    }
    let start = Instant::now();
    // Every build here is a one-off: incremental state would only cost disk (gigabytes in
    // `target/*/incremental`), and a CI machine's disk is not ours to fill.
    std::env::set_var("CARGO_INCREMENTAL", "0");
    let mut done: Vec<String> = Vec::new();
    if quick {
        tools::ensure_wasm_target()?;
    } else {
        tools::ensure_build_tools()?;
        tools::ensure_browser()?;
    }
    Cmd::new("cargo").arg("fetch").run()?;
    Cmd::new("cargo").args(["fmt", "--all", "--check"]).run()?;
    done.push("fmt".into());

    clippy(&[])?;
    clippy(&["-p", CONSOLE, "--target", WASM])?;
    // The proxy core and the Worker must keep building for wasm32 (the Worker runs there).
    clippy(&[
        "-p",
        "zt-risk-proxy-core",
        "-p",
        "zt-risk-edge",
        "--target",
        WASM,
    ])?;
    done.push("clippy (native + wasm32)".into());

    // The Worker runs in the proxy suites (via `xtask edge --prebuilt`); --quick skips it.
    let xtask = if quick {
        None
    } else {
        edge::build_bundle()?;
        tools::ensure_workerd()?;
        // The SDK check of the emulator runs with it; --quick skips it too.
        python_sdk::ensure()?;
        Some(std::env::current_exe().map_err(|e| format!("cannot locate the xtask binary: {e}"))?)
    };
    native_tests(xtask.as_deref())?;
    done.push(
        if quick {
            "native tests (Worker runs and SDK check skipped)"
        } else {
            "native tests (proxy suites on native + Worker, SDK check)"
        }
        .into(),
    );

    if quick {
        sh::step("--quick: skipping the fuzz smoke, release build, browser tests and e2e tests");
    } else {
        done.push(fuzz::smoke()?);

        let release = dist::build_release()?;
        let budget = dist::report(&release)?;
        done.push(format!("release build ({budget})"));

        browser_tests()?;
        done.push("browser tests".into());

        if skip_e2e {
            done.push("e2e skipped (--skip-e2e)".into());
        } else if e2e::run(&release.dir)? {
            done.push("e2e tests".into());
        } else {
            done.push("no e2e/ package".into());
        }
    }
    println!(
        "test: OK in {}s: {}",
        start.elapsed().as_secs(),
        done.join(", ")
    );
    Ok(())
}

fn clippy(extra: &[&str]) -> Result<(), String> {
    let mut cmd = Cmd::new("cargo").arg("clippy");
    cmd = if extra.is_empty() {
        cmd.arg("--workspace")
    } else {
        cmd.args(extra)
    };
    cmd.args(["--all-targets", "--", "-D", "warnings"]).run()
}

/// Makes the `crates/api` tests fail, instead of skip, when `../shared` (the contract and seed
/// they compare their fixtures with) is missing: in CI a skipped check must not pass.
const REQUIRE_SHARED: (&str, &str) = ("ZT_REQUIRE_SHARED", "1");

/// Native tests of every crate except the console's browser tests (`tests/*.rs` are
/// wasm-bindgen-test files) and the e2e package (it needs the release build first).
fn native_tests(xtask: Option<&Path>) -> Result<(), String> {
    for cmd in native_test_commands(
        e2e::member_name()?.as_deref(),
        Path::new("src/lib.rs").is_file(),
        xtask,
    ) {
        cmd.run()?;
    }
    Ok(())
}

/// The commands of [`native_tests`]: the workspace without the console (and `e2e`, if named),
/// then the console's own unit tests (plain `#[test]` in `src/`, which only run natively).
/// `xtask` (this program) tells the proxy suites how to start the Worker in workerd.
fn native_test_commands(e2e: Option<&str>, has_lib: bool, xtask: Option<&Path>) -> Vec<Cmd> {
    let (key, value) = REQUIRE_SHARED;
    let mut workspace =
        Cmd::new("cargo")
            .env(key, value)
            .args(["test", "--workspace", "--exclude", CONSOLE]);
    if let Some(xtask) = xtask {
        workspace = workspace.env("ZT_XTASK", xtask);
    }
    if let Some(name) = e2e {
        workspace = workspace.args(["--exclude", name]);
    }
    let mut console = Cmd::new("cargo").args(["test", "-p", CONSOLE, "--bins"]);
    if has_lib {
        console = console.arg("--lib");
    }
    vec![workspace, console]
}

/// `#[wasm_bindgen_test]` tests of the console in headless Chromium.
fn browser_tests() -> Result<(), String> {
    let lock = files::read_text(Path::new("Cargo.lock"))?;
    let trunk = files::read_text(Path::new("Trunk.toml"))?;
    let version = pins::check_trunk_pins(&lock, &trunk)?;
    tools::ensure_wasm_bindgen(&version)?;
    Cmd::new("cargo")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        // --tests: unit and integration tests, not doctests (those cannot run in a browser).
        .args(["test", "-p", CONSOLE, "--target", WASM, "--tests"])
        .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_tests_require_the_shared_contract() {
        let cmds = native_test_commands(Some("e2e"), true, None);
        let shown: Vec<String> = cmds.iter().map(Cmd::display).collect();
        assert!(
            shown[0].starts_with("ZT_REQUIRE_SHARED=1 cargo test --workspace"),
            "{shown:?}"
        );
        assert!(
            shown[0].ends_with("--exclude zt-risk-console --exclude e2e"),
            "{shown:?}"
        );
        assert!(
            shown[1].ends_with("test -p zt-risk-console --bins --lib"),
            "{shown:?}"
        );
    }
}
