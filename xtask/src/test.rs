//! `cargo xtask test`: every check CI runs, in order, failing fast.
//!
//! fmt → clippy (native, wasm32) → Worker bundle + workerd → native tests (the proxy suites
//! run against the native proxy and the Worker) → release build + size budget → wasm-bindgen
//! browser tests → end-to-end tests in `e2e/` (if that package exists).

use crate::sh::{self, Cmd};
use crate::{dist, e2e, edge, pins, tools};
use std::path::Path;
use std::time::Instant;

const CONSOLE: &str = "zt-risk-console";
const WASM: &str = "wasm32-unknown-unknown";

/// `cargo xtask test [--quick] [--skip-e2e]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let (mut quick, mut skip_e2e) = (false, false);
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            "--skip-e2e" => skip_e2e = true,
            other => return Err(format!("unknown option `{other}` for `cargo xtask test`")),
        }
    }
    let start = Instant::now();
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
        Some(std::env::current_exe().map_err(|e| format!("cannot locate the xtask binary: {e}"))?)
    };
    native_tests(xtask.as_deref())?;
    done.push(
        if quick {
            "native tests (Worker runs skipped)"
        } else {
            "native tests (proxy suites on native + Worker)"
        }
        .into(),
    );

    if quick {
        sh::step("--quick: skipping the release build, browser tests and e2e tests");
    } else {
        let dist = dist::build_release()?;
        let budget = dist::report(&dist)?;
        done.push(format!("release build ({budget})"));

        browser_tests()?;
        done.push("browser tests".into());

        if skip_e2e {
            done.push("e2e skipped (--skip-e2e)".into());
        } else if e2e::run(&dist)? {
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

/// Native tests of every crate except the console's browser tests (`tests/*.rs` are
/// wasm-bindgen-test files) and the e2e package (it needs the release build first).
fn native_tests(xtask: Option<&Path>) -> Result<(), String> {
    let mut cmd = Cmd::new("cargo").args(["test", "--workspace", "--exclude", CONSOLE]);
    if let Some(xtask) = xtask {
        cmd = cmd.env("ZT_XTASK", xtask);
    }
    if let Some(name) = e2e::member_name()? {
        cmd = cmd.args(["--exclude", &name]);
    }
    cmd.run()?;
    // The console's own unit tests (plain #[test] in src/) only run natively.
    let mut cmd = Cmd::new("cargo").args(["test", "-p", CONSOLE, "--bins"]);
    if Path::new("src/lib.rs").is_file() {
        cmd = cmd.arg("--lib");
    }
    cmd.run()
}

/// `#[wasm_bindgen_test]` tests of the console in headless Chromium.
fn browser_tests() -> Result<(), String> {
    let lock = pins::read(Path::new("Cargo.lock"))?;
    let trunk = pins::read(Path::new("Trunk.toml"))?;
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
