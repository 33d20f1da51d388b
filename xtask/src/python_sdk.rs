//! The official Python SDK (PyPI `cloudflare`, pinned) in a virtual environment in the tools
//! cache (`python-cloudflare-<v>/`), for the native tests' SDK check
//! (`crates/server/tests/sdk_access.rs`), which finds it through `ZT_PYTHON`.

use crate::apt::ensure_apt;
use crate::sh::{self, Cmd};
use crate::tools::tools_dir;
use std::path::{Path, PathBuf};

/// The SDK version the emulator is checked against (`docs/contract-access.md`).
pub const CLOUDFLARE_SDK_VERSION: &str = "5.9.0";

/// Installs the SDK if missing and sets `ZT_PYTHON` for this process's children; returns the
/// virtual environment's Python.
pub fn ensure() -> Result<PathBuf, String> {
    let dir = tools_dir()?.join(format!("python-cloudflare-{CLOUDFLARE_SDK_VERSION}"));
    let python = dir.join("bin/python");
    if !installed(&python) {
        sh::step(&format!(
            "the Python SDK cloudflare {CLOUDFLARE_SDK_VERSION} is not in the tools cache: \
             installing it from PyPI (only once)"
        ));
        let venv = || Cmd::new("python3").args(["-m", "venv"]).arg(&dir).run();
        if venv().is_err() {
            // Debian's python3 makes virtual environments only with python3-venv.
            ensure_apt("python3-venv", "/usr/share/doc/python3-venv")?;
            venv()?;
        }
        Cmd::new(&python)
            .args(["-m", "pip", "install", "--quiet"])
            .arg(format!("cloudflare=={CLOUDFLARE_SDK_VERSION}"))
            .run()?;
        if !installed(&python) {
            return Err(format!(
                "{} does not import cloudflare {CLOUDFLARE_SDK_VERSION}",
                python.display()
            ));
        }
    }
    // Single-threaded here: set_var cannot race with another thread reading the environment.
    std::env::set_var("ZT_PYTHON", &python);
    Ok(python)
}

fn installed(python: &Path) -> bool {
    let probe = format!(
        "import cloudflare, sys; sys.exit(cloudflare.__version__ != '{CLOUDFLARE_SDK_VERSION}')"
    );
    python.is_file() && Cmd::new(python).args(["-c", &probe]).read().is_ok()
}
