//! Route-level code splitting of the release build. Trunk builds the console with
//! [`RUSTFLAGS`] (`--cfg zt_split` turns the pages of `src/pages/lazy.rs` into split points);
//! then [`apply`] cuts the linked wasm into a main module and on-demand chunks
//! (`wasm_split_cli_support`, the splitter cargo-leptos uses), runs wasm-bindgen and wasm-opt on
//! them as Trunk would, and puts them into dist/ in place of Trunk's unsplit files.
//!
//! Every file it writes is named `zt-risk-console-<build>…`, `<build>` being a hash of the linked
//! wasm, so the static server and `_headers` cache them as immutable like Trunk's own files.

use crate::e2e;
use crate::files;
use crate::sh::{self, Cmd};
use crate::split_loader;
use crate::wasm_sections;
use base64::Engine as _;
use sha2::{Digest, Sha384};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The wasm target's rustflags for the split build: `.cargo/config.toml`'s (which this replaces)
/// plus the cfg and the relocations the splitter reads.
pub const RUSTFLAGS: &str = "--cfg erase_components --cfg zt_split -Clink-args=--emit-relocs";

/// What cargo links when Trunk builds the console for release, in the target directory.
const LINKED_WASM: &str = "wasm32-unknown-unknown/release/zt-risk-console.wasm";
/// Scratch space in the target directory, rebuilt on every run.
const WORK_DIR: &str = "wasm-split";

/// Each split page (sorted by name) with the dist/ files it loads on demand.
pub type Pages = Vec<(String, Vec<String>)>;

/// Splits the release build in `dist` (see the module docs); returns what each page loads.
pub fn apply(dist: &Path) -> Result<Pages, String> {
    sh::step("splitting the console's wasm into a main module and page chunks");
    let target = e2e::target_dir()?;
    let linked_path = target.join(LINKED_WASM);
    let linked = files::read_bytes(&linked_path)?;
    let stem = format!("zt-risk-console-{}", fnv_hex(&linked));
    let work = target.join(WORK_DIR);
    if work.exists() {
        std::fs::remove_dir_all(&work)
            .map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let split_js = format!("{stem}_split.js");
    let link_name = format!("./{split_js}");
    let main_module = format!("./{stem}.js");
    let main_wasm = work.join("main.wasm");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&linked);
        opts.output_dir = &work;
        opts.main_out_path = &main_wasm;
        opts.link_name = &link_name;
        opts.main_module = &main_module;
        opts
    })
    .map_err(|e| format!("wasm-split failed: {e:#}"))?;

    let bindgen_dir = work.join("bindgen");
    Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .arg("--out-name")
        .arg(&stem)
        .arg("--out-dir")
        .arg(&bindgen_dir)
        .arg(&main_wasm)
        .run()?;

    let index_path = dist.join("index.html");
    let index = files::read_text(&index_path)?;
    let mut outputs = vec![
        (bindgen_dir.join(format!("{stem}.js")), format!("{stem}.js")),
        (
            bindgen_dir.join(format!("{stem}_bg.wasm")),
            format!("{stem}_bg.wasm"),
        ),
    ];
    let mut link_js = files::read_text(&work.join(&split_js))?;
    for chunk in &split.split_modules {
        let file = chunk
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("odd chunk path {}", chunk.display()))?;
        let renamed = format!("{stem}_{file}");
        link_js = link_js.replace(&format!("\"./{file}\""), &format!("\"./{renamed}\""));
        outputs.push((chunk.clone(), renamed));
    }
    let link_js = split_loader::take_early_compiled(&link_js, split.split_modules.len())?;
    write(&work.join(&split_js), link_js.as_bytes())?;
    outputs.push((work.join(&split_js), split_js.clone()));

    let wasm: Vec<&Path> = outputs
        .iter()
        .filter(|(_, name)| name.ends_with(".wasm"))
        .map(|(path, _)| path.as_path())
        .collect();
    optimize(&wasm)?;

    let old_js = attr(&index, "data-trunk-js").ok_or("index.html has no data-trunk-js")?;
    let old_wasm = attr(&index, "data-trunk-wasm").ok_or("index.html has no data-trunk-wasm")?;
    let mut html = index.clone();
    for (path, name) in &outputs {
        let data = files::read_bytes(path)?;
        let url = format!("/{name}");
        if name.ends_with("_bg.wasm") {
            html = retarget(&html, old_wasm, &url, &integrity(&data));
        } else if name == &format!("{stem}.js") {
            html = retarget(&html, old_js, &url, &integrity(&data));
        } else if name == &split_js {
            html = preload_module(&html, &url, &integrity(&data));
        }
        write(&dist.join(name), &data)?;
    }
    for old in [old_js, old_wasm] {
        let path = dist.join(old.trim_start_matches('/'));
        std::fs::remove_file(&path)
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    let mut pages: Pages = split
        .prefetch_map
        .into_iter()
        .map(|(page, chunks)| {
            let files = chunks.iter().map(|c| format!("{stem}_{c}.wasm")).collect();
            (page, files)
        })
        .collect();
    pages.sort();
    check_boot_routes(&files::read_text(Path::new(BOOT_JS))?, &pages)?;
    write(
        &index_path,
        with_route_chunks(&html, &stem, &pages).as_bytes(),
    )?;
    println!(
        "split: main module + {} chunks, loaded by {split_js}",
        split.split_modules.len()
    );
    Ok(pages)
}

