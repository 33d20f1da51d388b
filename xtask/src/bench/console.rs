//! The console suite: the Users page at 50,000 demo users against a hand-written JS page
//! (`reference/users.html`: plain DOM calls, the same `/summary`, token, sort, search and 50
//! rows, the console's own stylesheet), in the same run and the same headless Chromium, driven
//! through chromedriver ([`webdriver`](super::webdriver)). Both are served by one
//! `zt-risk-server demo` from a copy of the console's `dist/` with the reference added as
//! `/bench-reference/index.html`, so that, like the console's `index.html`, the server sends it
//! `no-cache`.
//!
//! Measured with the scripts in `probe.js`, identical for both pages:
//! - time to first painted row: navigation start → just after the frame that first shows a
//!   data row (median of the runs, after one warm-up load of each page, so both load warm);
//!   on loopback, then again with a 100 ms round trip emulated by Chromium (what the early
//!   summary request of `public/boot.js` is for: it overlaps the request with loading the wasm);
//! - keystroke-to-paint of the search box: a name typed and erased a character at a time; per
//!   keystroke, `input` event → just after the frame that shows the new first row and count
//!   (median over the keystrokes that change what is shown; the console must show exactly what
//!   the reference showed, or the suite fails);
//! - the first keystroke alone, the one that filters the whole list (an empty box, then one
//!   letter), measured the same way on a fresh load of each page, [`FIRST_KEYS`] times: the
//!   median of many keystrokes hides it, as later ones filter short lists.
//!
//! Then the first painted row of `/` (Overview) and `/users` with the 100 ms round trip, the
//! figures a change of the code split must not make worse: `ZT_BENCH_BEFORE=DIR` (an earlier
//! build's `dist/`) serves that build too and measures it in the same run (`console_routes`).
//!
//! `ZT_BENCH_DIST=DIR` measures another build of the console (e.g. the previous commit's
//! `dist/`) instead of building this one. `ZT_BENCH_PROFILE=FILE` writes Chromium's CPU profile
//! of the console's typed keystrokes to FILE (open it in DevTools' Performance panel).

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};

use super::console_routes::{before_and_after, print_routes};
use super::demo::{demo_in_browser, release_dist};
use super::reference_site::{copy_site, REFERENCE_DIR, REFERENCE_PAGE};
use super::webdriver::Browser;
use super::{Context, Options};
use crate::sh;

const PROBE: &str = include_str!("probe.js");
/// Page loads of each page measured for the first-row time.
pub(super) const LOADS: usize = 15;
/// Fresh loads of each page measured for the first keystroke.
const FIRST_KEYS: usize = 9;
/// The emulated round trip of the second first-row figure (Chromium adds it to every request
/// that reaches the network; files the browser keeps as immutable do not).
pub(super) const RTT_MS: u64 = 100;
/// The target: the console at most this many times the reference's figure.
const TARGET: f64 = 1.0;

