//! Installs and locates the external tools, cached under `$XDG_CACHE_HOME/zt-risk-console/tools`
//! (default `~/.cache/…`); everything comes from package registries (crates.io, npm, apt).
//!
//! Cache layout: `trunk-<v>/bin/trunk`, `wasm-bindgen-<v>/bin/{wasm-bindgen,wasm-bindgen-test-runner}`,
//! `binaryen-<v>/node_modules/.bin/wasm-opt`,
//! `workerd-<v>/node_modules/@cloudflare/workerd-linux-64/bin/workerd`,
//! `axe-core-<v>/node_modules/axe-core/axe.min.js`. The `ensure_*` functions
//! install what is missing and put the tool's directory first on this process's `PATH`, which
//! every child inherits (`ensure_workerd` returns the binary's path instead).

pub use crate::apt::ensure_apt;
use crate::files;
use crate::pins::{self, AXE_CORE_VERSION, BINARYEN_VERSION, TRUNK_VERSION, WORKERD_VERSION};
use crate::sh::{self, Cmd};
use std::path::{Path, PathBuf};

/// Chromium from Debian's `chromium` package.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// chromedriver from Debian's `chromium-driver` package.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The tools cache directory (created if needed).
pub fn tools_dir() -> Result<PathBuf, String> {
    let dir = cache_root(
        std::env::var_os("XDG_CACHE_HOME").map(PathBuf::from),
        std::env::var_os("HOME").map(PathBuf::from),
    )
    .ok_or("neither $XDG_CACHE_HOME nor $HOME is set")?
    .join("zt-risk-console/tools");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

fn cache_root(xdg: Option<PathBuf>, home: Option<PathBuf>) -> Option<PathBuf> {
    xdg.filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(".cache")))
}

/// Everything `trunk build` needs: the wasm target, trunk, wasm-bindgen-cli (version checked
/// against Cargo.lock and Trunk.toml) and wasm-opt. Run from the repository root.
pub fn ensure_build_tools() -> Result<(), String> {
    let lock = files::read_text(Path::new("Cargo.lock"))?;
    let trunk_toml = files::read_text(Path::new("Trunk.toml"))?;
    let wasm_bindgen = pins::check_trunk_pins(&lock, &trunk_toml)?;
    ensure_wasm_target()?;
    ensure_wasm_opt()?;
    ensure_wasm_bindgen(&wasm_bindgen)?;
    ensure_trunk()
}

/// Chromium and chromedriver (for wasm-bindgen-test and end-to-end tests).
pub fn ensure_browser() -> Result<(), String> {
    ensure_apt("chromium", CHROMIUM)?;
    ensure_apt("chromium-driver", CHROMEDRIVER)
}

/// `rustup target add wasm32-unknown-unknown` unless already installed.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .read()
        .map_err(|e| {
            format!("{e}\n(the wasm target is installed with rustup: is rustup on PATH?)")
        })?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    sh::run("rustup", ["target", "add", "wasm32-unknown-unknown"])
}

/// trunk from crates.io (`cargo install --locked`, ≈ 10 minutes once).
pub fn ensure_trunk() -> Result<(), String> {
    let root = tools_dir()?.join(format!("trunk-{TRUNK_VERSION}"));
    if !root.join("bin/trunk").is_file() {
        sh::step(&format!(
            "trunk {TRUNK_VERSION} is not in the tools cache: installing it from crates.io \
             (≈ 10 minutes on 2 cores, only once)"
        ));
        cargo_install("trunk", TRUNK_VERSION, true, &root)?;
    }
    activate(&root.join("bin"))
}

/// wasm-bindgen-cli `version` from crates.io (`wasm-bindgen`, `wasm-bindgen-test-runner`).
pub fn ensure_wasm_bindgen(version: &str) -> Result<(), String> {
    let root = tools_dir()?.join(format!("wasm-bindgen-{version}"));
    let bins = ["wasm-bindgen", "wasm-bindgen-test-runner"];
    if !bins.iter().all(|b| root.join("bin").join(b).is_file()) {
        sh::step(&format!(
            "wasm-bindgen-cli {version} is not in the tools cache: installing it (≈ 3 minutes)"
        ));
        // Not --locked: its lockfile pins a crate version the registry no longer has.
        cargo_install("wasm-bindgen-cli", version, false, &root)?;
    }
    activate(&root.join("bin"))
}

