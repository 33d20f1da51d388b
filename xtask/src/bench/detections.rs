//! The detections suite: Detections with about 100,000 loaded events, in headless Chromium
//! through chromedriver ([`webdriver`](super::webdriver)), against `zt-risk-server demo` with
//! [`DEMO_USERS`] users: the summary lists about 62% of them, and a user's events (`GET
//! /{user_id}`, the history before a reset included) are about 5.5 on average, so 30,000 demo
//! users give about 103,000 events.
//!
//! The events get into the page the way an admin loads them: the real "Load events" button
//! (all users, at most 4 requests in flight) until the run reads "Done". Then, with the
//! scripts in `probe.js`:
//! - keystroke-to-paint of the Detections user search: three names from the first page typed
//!   and erased a character at a time; per keystroke, `input` event → just after the frame that
//!   shows the result the page settles on (found by a first, untimed pass), median over the
//!   keystrokes that change what is shown;
//! - export time: "Export CSV" / "Export JSON" over every loaded event, click → the finished
//!   Blob handed to the download (the file is then checked on disk), and the longest gap between
//!   two painted frames meanwhile: how long the page froze at most.
//!
//! No reference page: loading 100,000 events by hand-written JS would be a second console.
//! `ZT_BENCH_DIST=DIR` measures another build of the console instead of building this one.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::console::{changed_keystrokes, keystrokes, section, spread};
use super::demo::{demo_in_browser, release_dist};
use super::webdriver::Browser;
use super::{Context, Options};
use crate::sh;

/// Demo users: enough for at least 100,000 events.
const DEMO_USERS: &str = "30000";
/// Exports of each format measured.
const EXPORTS: usize = 3;
/// The Detections search box and its rows' user links (see `KEYS` in `probe.js`).
const SEARCH: (&str, &str) = ("detections-search", "table.detections tbody tr td a");

pub fn run(_: &Options, ctx: &Context) -> Result<(), String> {
    let dist = release_dist()?;
    let (server, browser) = demo_in_browser(
        ctx,
        &dist,
        DEMO_USERS,
        "detections-",
        Duration::from_secs(900),
    )?;
    let downloads = ctx.scratch.join("detections-downloads");
    std::fs::create_dir_all(&downloads).map_err(|e| format!("{}: {e}", downloads.display()))?;
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": section("FIRST_ROW")? }),
    )?;
    browser.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": downloads }),
    )?;
    browser.goto(&format!("{}/detections", server.url))?;

    sh::step(&format!("Load events for {DEMO_USERS} demo users"));
    let load = browser.run_async(&section("LOAD")?, json!([]))?;
    let load_ms = figure(&load, "ms")?;
    if load["failed"].as_u64() != Some(0) {
        return Err(format!("the load left failed users: {load}"));
    }
    let memory = load["memory"].as_str().unwrap_or_default().to_owned();
    sh::step(&memory);

    sh::step("keystroke-to-paint of the Detections user search");
    let queries = browser.run_async(&section("QUERIES")?, json!([SEARCH.1]))?;
    let (_, settled) = keystrokes(&browser, SEARCH, &queries, &json!("settle"))?;
    let (keys, _) = keystrokes(&browser, SEARCH, &queries, &Value::Array(settled.clone()))?;
    let changed = changed_keystrokes(&settled);
    let keys: Vec<f64> = changed.iter().map(|&i| keys[i]).collect();

    let mut exports = Vec::new();
    for (label, ext) in [("Export CSV", "csv"), ("Export JSON", "json")] {
        sh::step(&format!("{label}, {EXPORTS} times"));
        exports.push((label, export(&browser, label, ext, &downloads)?));
    }
    drop(browser);
    drop(server);

    println!(
        "\nheadless Chromium, Detections, {DEMO_USERS} demo users, console from {}\n",
        dist.display()
    );
    println!("| measure | ms, median (min–max) |");
    println!("|---|---:|");
    println!("| events loaded | {memory} |");
    println!("| Load events (all users): click → \"Done\" | {load_ms:.0} |");
    println!(
        "| search keystroke-to-paint (median of {}) | {} |",
        keys.len(),
        spread(&keys)
    );
    for (label, runs) in &exports {
        let ms: Vec<f64> = runs.iter().map(|r| r.ms).collect();
        let gaps: Vec<f64> = runs.iter().map(|r| r.gap).collect();
        let mb = runs.first().map_or(0.0, |r| r.bytes as f64 / 1e6);
        println!(
            "| {label} ({mb:.1} MB): click → file built | {} |",
            spread(&ms)
        );
        println!(
            "| {label}: longest frame gap meanwhile | {} |",
            spread(&gaps)
        );
    }
    Ok(())
}

/// One export: ms from the click to the finished Blob, the longest frame gap, the file's bytes.
struct Export {
    ms: f64,
    gap: f64,
    bytes: u64,
}

/// Exports [`EXPORTS`] times with the button `label`; each file must land in `downloads`
/// (with extension `ext`) at the size the page built.
fn export(
    browser: &Browser,
    label: &str,
    ext: &str,
    downloads: &Path,
) -> Result<Vec<Export>, String> {
    let mut runs = Vec::new();
    for _ in 0..EXPORTS {
        clear(downloads)?;
        let got = browser.run_async(&section("EXPORT")?, json!([label]))?;
        let run = Export {
            ms: figure(&got, "ms")?,
            gap: figure(&got, "gap")?,
            bytes: got["bytes"].as_u64().unwrap_or(0),
        };
        saved(downloads, ext, run.bytes)?;
        runs.push(run);
    }
    Ok(runs)
}

fn figure(got: &Value, name: &str) -> Result<f64, String> {
    got[name]
        .as_f64()
        .ok_or_else(|| got["error"].as_str().unwrap_or("no figure").to_owned())
}

fn clear(dir: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Waits (up to 60 s) for the finished `.ext` download of `bytes` bytes in `dir`.
fn saved(dir: &Path, ext: &str, bytes: u64) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let size = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == ext))
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len());
        if size == Some(bytes) && bytes > 0 {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "no .{ext} download of {bytes} bytes in {} (found {size:?})",
                dir.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
