//! The memory suite (issue 22): what the profile's store in IndexedDB saves, with the requests
//! counted at the emulator (`--request-log`) and the times taken in headless Chromium (scripts
//! `MEMORY` and `SETTLED` of `probe.js`), on a [`USERS`]-user demo at Cloudflare's rate limit
//! ([`RATE_LIMIT`]) whose [`CHANGED`] users get a new event after [`ROUND_MIN`] minutes
//! (`--activity`):
//! - (a) the first load of events on Detections: the real "Load events" button (all users),
//!   click → the run reads "Done";
//! - (b) a reload with nothing changed: summary arrival → the Detections pager counts every
//!   event of (a) (target: 1 request, within 1 s);
//! - (c) after the activity round: a reload, summary arrival → the automatic refresh of the
//!   changed users reads "Done" (target: 51 requests).
//!
//! The longest task while storing 50,000 users is the `long-tasks` suite (`long_tasks.rs`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::console::section;
use super::demo::{demo_with, release_dist};
use super::webdriver::Browser;
use super::{Context, Options};
use crate::sh;

const USERS: &str = "5000";
const RATE_LIMIT: &str = "1200/300";
const CHANGED: u32 = 50;
/// When the activity round comes: after (a) and (b), which take about 11 minutes at the limit
/// (3 windows of 1,200 requests for about 3,100 users).
const ROUND_MIN: u64 = 14;

pub fn run(_: &Options, ctx: &Context) -> Result<(), String> {
    let dist = release_dist()?;
    let lines = cases(ctx, &dist)?;
    println!(
        "\nheadless Chromium, Detections, {USERS} demo users, --rate-limit {RATE_LIMIT}, \
         console from {}\n",
        dist.display()
    );
    for line in &lines {
        println!("{line}");
    }
    Ok(())
}

/// The emulator's request log: one `METHOD PATH STATUS` line per request answered.
struct Requests(PathBuf);

impl Requests {
    fn all(&self) -> Vec<String> {
        let text = std::fs::read_to_string(&self.0).unwrap_or_default();
        text.lines().map(str::to_owned).collect()
    }

    fn mark(&self) -> usize {
        self.all().len()
    }

    /// The requests answered since `mark`, in words: "51 requests (1 summary, 50 users)".
    fn since(&self, mark: usize) -> (usize, String) {
        let lines = self.all().split_off(mark.min(self.mark()));
        let summary = lines.iter().filter(|l| l.contains("/summary ")).count();
        let users = lines.iter().filter(|l| is_user(l)).count();
        let limited = lines.iter().filter(|l| l.ends_with(" 429")).count();
        let other = lines.len() - summary - users;
        let plural = if lines.len() == 1 { "" } else { "s" };
        let mut words = format!(
            "{} request{plural} ({summary} summary, {users} users",
            lines.len()
        );
        if other > 0 {
            words.push_str(&format!(", {other} other"));
        }
        if limited > 0 {
            words.push_str(&format!("; {limited} of them answered 429"));
        }
        words.push(')');
        (lines.len(), words)
    }
}

/// A `GET` of one user's events: `/zt_risk_scoring/` and a 36-character id at the end.
fn is_user(line: &str) -> bool {
    let path = line.split(' ').nth(1).unwrap_or_default();
    path.rsplit_once("/zt_risk_scoring/")
        .is_some_and(|(_, id)| id.len() == 36 && id.bytes().filter(|b| *b == b'-').count() == 4)
}

