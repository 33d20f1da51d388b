//! `cargo xtask bench`: load benchmarks on loopback, each suite in its own module, measured with
//! `wrk --latency` (Debian's `wrk`, installed if missing) against servers this command starts
//! on 127.0.0.1 and stops. Builds `zt-risk-server` in release first. Every run is bounded.
//!
//! Options: `--duration SECS` (10), `--connections N` (16), `--threads N` (1), `--users N`
//! (300), `--console-users N` (50,000: the console suite's demo), `--only SUITE` (run one suite
//! of [`SUITES`]).
//!
//! A new suite is a module with `pub fn run(&Options, &Context) -> Result<(), String>` added to
//! [`SUITES`]; it may use [`Server`], [`wrk`] and [`Stats`] from here.

mod console;
mod proxy;
mod webdriver;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use crate::apt;
use crate::sh::{self, Cmd};

/// Every suite: name (for `--only`) and entry point.
const SUITES: [(&str, Suite); 2] = [("proxy", proxy::run), ("console", console::run)];

type Suite = fn(&Options, &Context) -> Result<(), String>;

/// What the command line set.
pub struct Options {
    pub duration: u32,
    pub connections: u32,
    pub threads: u32,
    pub users: u32,
    pub console_users: u32,
    pub only: Option<String>,
}

/// What every suite gets: the release server binary and a scratch directory.
pub struct Context {
    pub server: PathBuf,
    pub scratch: PathBuf,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        duration: 10,
        connections: 16,
        threads: 1,
        users: 300,
        console_users: 50_000,
        only: None,
    };
    let mut it = args.iter();
    while let Some(name) = it.next() {
        let value = it.next().ok_or_else(|| format!("{name} needs a value"))?;
        if name == "--only" {
            if !SUITES.iter().any(|(n, _)| n == value) {
                return Err(format!("--only {value}: no such suite"));
            }
            o.only = Some(value.clone());
            continue;
        }
        let n: u32 = value
            .parse()
            .map_err(|_| format!("{name}: not a number: {value}"))?;
        match name.as_str() {
            "--duration" if (1..=120).contains(&n) => o.duration = n,
            "--connections" if n >= 1 => o.connections = n,
            "--threads" if n >= 1 => o.threads = n,
            "--users" => o.users = n,
            "--console-users" if n >= 1 => o.console_users = n,
            _ => return Err(format!("unknown or out-of-range option {name} {value}")),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    Cmd::new("cargo")
        .args(["build", "--release", "-p", "zt-risk-server"])
        .run()?;
    apt::ensure_apt("wrk", "wrk")?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let scratch = std::env::temp_dir().join(format!("zt-risk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let ctx = Context {
        server: target.join("release/zt-risk-server"),
        scratch: scratch.clone(),
    };
    let result = SUITES
        .iter()
        .filter(|(name, _)| o.only.as_deref().is_none_or(|only| only == *name))
        .try_for_each(|(_, suite)| suite(&o, &ctx));
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// A server started for the benchmark, killed when dropped.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Drop for Server {
    /// SIGTERM first (nginx's master then stops its workers; zt-risk-server flushes its log),
    /// SIGKILL after 5 s.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        for _ in 0..100 {
            if !matches!(self.child.try_wait(), Ok(None)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `program ARGS --listen 127.0.0.1:0` and reads the URL it prints when ready
    /// (every `zt-risk-server` subcommand does); its stderr goes to `log`.
    pub fn start(
        program: &PathBuf,
        args: &[&str],
        log: &std::path::Path,
    ) -> Result<Server, String> {
        sh::step(&format!(
            "{} {} --listen 127.0.0.1:0 2>{} &",
            program.display(),
            args.join(" "),
            log.display()
        ));
        let stderr = std::fs::File::create(log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let mut child = Command::new(program)
            .args(args)
            .args(["--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let url = line.trim().trim_end_matches('/').to_string();
        if !url.starts_with("http://127.0.0.1:") {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "{} {} did not report its URL",
                program.display(),
                args.join(" ")
            ));
        }
        Ok(Server { child, url })
    }

    /// Wraps a process that serves `url` once it accepts connections (waits up to 10 s).
    pub fn adopt(mut child: Child, url: String) -> Result<Server, String> {
        let addr = url.trim_start_matches("http://").to_owned();
        for _ in 0..200 {
            if std::net::TcpStream::connect(&addr).is_ok() {
                return Ok(Server { child, url });
            }
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("{url}: the server exited ({status})"));
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        Err(format!("{url}: nothing listens after 10 s"))
    }
}

/// One wrk result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Responses that were not 2xx (the numbers are then not valid).
    pub errors: u64,
}

/// `wrk` with the options' threads, connections and duration, and these request headers.
pub fn wrk(o: &Options, url: &str, headers: &[&str]) -> Result<Stats, String> {
    let mut cmd = Cmd::new("wrk")
        .arg(format!("-t{}", o.threads))
        .arg(format!("-c{}", o.connections))
        .arg(format!("-d{}s", o.duration))
        .arg("--latency");
    for h in headers {
        cmd = cmd.args(["-H", h]);
    }
    parse_wrk(&cmd.arg(url).read()?)
}

fn parse_wrk(out: &str) -> Result<Stats, String> {
    let rps = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| format!("no Requests/sec in wrk output:\n{out}"))?;
    let percentile = |p: &str| {
        out.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(p).map(str::trim))
            .and_then(to_ms)
            .ok_or_else(|| format!("no {p} latency in wrk output:\n{out}"))
    };
    let errors = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("Non-2xx or 3xx responses:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Ok(Stats {
        rps,
        p50_ms: percentile("50%")?,
        p99_ms: percentile("99%")?,
        errors,
    })
}

/// `812.00us`, `1.23ms`, `2.01s` → milliseconds.
fn to_ms(v: &str) -> Option<f64> {
    let (num, factor) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    num.parse::<f64>().ok().map(|n| n * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_wrk_units_and_options() {
        assert_eq!(to_ms("812.00us"), Some(0.812));
        assert_eq!(to_ms("1.5ms"), Some(1.5));
        assert_eq!(to_ms("2.00s"), Some(2000.0));
        assert_eq!(to_ms("7"), None);
        assert!(options(&["--duration".into(), "500".into()]).is_err());
        assert!(options(&["--duration".into(), "3".into()]).is_ok_and(|o| o.duration == 3));
        assert!(options(&["--only".into(), "proxy".into()]).is_ok_and(|o| o.only.is_some()));
        assert!(options(&["--only".into(), "nope".into()]).is_err());
    }

    #[test]
    fn reads_wrk_output() {
        let out = "  Latency Distribution\n     50%  310.00us\n     75%  400.00us\n     90%  500.00us\n     99%    1.20ms\n  480000 requests in 10.00s\n  Non-2xx or 3xx responses: 3\nRequests/sec:  48000.50\n";
        let s = parse_wrk(out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (s.rps, s.p50_ms, s.p99_ms, s.errors),
            (48000.5, 0.31, 1.2, 3)
        );
        assert!(parse_wrk("nothing").is_err());
    }
}
