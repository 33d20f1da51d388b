//! The long-tasks suite (issue 22): on a `--console-users` demo (50,000 by default, no rate
//! limit), every main-thread task over 50 ms (PerformanceObserver `longtask`, script
//! `LONGTASKS` of `probe.js`) from the click on Detections' "Load events" until 5 s after its
//! "Done", while every user's events are fetched and stored (target: none over 100 ms); then
//! the same in a page without IndexedDB, which tells the store's share from the page's own work.
//!
//! `ZT_BENCH_PROFILE=FILE` writes Chromium's CPU profile of the run with the store (sampled
//! every 2 ms) to FILE.

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};

use super::console::section;
use super::demo::{demo_with, release_dist};
use super::memory::figure;
use super::{Context, Options};
use crate::sh;

pub fn run(o: &Options, ctx: &Context) -> Result<(), String> {
    let dist = release_dist()?;
    let mut lines = Vec::new();
    for storage in [true, false] {
        lines.push(longest_task(ctx, &dist, o.console_users, storage)?);
    }
    println!(
        "\nheadless Chromium, Detections, {} demo users, console from {}\n",
        o.console_users,
        dist.display()
    );
    for line in &lines {
        println!("{line}");
    }
    Ok(())
}

/// The long tasks while a `users`-user demo's events are loaded and stored; with `storage`
/// false, in a page without IndexedDB (the console then keeps events for the tab only).
fn longest_task(ctx: &Context, dist: &Path, users: u32, storage: bool) -> Result<String, String> {
    let users = users.to_string();
    let limit = Duration::from_secs(1800);
    let tag = if storage {
        "memory-long-"
    } else {
        "memory-nodb-"
    };
    let (server, browser) = demo_with(ctx, dist, &["--users", &users], tag, limit)?;
    let mut probe = section("LONGTASKS")?;
    if !storage {
        probe.push_str("Object.defineProperty(window, 'indexedDB', { value: undefined });\n");
    }
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": probe }),
    )?;
    browser.goto(&format!("{}/detections", server.url))?;
    let what = if storage {
        "loading and storing"
    } else {
        "loading, without IndexedDB,"
    };
    sh::step(&format!(
        "longest task: {what} the events of {users} demo users"
    ));
    let profile = std::env::var_os("ZT_BENCH_PROFILE").filter(|_| storage);
    if profile.is_some() {
        browser.cdp("Profiler.enable", json!({}))?;
        browser.cdp("Profiler.setSamplingInterval", json!({ "interval": 2000 }))?;
        browser.cdp("Profiler.start", json!({}))?;
    }
    let start = browser.run_async("arguments[0](performance.now())", json!([]))?;
    let load = browser.run_async(&section("LOAD")?, json!([]))?;
    let load_ms = figure(&load, "ms")?;
    std::thread::sleep(Duration::from_secs(5));
    if let Some(file) = profile {
        let got = browser.cdp("Profiler.stop", json!({}))?;
        std::fs::write(&file, got["profile"].to_string())
            .map_err(|e| format!("cannot write {}: {e}", file.to_string_lossy()))?;
    }
    let tasks = browser.run_async(
        "const [from] = arguments; \
         arguments[arguments.length - 1](window.__ztLong.filter(t => t[0] >= from) \
           .map(t => [t[0] - from, t[1]]))",
        json!([start]),
    )?;
    drop(browser);
    drop(server);
    let tasks: Vec<(f64, f64)> = tasks
        .as_array()
        .map(|t| t.iter().filter_map(pair).collect())
        .unwrap_or_default();
    let longest = tasks.iter().map(|t| t.1).fold(0.0, f64::max);
    let over: Vec<String> = tasks
        .iter()
        .filter(|t| t.1 > 100.0)
        .map(|(at, ms)| format!("{ms:.0} ms at {:.1} s", at / 1000.0))
        .collect();
    Ok(format!(
        "longest main-thread task while {what} {users} demo users' events \
         ({}; {:.0} s to \"Done\", then 5 s): {longest:.0} ms; {} long tasks, {} over 100 ms{}",
        load["memory"].as_str().unwrap_or_default(),
        load_ms / 1000.0,
        tasks.len(),
        over.len(),
        if over.is_empty() {
            String::new()
        } else {
            format!(" ({})", over.join(", "))
        }
    ))
}

/// `[start, duration]` as numbers.
fn pair(task: &Value) -> Option<(f64, f64)> {
    Some((task.get(0)?.as_f64()?, task.get(1)?.as_f64()?))
}