/// Cases (a), (b) and (c), one line each.
fn cases(ctx: &Context, dist: &Path) -> Result<Vec<String>, String> {
    let requests = Requests(ctx.scratch.join("memory-requests.log"));
    let log = requests.0.display().to_string();
    let activity = format!("{CHANGED}/{ROUND_MIN}");
    let started = Instant::now();
    let data = [
        "--users",
        USERS,
        "--rate-limit",
        RATE_LIMIT,
        "--activity",
        &activity,
        "--request-log",
        &log,
    ];
    let limit = Duration::from_secs(900);
    let (server, browser) = demo_with(ctx, dist, &data, "memory-", limit)?;
    let probe = json!({ "source": section("MEMORY")? });
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", probe)?;
    let page = format!("{}/detections", server.url);

    sh::step(&format!(
        "(a) first load of events for the {USERS} demo users"
    ));
    browser.goto(&page)?;
    let mark = requests.mark();
    let load = browser.run_async(&section("LOAD")?, json!([]))?;
    let load_ms = figure(&load, "ms")?;
    let (_, a) = requests.since(mark);
    let memory = load["memory"].as_str().unwrap_or_default().to_owned();
    let (events, users) = counts(&memory)?;
    sh::step(&memory);
    stored(&browser, &page, events, users)?;

    sh::step("(b) reload, nothing changed");
    let (b, filled) = reload(&browser, &page, &requests, json!([events, 60_000]))?;
    let b_ms = figure(&filled, "at")? - figure(&filled, "summary")?;

    let round = Duration::from_secs(ROUND_MIN * 60);
    let waited = started.elapsed();
    if waited + Duration::from_secs(15) > round {
        return Err(format!(
            "(a) and (b) took {} s: the activity round ({ROUND_MIN} min) may have come before \
             (b) ended; raise ROUND_MIN",
            waited.as_secs()
        ));
    }
    sh::step(&format!(
        "(c) waiting {} s for the activity round ({CHANGED} users get a new event)",
        (round - waited).as_secs() + 10
    ));
    std::thread::sleep(round - waited + Duration::from_secs(10));
    let (c, refreshed) = reload(&browser, &page, &requests, json!([null, 120_000]))?;
    let c_ms = figure(&refreshed, "at")? - figure(&refreshed, "summary")?;
    drop(browser);
    drop(server);

    Ok(vec![
        format!(
            "(a) first load of events: {a}; click → \"Done\" {:.1} s; {memory}",
            load_ms / 1000.0
        ),
        format!(
            "(b) reload, nothing changed: {b}; summary arrived → all {events} events in the \
             table {b_ms:.0} ms (navigation → table {:.0} ms)",
            figure(&filled, "at")?
        ),
        format!(
            "(c) reload after {CHANGED} users changed: {c}; summary arrived → refresh \"Done\" \
             {c_ms:.0} ms; \"{}\"",
            refreshed["stored"].as_str().unwrap_or_default()
        ),
    ])
}

/// Reloads `page` until script `SETTLED` (with `settled`) returns; the requests answered from
/// then until a second after, in words, and what the script returned.
fn reload(
    browser: &Browser,
    page: &str,
    requests: &Requests,
    settled: Value,
) -> Result<(String, Value), String> {
    let mark = requests.mark();
    browser.goto(page)?;
    let got = browser.run_async(&section("SETTLED")?, settled)?;
    std::thread::sleep(Duration::from_secs(1));
    Ok((requests.since(mark).1, got))
}

/// The whole numbers in `text`, commas allowed ("3,104").
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ','))
        .filter_map(|s| s.replace(',', "").parse().ok())
        .collect()
}

/// Events and users of the panel's "In memory: 17,345 events of 3,104 users, …" line.
fn counts(memory: &str) -> Result<(u64, u64), String> {
    match numbers(memory)[..] {
        [events, users, ..] => Ok((events, users)),
        _ => Err(format!("no counts in {memory:?}")),
    }
}

/// Reloads `page` until "Stored in this browser" counts all `users` (the last writes of the
/// load land in IndexedDB after its "Done").
fn stored(browser: &Browser, page: &str, events: u64, users: u64) -> Result<(), String> {
    for _ in 0..30 {
        browser.goto(page)?;
        let got = browser.run_async(&section("SETTLED")?, json!([events, 60_000]))?;
        let line = got["stored"].as_str().unwrap_or_default();
        if numbers(line).first() == Some(&users) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_secs(1));
    }
    Err(format!("the browser never stored all {users} users"))
}

pub fn figure(got: &Value, name: &str) -> Result<f64, String> {
    got[name].as_f64().ok_or_else(|| {
        let error = got["error"].as_str().unwrap_or("no figure");
        format!("{name}: {error}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_log_and_the_panel() {
        assert!(is_user(
            "GET /client/v4/accounts/ab/zt_risk_scoring/0b6c3f4e-1a2b-4c3d-8e9f-0123456789ab 200"
        ));
        assert!(!is_user(
            "GET /client/v4/accounts/ab/zt_risk_scoring/summary 200"
        ));
        assert_eq!(
            counts("In memory: 17,345 events of 3,104 users, fetched since 2 minutes ago."),
            Ok((17_345, 3_104))
        );
        assert!(counts("In memory:").is_err());
        let dir = std::env::temp_dir().join(format!("zt-memory-log-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let log = Requests(dir.join("r.log"));
        let text = "GET /a/zt_risk_scoring/summary 200\n\
                    GET /a/zt_risk_scoring/0b6c3f4e-1a2b-4c3d-8e9f-0123456789ab 429\n\
                    GET /a/zt_risk_scoring/behaviors 200\n";
        assert!(std::fs::write(&log.0, text).is_ok());
        assert_eq!(log.mark(), 3);
        assert_eq!(
            log.since(0),
            (
                3,
                "3 requests (1 summary, 1 users, 1 other; 1 of them answered 429)".to_owned()
            )
        );
        assert_eq!(
            log.since(2),
            (1, "1 request (0 summary, 0 users, 1 other)".to_owned())
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