/// The console's boot script: its `ROUTES` name the split point of each page's address.
const BOOT_JS: &str = "public/boot.js";

/// Fails unless every split point `ROUTES` names in `boot` (`['/path', 'name'],` lines) is one
/// the split produced: a renamed split point would otherwise silently lose its early fetch.
fn check_boot_routes(boot: &str, pages: &Pages) -> Result<(), String> {
    let names: Vec<&str> = boot
        .lines()
        .filter_map(|line| line.trim().strip_prefix("['/"))
        .filter_map(|rest| rest.split('\'').nth(2))
        .collect();
    if names.is_empty() {
        return Err(format!("{BOOT_JS} lists no ROUTES"));
    }
    match names
        .iter()
        .find(|name| !pages.iter().any(|(page, _)| page == *name))
    {
        Some(name) => Err(format!(
            "{BOOT_JS} names the split point `{name}`, which the build does not have"
        )),
        None => Ok(()),
    }
}

/// `html` with the boot script tag's `data-chunks`: the files of each split point as JSON,
/// `chunk_N` as `N` and any other file by its name (`{"users":[3,17,"split_users"]}`), and
/// `data-chunk-base`, what precedes the name (`/zt-risk-console-<build>_`, `.wasm` follows):
/// `boot.js` fetches those of the page at the address while the main module loads.
pub fn with_route_chunks(html: &str, stem: &str, pages: &Pages) -> String {
    let prefix = format!("{stem}_");
    let map: serde_json::Map<String, serde_json::Value> = pages
        .iter()
        .map(|(page, files)| {
            let names = files
                .iter()
                .map(|f| {
                    let name = f.trim_start_matches(&prefix).trim_end_matches(".wasm");
                    match name.strip_prefix("chunk_").map(str::parse::<u32>) {
                        Some(Ok(n)) => n.into(),
                        _ => name.into(),
                    }
                })
                .collect();
            (page.clone(), serde_json::Value::Array(names))
        })
        .collect();
    let json = serde_json::Value::Object(map)
        .to_string()
        .replace('"', "&quot;");
    html.replacen(
        " data-trunk-js=",
        &format!(" data-chunk-base=\"/{prefix}\" data-chunks=\"{json}\" data-trunk-js="),
        1,
    )
}

/// Runs wasm-opt on every file in place (without its `name` section), two at a time: one per
/// core of the CI machines, and each run of npm's wasm-opt spends about a second starting up.
fn optimize(files: &[&Path]) -> Result<(), String> {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let module = files::read_bytes(path)?;
                        write(path, &wasm_sections::without_custom(&module, "name"))?;
                        Cmd::new("wasm-opt")
                            .args(WASM_OPT_ARGS)
                            .arg(path)
                            .arg("-o")
                            .arg(path)
                            .run()?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err("a wasm-opt worker panicked".into()))
        })
    })
}

