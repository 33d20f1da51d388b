//! `cargo xtask`: the repository's build, test, size and demo commands (std + flate2 + brotli).
//! Options are parsed with lexopt, as `zt-risk-server` parses its own.

mod apt;
mod bench;
mod demo;
mod dist;
mod e2e;
mod edge;
mod files;
mod fuzz;
mod pins;
mod python_sdk;
mod sh;
mod size;
mod split;
mod split_loader;
mod test;
mod tools;
mod wasm_sections;

use std::path::Path;
use std::process::ExitCode;

/// The help text; the edge's PROXY OPTIONS come from the proxy's settings, as the server's do.
fn usage() -> String {
    format!(
        "\
usage: cargo xtask <command> [options]

commands:
  test [--quick] [--skip-e2e]
                 every check CI runs: fmt, clippy (native + wasm32), native tests
                 (proxy suites on the native proxy and the Worker in workerd),
                 fuzz smoke (every target in fuzz/ for 10 s), release build +
                 size budget, browser tests (wasm-bindgen-test in
                 headless Chromium), e2e tests in e2e/ if present.
                 --quick: only fmt, clippy and native tests; --skip-e2e: skip e2e/.
  dist           release build into dist/, split into a main module and page chunks,
                 size table (raw, gzip -9, brotli 11); fails if the first-load
                 brotli total exceeds budget.toml.
  demo [args]    release build, then `zt-risk-server demo --dist dist
                 --listen 127.0.0.1:8080`; extra args go to the server
                 (e.g. --listen 0.0.0.0:9000).
  bench [args]   load benchmarks (see xtask/src/bench/mod.rs).
  edge [--listen 127.0.0.1:8789] [PROXY OPTIONS] [--build-only | --prebuilt]
                 builds the Cloudflare Worker (crates/edge) and runs it locally in
                 workerd (npm) with the PROXY OPTIONS of `zt-risk-server proxy` as its
                 vars. --build-only: bundle into target/edge/; --prebuilt: run that bundle.
  fuzz [TARGET] [--seconds N] [--runs N] | fuzz --smoke
                 runs the libFuzzer targets in fuzz/ (all, or TARGET) for N seconds
                 each (default 60; --runs: or until N inputs) with cargo-fuzz and a
                 pinned nightly; prints executions, coverage and crashes per target
                 (docs/fuzzing.md). --smoke: the short run of `test`.

PROXY OPTIONS (edge):
{proxy}
Missing tools are installed into ~/.cache/zt-risk-console/tools (or $XDG_CACHE_HOME)
from package registries: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt (npm binaryen),
Chromium + chromedriver (apt), workerd and axe-core (npm), wrk and nginx-light (apt, bench),
cargo-fuzz (crates.io) and a nightly toolchain (rustup, fuzz).",
        proxy = zt_risk_proxy_settings::help()
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    };
    let run: fn(&[String]) -> Result<(), String> = match command.as_str() {
        "test" => test::run,
        "dist" => dist::run,
        "demo" => demo::run,
        "bench" => bench::run,
        "edge" => edge::run,
        "fuzz" => fuzz::run,
        "help" | "-h" | "--help" => {
            println!("{}", usage());
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("unknown command `{other}`\n\n{}", usage());
            return ExitCode::from(2);
        }
    };
    // Every command runs from the repository root (the parent of xtask/).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent();
    if let Err(e) = root.map_or(
        Err(std::io::Error::other("no parent")),
        std::env::set_current_dir,
    ) {
        eprintln!("error: cannot enter the repository root: {e}");
        return ExitCode::FAILURE;
    }
    match run(rest) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cargo xtask {command}: {e}");
            ExitCode::FAILURE
        }
    }
}
