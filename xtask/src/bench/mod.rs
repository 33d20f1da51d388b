//! `cargo xtask bench`: load benchmarks on loopback, each suite in its own module, measured with
//! `wrk --latency` (Debian's `wrk`, installed if missing) against servers this command starts
//! on 127.0.0.1 and stops. Builds `zt-risk-server` in release first. Every run is bounded.
//!
//! Options: `--duration SECS` (5, per measurement), `--rounds N` (5), `--connections N` (16),
//! `--threads N` (1), `--users N` (300), `--console-users N`
//! (50,000: the console and long-tasks suites' demo), `--pin on|off` (on), `--only SUITE` (one
//! of [`SUITES`]: `proxy`, `console`, `detections`, `memory`, `long-tasks`).
//!
//! Pinned (the default with two or more CPUs): wrk runs on CPU 0 and the server under test
//! alone on CPU 1 ([`cpu::Pin`]), so every target gets the same CPU whatever else the machine
//! runs. A suite measures its targets interleaved, round after round, and reports medians.
//!
//! A new suite is a module with `pub fn run(&Options, &Context) -> Result<(), String>` added to
//! [`SUITES`]; it may use [`Server`], [`wrk()`], [`Stats`] and [`cpu`] from here.

mod console;
mod console_routes;
mod cpu;
mod demo;
mod detections;
mod long_tasks;
mod memory;
mod proxy;
mod proxy_report;
mod proxy_targets;
mod reference_site;
mod server;
mod webdriver;
mod wrk;

use std::path::PathBuf;

use lexopt::{Arg, Parser, ValueExt};
use zt_risk_proxy_settings::number_value;

pub use server::Server;
pub use wrk::{wrk, Stats};

use crate::apt;
use crate::sh::{self, Cmd};

/// Every suite: name (for `--only`) and entry point.
const SUITES: [(&str, Suite); 5] = [
    ("proxy", proxy::run),
    ("console", console::run),
    ("detections", detections::run),
    ("memory", memory::run),
    ("long-tasks", long_tasks::run),
];

type Suite = fn(&Options, &Context) -> Result<(), String>;

/// What the command line set.
pub struct Options {
    pub duration: u32,
    pub rounds: u32,
    pub connections: u32,
    pub threads: u32,
    pub users: u32,
    pub pin: bool,
    pub console_users: u32,
    pub only: Option<String>,
}

/// What every suite gets: the release server binary, a scratch directory and the CPU sets.
pub struct Context {
    pub server: PathBuf,
    pub scratch: PathBuf,
    /// `None`: not pinned (`--pin off`, one CPU, or no `taskset`).
    pub pin: Option<cpu::Pin>,
}

fn options(args: &[String]) -> Result<Options, lexopt::Error> {
    let mut o = Options {
        duration: 5,
        rounds: 5,
        connections: 16,
        threads: 1,
        users: 300,
        pin: true,
        console_users: 50_000,
        only: None,
    };
    let mut p = Parser::from_args(args);
    while let Some(arg) = p.next()? {
        match arg {
            Arg::Long("duration") => o.duration = number_value("--duration", &mut p, 1..=120)?,
            Arg::Long("rounds") => o.rounds = number_value("--rounds", &mut p, 1..=50)?,
            Arg::Long("connections") => {
                o.connections = number_value("--connections", &mut p, 1..=u32::MAX)?
            }
            Arg::Long("threads") => o.threads = number_value("--threads", &mut p, 1..=u32::MAX)?,
            Arg::Long("users") => o.users = number_value("--users", &mut p, 0..=u32::MAX)?,
            Arg::Long("console-users") => {
                o.console_users = number_value("--console-users", &mut p, 1..=u32::MAX)?;
            }
            Arg::Long("pin") => {
                o.pin = match p.value()?.string()?.as_str() {
                    "on" => true,
                    "off" => false,
                    other => return Err(format!("--pin {other}: on or off").into()),
                };
            }
            Arg::Long("only") => {
                let suite = p.value()?.string()?;
                if !SUITES.iter().any(|(name, _)| *name == suite) {
                    return Err(format!("--only {suite}: no such suite").into());
                }
                o.only = Some(suite);
            }
            other => return Err(other.unexpected()),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args).map_err(|e| e.to_string())?;
    Cmd::new("cargo")
        .args(["build", "--release", "-p", "zt-risk-server"])
        .run()?;
    apt::ensure_apt("wrk", "wrk")?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let scratch = std::env::temp_dir().join(format!("zt-risk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let pin = if o.pin { cpu::Pin::detect() } else { None };
    match &pin {
        Some(p) => sh::step(&format!(
            "pinned: load (wrk) on CPU {}, server under test on CPU {}",
            p.load, p.under_test
        )),
        None => sh::step("not pinned: every process may run on every CPU"),
    }
    let ctx = Context {
        server: target.join("release/zt-risk-server"),
        scratch: scratch.clone(),
        pin,
    };
    let result = SUITES
        .iter()
        .filter(|(name, _)| o.only.as_deref().is_none_or(|only| only == *name))
        .try_for_each(|(_, suite)| suite(&o, &ctx));
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn parses_options() {
        assert!(options(&argv("--duration 500")).is_err());
        assert!(options(&argv("--duration 3")).is_ok_and(|o| o.duration == 3));
        assert!(options(&argv("--rounds 7 --pin off")).is_ok_and(|o| o.rounds == 7 && !o.pin));
        assert!(options(&argv("--rounds 0")).is_err());
        assert!(options(&argv("--pin maybe")).is_err());
        assert!(options(&argv("--only proxy")).is_ok_and(|o| o.only.is_some()));
        assert!(options(&argv("--only nope")).is_err());
        assert!(options(&argv("--threads 0")).is_err());
        assert!(options(&argv("--users 0")).is_ok_and(|o| o.users == 0));
        assert!(options(&argv("--duration=7 --console-users 9"))
            .is_ok_and(|o| o.duration == 7 && o.console_users == 9));
        assert!(options(&argv("--rounds")).is_err());
        assert!(options(&argv("--bogus 1")).is_err());
    }
}