fn write(path: &Path, data: &[u8]) -> Result<(), String> {
    std::fs::write(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// 64-bit FNV-1a of `data` as 16 hex digits: names the build's files (cache busting only).
pub fn fnv_hex(data: &[u8]) -> String {
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The value of the first `name="…"` attribute in `html`.
pub fn attr<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let start = html.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

/// wasm-opt's arguments for the main module and every chunk (Trunk's own wasm-opt step is off,
/// `data-wasm-opt="0"` in index.html). The two extra flatten/rereloop rounds measured 1 % smaller
/// after brotli for ≈ 10 s more build (the second round 520 B); the strips drop 95 B the browser
/// never reads. Measured worse: `--gufa` first, `-O3` first; `--converge` takes minutes. The
/// features are named because a chunk has no `target_features` section to detect them from.
const WASM_OPT_ARGS: [&str; 16] = [
    "-Oz",
    "--flatten",
    "--rereloop",
    "-Oz",
    "--flatten",
    "--rereloop",
    "-Oz",
    "-Oz",
    "--strip-producers",
    "--strip-target-features",
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// `sha384-…` of `data`, as in an `integrity` attribute.
pub fn integrity(data: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(data))
    )
}

/// Points every reference to `old` at `new`, and gives the preload tag of `new` its integrity.
pub fn retarget(html: &str, old: &str, new: &str, integrity: &str) -> String {
    let html = html.replace(old, new);
    let tag_start = html
        .find(&format!("href=\"{new}\""))
        .and_then(|at| html[..at].rfind('<'));
    let Some(start) = tag_start else { return html };
    let end = start + html[start..].find('>').unwrap_or(html.len() - start);
    let tag = &html[start..end];
    let Some(value) = attr(tag, "integrity") else {
        return html;
    };
    let tag = tag.replace(value, integrity);
    format!("{}{tag}{}", &html[..start], &html[end..])
}

/// Adds a `modulepreload` of `url` before `</head>`.
pub fn preload_module(html: &str, url: &str, integrity: &str) -> String {
    let tag = format!(
        "<link rel=\"modulepreload\" href=\"{url}\" crossorigin=\"anonymous\" integrity=\"{integrity}\">"
    );
    html.replacen("</head>", &format!("{tag}</head>"), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = concat!(
        "<head><script type=\"module\" src=\"/boot.js\" data-trunk-js=\"/app-1.js\" ",
        "data-trunk-wasm=\"/app-1_bg.wasm\"></script>",
        "<link rel=\"modulepreload\" href=\"/app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-OLDJS\">",
        "<link rel=\"preload\" href=\"/app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-OLDWASM\" as=\"fetch\" type=\"application/wasm\"></head>"
    );

    #[test]
    fn retargeting_moves_every_reference_and_the_integrity() {
        let html = retarget(TRUNK_INDEX, "/app-1.js", "/app-2.js", "sha384-NEWJS");
        let html = retarget(&html, "/app-1_bg.wasm", "/app-2_bg.wasm", "sha384-NEWWASM");
        assert!(!html.contains("app-1"), "{html}");
        assert_eq!(attr(&html, "data-trunk-js"), Some("/app-2.js"));
        assert_eq!(attr(&html, "data-trunk-wasm"), Some("/app-2_bg.wasm"));
        assert!(html
            .contains("href=\"/app-2.js\" crossorigin=\"anonymous\" integrity=\"sha384-NEWJS\""));
        assert!(html.contains("integrity=\"sha384-NEWWASM\" as=\"fetch\""));
        assert!(!html.contains("OLD"));
    }

    #[test]
    fn the_link_module_is_preloaded_in_the_head() {
        let html = preload_module(TRUNK_INDEX, "/app-2_split.js", "sha384-X");
        assert!(html.ends_with(
            "<link rel=\"modulepreload\" href=\"/app-2_split.js\" crossorigin=\"anonymous\" integrity=\"sha384-X\"></head>"
        ));
    }

    #[test]
    fn the_boot_script_learns_each_pages_chunks() {
        let pages: Pages = vec![
            ("overview".into(), vec!["x_split_overview.wasm".into()]),
            (
                "users".into(),
                vec!["x_chunk_1.wasm".into(), "x_split_users.wasm".into()],
            ),
        ];
        let html = with_route_chunks(TRUNK_INDEX, "x", &pages);
        let chunks = attr(&html, "data-chunks").unwrap().replace("&quot;", "\"");
        let parsed: serde_json::Value = serde_json::from_str(&chunks).unwrap();
        assert_eq!(parsed["users"], serde_json::json!([1, "split_users"]));
        assert_eq!(attr(&html, "data-chunk-base"), Some("/x_"));
        assert_eq!(attr(&html, "data-trunk-js"), Some("/app-1.js"));
        let boot = "const ROUTES = [\n  ['/', 'overview'],\n  ['/users', 'users'],\n];";
        assert_eq!(check_boot_routes(boot, &pages), Ok(()));
        let renamed = boot.replace("'users']", "'people']");
        assert!(check_boot_routes(&renamed, &pages)
            .unwrap_err()
            .contains("`people`"));
        assert!(check_boot_routes("", &pages).is_err());
    }

    #[test]
    fn build_names_follow_the_content() {
        assert_eq!(fnv_hex(b""), "cbf29ce484222325");
        assert_eq!(fnv_hex(b"a"), "af63dc4c8601ec8c");
        assert_ne!(fnv_hex(b"ab"), fnv_hex(b"ba"));
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
