//! Debian packages the xtask needs (Chromium, chromedriver, npm, wrk), installed on demand.

use crate::sh::{self, Cmd};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

/// Installs Debian package `pkg` with apt-get if `binary` (a name on PATH or an absolute path)
/// is missing; as non-root, fails with the command to run instead.
pub fn ensure_apt(pkg: &str, binary: &str) -> Result<(), String> {
    if find(binary).is_some() {
        return Ok(());
    }
    let is_root = Cmd::new("id").arg("-u").read().is_ok_and(|uid| uid == "0");
    if !is_root {
        return Err(format!(
            "`{binary}` is missing; install it with: sudo apt-get update && sudo apt-get install -y {pkg}"
        ));
    }
    static UPDATED: AtomicBool = AtomicBool::new(false);
    if !UPDATED.swap(true, Ordering::SeqCst) {
        sh::run("apt-get", ["update"])?;
    }
    Cmd::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y", pkg])
        .run()?;
    find(binary)
        .map(|_| ())
        .ok_or_else(|| format!("apt-get installed {pkg} but `{binary}` is still missing"))
}

/// The path of `binary`: itself if it contains a `/`, else the first match on PATH.
pub fn find(binary: &str) -> Option<PathBuf> {
    if binary.contains('/') {
        let p = PathBuf::from(binary);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(binary))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_checks_absolute_paths_and_path() {
        assert!(find("/nonexistent/tool").is_none());
        assert!(find("sh").is_some());
    }
}