/// wasm-opt from npm's `binaryen` (never Debian's: its old wasm-opt breaks the output).
pub fn ensure_wasm_opt() -> Result<(), String> {
    let dir = tools_dir()?.join(format!("binaryen-{BINARYEN_VERSION}"));
    let bin = dir.join("node_modules/.bin");
    let want = format!("version_{BINARYEN_VERSION}");
    let ok = |bin: &Path| {
        Cmd::new(bin.join("wasm-opt"))
            .arg("--version")
            .read()
            .is_ok_and(|v| v.contains(&want))
    };
    if !ok(&bin) {
        npm_install(&dir, &format!("binaryen@{BINARYEN_VERSION}.0.0"))?;
        if !ok(&bin) {
            return Err(format!(
                "{} does not report {want}",
                bin.join("wasm-opt").display()
            ));
        }
    }
    activate(&bin)
}

/// workerd, Cloudflare's Workers runtime, from npm (`workerd`, whose platform package ships
/// the binary); returns the binary's path.
pub fn ensure_workerd() -> Result<PathBuf, String> {
    let dir = tools_dir()?.join(format!("workerd-{WORKERD_VERSION}"));
    let bin = dir.join("node_modules/@cloudflare/workerd-linux-64/bin/workerd");
    let want = format!("workerd {}", workerd_date(WORKERD_VERSION));
    let ok = |bin: &Path| {
        Cmd::new(bin)
            .arg("--version")
            .read()
            .is_ok_and(|v| v.contains(&want))
    };
    if !ok(&bin) {
        npm_install(&dir, &format!("workerd@{WORKERD_VERSION}"))?;
        if !ok(&bin) {
            return Err(format!("{} does not report {want}", bin.display()));
        }
    }
    Ok(bin)
}

/// axe-core (Deque's accessibility engine) from npm, for the e2e audit; returns the path of
/// `axe.min.js`, which the tests inject into each page.
pub fn ensure_axe() -> Result<PathBuf, String> {
    let dir = tools_dir()?.join(format!("axe-core-{AXE_CORE_VERSION}"));
    let package = dir.join("node_modules/axe-core");
    let want = format!("\"version\": \"{AXE_CORE_VERSION}\"");
    let ok = |package: &Path| {
        package.join("axe.min.js").is_file()
            && files::read_text(&package.join("package.json")).is_ok_and(|p| p.contains(&want))
    };
    if !ok(&package) {
        npm_install(&dir, &format!("axe-core@{AXE_CORE_VERSION}"))?;
        if !ok(&package) {
            return Err(format!(
                "{} is not axe-core {AXE_CORE_VERSION}",
                package.display()
            ));
        }
    }
    Ok(package.join("axe.min.js"))
}

/// `1.20261117.1` → `2026-11-17`, what `workerd --version` prints.
fn workerd_date(version: &str) -> String {
    let date = version.split('.').nth(1).unwrap_or_default();
    if date.len() != 8 {
        return date.to_owned();
    }
    format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..])
}

/// `npm install --save-exact SPEC` into the tools directory `dir`.
fn npm_install(dir: &Path, spec: &str) -> Result<(), String> {
    ensure_apt("npm", "npm")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let manifest = dir.join("package.json");
    if !manifest.is_file() {
        std::fs::write(&manifest, "{ \"private\": true }\n")
            .map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;
    }
    Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--save-exact", spec])
        .dir(dir)
        .run()
}

/// `cargo install [--locked] KRATE --version VERSION --root ROOT` (stable cargo).
pub fn cargo_install(krate: &str, version: &str, locked: bool, root: &Path) -> Result<(), String> {
    let mut cmd = Cmd::new("cargo").args(["install", krate, "--version", version]);
    if locked {
        cmd = cmd.arg("--locked");
    }
    cmd.arg("--root").arg(root).run()
}

/// Puts `dir` first on this process's PATH (children inherit it); no-op if already first.
pub fn activate(dir: &Path) -> Result<(), String> {
    let old = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&old).filter(|d| d != dir).collect();
    dirs.insert(0, dir.to_path_buf());
    let new = std::env::join_paths(dirs).map_err(|e| format!("bad PATH entry: {e}"))?;
    // Single-threaded here: set_var cannot race with another thread reading the environment.
    std::env::set_var("PATH", new);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_root_prefers_absolute_xdg() {
        let home = Some(PathBuf::from("/home/u"));
        assert_eq!(
            cache_root(Some("/x".into()), home.clone()),
            Some(PathBuf::from("/x"))
        );
        assert_eq!(
            cache_root(Some("rel".into()), home.clone()),
            Some(PathBuf::from("/home/u/.cache"))
        );
        assert_eq!(
            cache_root(None, home),
            Some(PathBuf::from("/home/u/.cache"))
        );
        assert_eq!(cache_root(None, None), None);
    }

    #[test]
    fn workerd_reports_its_date() {
        assert_eq!(workerd_date("1.20261117.1"), "2026-11-17");
    }
}
