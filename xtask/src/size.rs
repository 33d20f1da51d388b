//! Pure size accounting for `cargo xtask dist`: compressed sizes, first-load set, table, budget.

use std::io::Write;

/// One file of dist/ with its sizes in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path relative to dist/, with `/` separators.
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Loaded on the first visit (index.html, what it references, config.json).
    pub first_load: bool,
}

impl Entry {
    /// Measures `data` (gzip level 9, brotli quality 11, window 22).
    pub fn measure(path: &str, data: &[u8], first_load: bool) -> Result<Entry, String> {
        Ok(Entry {
            path: path.to_string(),
            raw: data.len() as u64,
            gzip: gzip_len(data)?,
            brotli: brotli_len(data)?,
            first_load,
        })
    }
}

/// Size of `data` compressed with gzip -9.
pub fn gzip_len(data: &[u8]) -> Result<u64, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(9));
    enc.write_all(data).map_err(|e| format!("gzip: {e}"))?;
    let out = enc.finish().map_err(|e| format!("gzip: {e}"))?;
    Ok(out.len() as u64)
}

/// Size of `data` compressed with brotli quality 11.
pub fn brotli_len(data: &[u8]) -> Result<u64, String> {
    let mut out = Vec::new();
    {
        let mut enc = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        enc.write_all(data).map_err(|e| format!("brotli: {e}"))?;
        enc.flush().map_err(|e| format!("brotli: {e}"))?;
    }
    Ok(out.len() as u64)
}

/// Whether a dist/ file is part of the first page load: index.html itself, config.json (fetched
/// at start-up) and every file whose name index.html mentions (JS glue, wasm, CSS, preloads),
/// except in the boot script's `data-chunks`: the page chunks, of which `boot.js` fetches only
/// those of the address's page.
pub fn is_first_load(path: &str, index_html: &str) -> bool {
    if path == "index.html" || path == "config.json" {
        return true;
    }
    let html = without_attr(index_html, " data-chunks=\"");
    html.contains(&format!("/{path}")) || html.contains(&format!("\"{path}"))
}

/// `html` without the value of the first attribute that starts with `start` (` name="`).
fn without_attr(html: &str, start: &str) -> String {
    let Some(at) = html.find(start) else {
        return html.to_owned();
    };
    let value = at + start.len();
    let end = html[value..]
        .find('"')
        .map_or(html.len(), |n| value + n + 1);
    format!("{}{}", &html[..at], &html[end..])
}

/// Sum of (raw, gzip, brotli) over the first-load entries.
pub fn first_load_totals(entries: &[Entry]) -> (u64, u64, u64) {
    entries
        .iter()
        .filter(|e| e.first_load)
        .fold((0, 0, 0), |(r, g, b), e| {
            (r + e.raw, g + e.gzip, b + e.brotli)
        })
}

/// The printed table: one row per file (`*` marks first load), then the first-load total.
pub fn table(entries: &[Entry]) -> String {
    let width = entries
        .iter()
        .map(|e| e.path.len() + 2)
        .chain([20])
        .max()
        .unwrap_or(20);
    let row = |name: &str, raw: u64, gzip: u64, brotli: u64| {
        format!("{name:<width$} {raw:>10} {gzip:>10} {brotli:>10}\n")
    };
    let mut out = format!(
        "{:<width$} {:>10} {:>10} {:>10}\n",
        "file (bytes)", "raw", "gzip -9", "brotli 11"
    );
    for e in entries {
        let mark = if e.first_load { "* " } else { "  " };
        out += &row(&format!("{mark}{}", e.path), e.raw, e.gzip, e.brotli);
    }
    let (raw, gzip, brotli) = first_load_totals(entries);
    out += &"-".repeat(width + 33);
    out += "\n";
    out += &row("first load (*)", raw, gzip, brotli);
    out
}

/// Fails when the first-load brotli total exceeds the budget; otherwise describes the margin.
pub fn check_budget(first_load_brotli: u64, budget: u64) -> Result<String, String> {
    let pct = first_load_brotli as f64 * 100.0 / budget.max(1) as f64;
    let summary = format!(
        "first-load brotli total {} ({first_load_brotli} B) is {pct:.0}% of the budget {} ({budget} B, budget.toml)",
        kb(first_load_brotli),
        kb(budget)
    );
    if first_load_brotli > budget {
        Err(format!("size budget exceeded: {summary}"))
    } else {
        Ok(summary)
    }
}

/// `153600` → `150.0 KB` (KB = 1024 bytes).
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, brotli: u64, first_load: bool) -> Entry {
        Entry {
            path: path.into(),
            raw: brotli * 3,
            gzip: brotli * 2,
            brotli,
            first_load,
        }
    }

    #[test]
    fn compression_shrinks_repetitive_data() {
        let data = "risk score ".repeat(1000);
        let gz = gzip_len(data.as_bytes()).unwrap();
        let br = brotli_len(data.as_bytes()).unwrap();
        assert!(gz > 0 && gz < 200, "gzip {gz}");
        assert!(br > 0 && br <= gz, "brotli {br} vs gzip {gz}");
    }

    #[test]
    fn first_load_follows_index_html_references() {
        let html = r#"<link rel="modulepreload" href="/app-1a2b.js"><link rel="stylesheet" href="/main-9f.css">
            <script type="module">import init from '/app-1a2b.js'; init({module_or_path: '/app-1a2b_bg.wasm'})</script>"#;
        for path in [
            "index.html",
            "config.json",
            "app-1a2b.js",
            "app-1a2b_bg.wasm",
            "main-9f.css",
        ] {
            assert!(is_first_load(path, html), "{path}");
        }
        for path in ["_headers", "_redirects", "snippets/x.js"] {
            assert!(!is_first_load(path, html), "{path}");
        }
    }

    #[test]
    fn page_chunks_are_not_first_load() {
        let index = concat!(
            "<script src=\"/boot-1.js\" data-chunks=\"{&quot;users&quot;:[&quot;/c_split_users.wasm&quot;]}\" ",
            "data-trunk-js=\"/app.js\"></script>"
        );
        assert!(is_first_load("boot-1.js", index));
        assert!(is_first_load("app.js", index));
        assert!(!is_first_load("c_split_users.wasm", index));
    }

    #[test]
    fn table_lists_files_and_first_load_total() {
        let entries = [
            entry("index.html", 10, true),
            entry("_headers", 5, false),
            entry("a.wasm", 100, true),
        ];
        assert_eq!(first_load_totals(&entries), (330, 220, 110));
        let t = table(&entries);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 6, "{t}");
        assert!(lines[0].starts_with("file (bytes)") && lines[0].ends_with("brotli 11"));
        assert!(lines[1].starts_with("* index.html") && lines[1].ends_with(" 10"));
        assert!(lines[2].starts_with("  _headers"));
        assert!(
            lines[5].starts_with("first load (*)")
                && lines[5].ends_with(" 330        220        110")
        );
    }

    #[test]
    fn budget_fails_only_above_the_limit() {
        assert!(check_budget(153_600, 153_600).is_ok());
        assert!(check_budget(100, 153_600)
            .unwrap()
            .contains("0% of the budget 150.0 KB"));
        let err = check_budget(153_601, 153_600).unwrap_err();
        assert!(err.starts_with("size budget exceeded"), "{err}");
        assert_eq!(kb(1536), "1.5 KB");
    }
}