pub fn run(o: &Options, ctx: &Context) -> Result<(), String> {
    let dist = release_dist()?;
    let site = ctx.scratch.join("console-site");
    copy_site(&dist, &site)?;
    let users = o.console_users.to_string();
    let (server, browser) = demo_in_browser(ctx, &site, &users, "", Duration::from_secs(120))?;
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": section("FIRST_ROW")? }),
    )?;
    let console = format!("{}/users", server.url);
    let reference = format!("{}/{REFERENCE_DIR}/{REFERENCE_PAGE}", server.url);

    let (console_ms, reference_ms) = first_rows(&browser, &console, &reference, "loopback")?;
    // The same on a link with a round trip of RTT_MS, as between an admin and a proxy.
    browser.cdp("Network.enable", json!({}))?;
    round_trip(&browser, RTT_MS)?;
    let rtt = first_rows(
        &browser,
        &console,
        &reference,
        &format!("{RTT_MS} ms round trip"),
    )?;
    let routes = before_and_after(ctx, &browser, &server.url, &users)?;
    round_trip(&browser, 0)?;

    sh::step("keystroke-to-paint of the search box");
    first_row(&browser, &reference)?;
    let queries = browser.run_async(&section("QUERIES")?, json!([]))?;
    let (reference_keys, shown) = keystrokes(&browser, USERS_SEARCH, &queries, &Value::Null)?;
    first_row(&browser, &console)?;
    let expected = Value::Array(shown.clone());
    let profile = std::env::var_os("ZT_BENCH_PROFILE");
    if profile.is_some() {
        browser.cdp("Profiler.enable", json!({}))?;
        browser.cdp("Profiler.start", json!({}))?;
    }
    let (console_keys, _) = keystrokes(&browser, USERS_SEARCH, &queries, &expected)?;
    if let Some(file) = profile {
        let got = browser.cdp("Profiler.stop", json!({}))?;
        std::fs::write(&file, got["profile"].to_string())
            .map_err(|e| format!("cannot write {}: {e}", file.to_string_lossy()))?;
    }
    let changed = changed_keystrokes(&shown);
    let pick = |all: &[f64]| changed.iter().map(|&i| all[i]).collect::<Vec<_>>();
    let first_key = first_keystrokes(&browser, &console, &reference, &queries, &shown)?;
    drop(browser);
    drop(server);

    let rows = [
        Figure {
            what: format!("time to first painted row (median of {LOADS} loads)"),
            console: console_ms,
            reference: reference_ms,
        },
        Figure {
            what: format!("time to first painted row, {RTT_MS} ms round trip (median of {LOADS})"),
            console: rtt.0,
            reference: rtt.1,
        },
        Figure {
            what: format!("first search keystroke-to-paint, fresh load (median of {FIRST_KEYS})"),
            console: first_key.0,
            reference: first_key.1,
        },
        Figure {
            what: format!("search keystroke-to-paint (median of {})", changed.len()),
            console: pick(&console_keys),
            reference: pick(&reference_keys),
        },
    ];
    print_table(o, &dist, &rows);
    print_routes(&routes);
    Ok(())
}

/// First-row times of `console` and `reference`, loaded in turn [`LOADS`] times after a warm-up
/// load of each (`link` names the network conditions in the progress lines).
fn first_rows(
    browser: &Browser,
    console: &str,
    reference: &str,
    link: &str,
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let (mut console_ms, mut reference_ms) = (Vec::new(), Vec::new());
    for run in 0..=LOADS {
        sh::step(&format!(
            "first painted row, {link}, load {run} of {LOADS} (0 = warm-up)"
        ));
        let r = first_row(browser, reference)?;
        let c = first_row(browser, console)?;
        if run > 0 {
            reference_ms.push(r);
            console_ms.push(c);
        }
    }
    Ok((console_ms, reference_ms))
}

/// The first keystroke (`queries[0]`, one letter, into an empty box) on a fresh load of each
/// page in turn, [`FIRST_KEYS`] times; the console must show what the reference showed
/// (`shown[1]`). Returns the console's ms and the reference's.
fn first_keystrokes(
    browser: &Browser,
    console: &str,
    reference: &str,
    queries: &Value,
    shown: &[Value],
) -> Result<(Vec<f64>, Vec<f64>), String> {
    let first = json!([queries.get(0).ok_or("no search query")?]);
    let expected = Value::Array(shown.iter().take(2).cloned().collect());
    let (mut console_ms, mut reference_ms) = (Vec::new(), Vec::new());
    for run in 1..=FIRST_KEYS {
        sh::step(&format!(
            "first keystroke, fresh load {run} of {FIRST_KEYS}"
        ));
        first_row(browser, reference)?;
        reference_ms.extend(keystrokes(browser, USERS_SEARCH, &first, &Value::Null)?.0);
        first_row(browser, console)?;
        console_ms.extend(keystrokes(browser, USERS_SEARCH, &first, &expected)?.0);
    }
    Ok((console_ms, reference_ms))
}

/// Makes Chromium add `ms` to every request's round trip (0: none), bandwidth unlimited.
fn round_trip(browser: &Browser, ms: u64) -> Result<(), String> {
    let link = json!({ "offline": false, "latency": ms, "downloadThroughput": -1, "uploadThroughput": -1 });
    browser
        .cdp("Network.emulateNetworkConditions", link)
        .map(drop)
}

