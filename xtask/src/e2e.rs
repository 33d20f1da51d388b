//! Hook for the end-to-end browser tests in `e2e/` (run by `cargo xtask test` after the build).
//!
//! If `e2e/Cargo.toml` exists, the xtask builds the server (`cargo build -p zt-risk-server`)
//! and runs `cargo test -p <e2e package>` (workspace member) or
//! `cargo test --manifest-path e2e/Cargo.toml` (standalone package with its own `[workspace]`)
//! with these environment variables:
//!
//! | variable        | value                                              |
//! |-----------------|----------------------------------------------------|
//! | `ZT_DIST`       | absolute path of the fresh release `dist/`         |
//! | `ZT_SERVER_BIN` | absolute path of the debug `zt-risk-server` binary |
//! | `CHROMEDRIVER`  | `/usr/bin/chromedriver`                            |
//! | `CHROMIUM`      | `/usr/bin/chromium`                                |
//! | `ZT_AXE_JS`     | `axe.min.js` of npm `axe-core` (tools cache)       |
//!
//! As a workspace member it is excluded from the native test step (it needs `dist/`).

use crate::files;
use crate::pins;
use crate::sh::Cmd;
use crate::tools;
use std::path::{Path, PathBuf};

const MANIFEST: &str = "e2e/Cargo.toml";

/// Runs the e2e tests against `dist`; `Ok(false)` when there is no `e2e/` package.
pub fn run(dist: &Path) -> Result<bool, String> {
    if !Path::new(MANIFEST).is_file() {
        return Ok(false);
    }
    let name = package_name()?;
    Cmd::new("cargo")
        .args(["build", "-p", "zt-risk-server"])
        .run()?;
    let server = target_dir()?.join("debug/zt-risk-server");
    let axe = tools::ensure_axe()?;
    let mut cmd = Cmd::new("cargo").arg("test");
    cmd = if member_name()?.is_some() {
        cmd.args(["-p", &name])
    } else {
        cmd.args(["--manifest-path", MANIFEST])
    };
    cmd.env("ZT_DIST", dist)
        .env("ZT_SERVER_BIN", server)
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("CHROMIUM", tools::CHROMIUM)
        .env("ZT_AXE_JS", axe)
        .run()?;
    Ok(true)
}

/// The e2e package name if `e2e/` exists and is a member of the root workspace.
pub fn member_name() -> Result<Option<String>, String> {
    if !Path::new(MANIFEST).is_file() {
        return Ok(None);
    }
    let root = files::read_text(Path::new("Cargo.toml"))?;
    if is_member(&root, "e2e") {
        package_name().map(Some)
    } else {
        Ok(None)
    }
}

fn package_name() -> Result<String, String> {
    let text = files::read_text(Path::new(MANIFEST))?;
    pins::toml_string(&text, "name").ok_or_else(|| format!("{MANIFEST} has no package name"))
}

/// Whether the workspace `members = [...]` list of a root Cargo.toml names `dir`.
fn is_member(root_manifest: &str, dir: &str) -> bool {
    let Some(start) = root_manifest.find("members") else {
        return false;
    };
    let rest = &root_manifest[start..];
    let list = rest.find(']').map_or(rest, |end| &rest[..end]);
    list.contains(&format!("\"{dir}\"")) || list.contains(&format!("\"./{dir}\""))
}

/// Cargo's target directory (`$CARGO_TARGET_DIR` if set), absolute.
pub fn target_dir() -> Result<PathBuf, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
    // An absolute $CARGO_TARGET_DIR replaces the joined path entirely.
    Ok(std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| cwd.join("target"), |d| cwd.join(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_reads_the_members_list_only() {
        let toml = "[workspace]\nmembers = [\n  \".\",\n  \"e2e\",\n]\nexclude = [\"x\"]\n";
        assert!(is_member(toml, "e2e"));
        assert!(!is_member(toml, "x"));
        assert!(!is_member(
            "[workspace]\nmembers = [\".\"]\n# \"e2e\"\n",
            "e2e"
        ));
        assert!(!is_member("[package]\nname = \"e2e\"\n", "e2e"));
    }
}
