//! `cargo xtask dist`: release build with trunk into dist/, size table and first-load budget.

use crate::files;
use crate::pins;
use crate::sh::Cmd;
use crate::size::{self, Entry};
use crate::split;
use crate::tools;
use std::path::{Path, PathBuf};

/// The budget file at the repository root and its key.
pub const BUDGET_FILE: &str = "budget.toml";
const BUDGET_KEY: &str = "first_load_brotli_bytes";

/// `cargo xtask dist`.
pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(arg) = args.first() {
        return Err(format!(
            "`cargo xtask dist` takes no arguments (got `{arg}`)"
        ));
    }
    let release = build_release()?;
    let summary = report(&release)?;
    println!("dist: OK, {summary}");
    Ok(())
}

/// A release build: where it is, and what each split page loads on demand.
pub struct Release {
    /// The absolute path of dist/.
    pub dir: PathBuf,
    pub pages: split::Pages,
}

/// Installs what trunk needs, then `cargo fetch`, `trunk build --release` and the code split
/// (`split.rs`). Shared by `test`, `demo` and `bench`.
pub fn build_release() -> Result<Release, String> {
    tools::ensure_build_tools()?;
    // Trunk.toml sets `offline = true`, which passes --offline to cargo.
    Cmd::new("cargo").arg("fetch").run()?;
    Cmd::new("trunk")
        .args(["build", "--release"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            split::RUSTFLAGS,
        )
        .run()?;
    let dist = std::env::current_dir()
        .map_err(|e| format!("no current directory: {e}"))?
        .join("dist");
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "trunk did not write {}",
            dist.join("index.html").display()
        ));
    }
    let pages = split::apply(&dist)?;
    name_boot_script(&dist)?;
    Ok(Release { dir: dist, pages })
}

/// Renames `boot.js` after its content (`boot-<hash>.js`, with its integrity in index.html), so
/// browsers keep it like the other hashed files instead of asking the server again on every
/// load: the wasm starts one round trip sooner. Debug builds keep the plain `boot.js`.
fn name_boot_script(dist: &Path) -> Result<(), String> {
    let (old, index_path) = (dist.join("boot.js"), dist.join("index.html"));
    let script = files::read_bytes(&old)?;
    let name = format!("boot-{}.js", split::fnv_hex(&script));
    let index = files::read_text(&index_path)?;
    let html = boot_tag(&index, &name, &split::integrity(&script))
        .ok_or("index.html does not load /boot.js")?;
    std::fs::write(dist.join(&name), &script)
        .and_then(|()| std::fs::write(&index_path, html))
        .and_then(|()| std::fs::remove_file(&old))
        .map_err(|e| format!("cannot rename boot.js in {}: {e}", dist.display()))
}

/// `index` with its `/boot.js` script tag loading `/{name}` under `integrity` instead.
fn boot_tag(index: &str, name: &str, integrity: &str) -> Option<String> {
    let old = "src=\"/boot.js\"";
    index.contains(old).then(|| {
        index.replacen(
            old,
            &format!("src=\"/{name}\" integrity=\"{integrity}\" crossorigin=\"anonymous\""),
            1,
        )
    })
}

/// Prints the size table of the build and what each split page loads on demand, and checks the
/// first-load budget; returns the summary line.
pub fn report(release: &Release) -> Result<String, String> {
    let dist = release.dir.as_path();
    let index = files::read_text(&dist.join("index.html"))?;
    let mut files = Vec::new();
    walk(dist, dist, &mut files)?;
    files.sort();
    let mut entries = Vec::new();
    for rel in &files {
        let path = dist.join(rel);
        let data = files::read_bytes(&path)?;
        entries.push(Entry::measure(
            rel,
            &data,
            size::is_first_load(rel, &index),
        )?);
    }
    println!("==> sizes of {}", dist.display());
    print!("{}", size::table(&entries));
    for (page, files) in &release.pages {
        let brotli: u64 = entries
            .iter()
            .filter(|e| files.contains(&e.path))
            .map(|e| e.brotli)
            .sum();
        println!(
            "  on demand: {page:<16} {:>3} chunks, {} brotli at most (shared chunks load once)",
            files.len(),
            size::kb(brotli)
        );
    }
    let budget = budget()?;
    let (_, _, brotli) = size::first_load_totals(&entries);
    let summary = size::check_budget(brotli, budget)?;
    println!("{summary}");
    Ok(summary)
}

fn budget() -> Result<u64, String> {
    let text = files::read_text(Path::new(BUDGET_FILE))?;
    pins::toml_int(&text, BUDGET_KEY)
        .ok_or_else(|| format!("{BUDGET_FILE} must contain `{BUDGET_KEY} = <bytes>`"))
}

/// Collects the files under `dir` as `/`-separated paths relative to `base`.
fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            walk(base, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(base) {
            let parts: Vec<_> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_tag_loads_the_named_file_under_its_integrity() {
        let index = r#"<script type="module" src="/boot.js" data-trunk-js="/a.js"></script>"#;
        assert_eq!(
            boot_tag(index, "boot-0123456789abcdef.js", "sha384-X").as_deref(),
            Some(concat!(
                r#"<script type="module" src="/boot-0123456789abcdef.js" integrity="sha384-X" "#,
                r#"crossorigin="anonymous" data-trunk-js="/a.js"></script>"#
            ))
        );
        assert_eq!(
            boot_tag("<script src=\"/other.js\"></script>", "b", "i"),
            None
        );
    }

    #[test]
    fn walk_lists_nested_files_relative_to_base() {
        let base = std::env::temp_dir().join(format!("xtask-walk-{}", std::process::id()));
        std::fs::create_dir_all(base.join("snippets/x")).unwrap();
        std::fs::write(base.join("index.html"), "<html>").unwrap();
        std::fs::write(base.join("snippets/x/a.js"), "a").unwrap();
        let mut files = Vec::new();
        walk(&base, &base, &mut files).unwrap();
        files.sort();
        std::fs::remove_dir_all(&base).unwrap();
        assert_eq!(files, ["index.html", "snippets/x/a.js"]);
    }
}