/// One measured figure: every sample of each page.
struct Figure {
    what: String,
    console: Vec<f64>,
    reference: Vec<f64>,
}

/// Opens `url` and returns the first-row time in ms.
pub(super) fn first_row(browser: &Browser, url: &str) -> Result<f64, String> {
    browser.goto(url)?;
    let got = browser.run_async(&section("WAIT_FIRST_ROW")?, json!([]))?;
    got["ms"]
        .as_f64()
        .ok_or_else(|| format!("{url}: {}", got["error"].as_str().unwrap_or("no first row")))
}

/// The users page's search box id and its rows' name links (see `KEYS` in `probe.js`).
const USERS_SEARCH: (&str, &str) = ("user-search", "table.users tbody tr a");

/// Types `queries` into the open page's search box (`search`: its id and the rows' name links);
/// returns each keystroke's ms and, first, the state shown before typing followed by the state
/// after each keystroke.
pub(super) fn keystrokes(
    browser: &Browser,
    search: (&str, &str),
    queries: &Value,
    expected: &Value,
) -> Result<(Vec<f64>, Vec<Value>), String> {
    let expected = match expected {
        Value::Array(states) => Value::Array(states[1..].to_vec()),
        other => other.clone(),
    };
    let args = json!([queries, expected, search.0, search.1]);
    let got = browser.run_async(&section("KEYS")?, args)?;
    if let Some(error) = got["error"].as_str() {
        return Err(format!("keystrokes: {error}"));
    }
    let results = got["results"].as_array().cloned().unwrap_or_default();
    let ms = results.iter().filter_map(|r| r[0].as_f64()).collect();
    let mut shown = vec![got["before"].clone()];
    shown.extend(results.iter().map(|r| r[1].clone()));
    Ok((ms, shown))
}

/// Indices of the keystrokes after which the page shows something else than before
/// (`shown[0]` is the state before the first keystroke).
pub(super) fn changed_keystrokes(shown: &[Value]) -> Vec<usize> {
    (1..shown.len())
        .filter(|&i| shown[i] != shown[i - 1])
        .map(|i| i - 1)
        .collect()
}

/// The part of `probe.js` between `//@NAME` and `//@END`.
pub(super) fn section(name: &str) -> Result<String, String> {
    let start = format!("//@{name}\n");
    PROBE
        .split_once(&start)
        .and_then(|(_, rest)| rest.split_once("//@END"))
        .map(|(body, _)| body.to_owned())
        .ok_or_else(|| format!("probe.js has no section {name}"))
}

pub(super) fn median(samples: &[f64]) -> f64 {
    let mut v = samples.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// `median (min–max)` of `v`, in ms.
pub(super) fn spread(v: &[f64]) -> String {
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(0.0, f64::max);
    format!("{:.1} ({min:.0}–{max:.0})", median(v))
}

fn print_table(o: &Options, dist: &Path, rows: &[Figure]) {
    println!(
        "\nheadless Chromium, {} demo users, console from {}; ms, median (min–max)\n",
        o.console_users,
        dist.display()
    );
    println!(
        "| measure | console | hand-written reference | console / reference (≤ {TARGET:.2}) |"
    );
    println!("|---|---:|---:|---:|");
    for f in rows {
        let ratio = median(&f.console) / median(&f.reference);
        println!(
            "| {} | {} | {} | {ratio:.2} {} |",
            f.what,
            spread(&f.console),
            spread(&f.reference),
            if ratio <= TARGET { "✓" } else { "✗" }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probe_sections_and_helpers() {
        for name in [
            "FIRST_ROW",
            "WAIT_FIRST_ROW",
            "QUERIES",
            "KEYS",
            "LOAD",
            "EXPORT",
        ] {
            assert!(
                section(name).is_ok_and(|s| s.contains("done") || s.contains("__zt")),
                "{name}"
            );
        }
        assert!(section("NOPE").is_err());
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        let shown = [
            json!("all"),
            json!("a"),
            json!("a"),
            json!("b"),
            json!("all"),
        ];
        assert_eq!(changed_keystrokes(&shown), [0, 2, 3]);
    }
}
