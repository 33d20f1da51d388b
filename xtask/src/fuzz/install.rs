//! The fuzzing tools: the pinned nightly, installed with rustup, and cargo-fuzz, installed from
//! crates.io into the tools cache.

use crate::sh::{self, Cmd};
use crate::tools;
use std::path::PathBuf;

/// The nightly the targets are built with; `ZT_FUZZ_TOOLCHAIN` names another installed one.
pub const NIGHTLY: &str = "nightly-2026-05-20";
/// The cargo-fuzz version installed from crates.io.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The pinned nightly (installed with rustup if missing) and cargo-fuzz (from crates.io into
/// the tools cache); returns `cargo-fuzz fuzz` as a command that builds with that nightly.
pub fn ensure_tools() -> Result<Cmd, String> {
    let toolchain = std::env::var("ZT_FUZZ_TOOLCHAIN").unwrap_or_else(|_| NIGHTLY.to_owned());
    let installed = Cmd::new("rustup")
        .args(["toolchain", "list"])
        .read()
        .map_err(|e| format!("{e}\n(the fuzz targets need rustup for a nightly toolchain)"))?;
    if !installed.lines().any(|l| l.starts_with(&toolchain)) {
        sh::step(&format!(
            "{toolchain} is not installed: installing it with rustup (once)"
        ));
        sh::run(
            "rustup",
            ["toolchain", "install", &toolchain, "--profile", "minimal"],
        )
        .map_err(|e| {
            format!(
                "{e}\nrustup could not install {toolchain}. Where static.rust-lang.org is not \
                 reachable, set RUSTUP_DIST_SERVER to a mirror, or set ZT_FUZZ_TOOLCHAIN to a \
                 nightly that is installed (`rustup toolchain list`)."
            )
        })?;
    }
    let root = tools::tools_dir()?.join(format!("cargo-fuzz-{CARGO_FUZZ_VERSION}"));
    let bin = root.join("bin/cargo-fuzz");
    if !bin.is_file() {
        sh::step(&format!(
            "cargo-fuzz {CARGO_FUZZ_VERSION} is not in the tools cache: installing it (≈ 2 minutes, once)"
        ));
        tools::cargo_install("cargo-fuzz", CARGO_FUZZ_VERSION, true, &root)?;
    }
    // cargo-fuzz runs `cargo` from PATH: rustup's proxy, which RUSTUP_TOOLCHAIN points at
    // the nightly (whatever toolchain runs this xtask).
    if let Some(proxies) = rustup_dir() {
        tools::activate(&proxies)?;
    }
    Ok(Cmd::new(bin).env("RUSTUP_TOOLCHAIN", toolchain).arg("fuzz"))
}

/// The directory of the `rustup` binary on PATH (where its `cargo` proxy is too).
fn rustup_dir() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find(|d| d.join("rustup").is_file())
}
