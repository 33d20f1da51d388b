//! `cargo xtask bench`: requests/second and latency of the emulator and of the proxy in front
//! of it, on loopback, measured with `wrk --latency` (Debian's `wrk`, installed if missing).
//! Builds `zt-risk-server` in release first. Every run is bounded (`--duration`, default 10 s)
//! and only ever targets 127.0.0.1.
//!
//! Options: `--duration SECS` (10), `--connections N` (32), `--threads N` (2), `--users N` (300).

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use crate::apt;
use crate::sh::{self, Cmd};

const TOKEN: &str = "bench-token";
const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";

struct Options {
    duration: u32,
    connections: u32,
    threads: u32,
    users: u32,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        duration: 10,
        connections: 32,
        threads: 2,
        users: 300,
    };
    let mut it = args.iter();
    while let Some(name) = it.next() {
        let value = it.next().ok_or_else(|| format!("{name} needs a value"))?;
        let n: u32 = value
            .parse()
            .map_err(|_| format!("{name}: not a number: {value}"))?;
        match name.as_str() {
            "--duration" if (1..=120).contains(&n) => o.duration = n,
            "--connections" if n >= 1 => o.connections = n,
            "--threads" if n >= 1 => o.threads = n,
            "--users" => o.users = n,
            _ => return Err(format!("unknown or out-of-range option {name} {value}")),
        }
    }
    Ok(o)
}

/// A server started for the benchmark, killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `zt-risk-server ARGS --listen 127.0.0.1:0` and reads the URL it prints when ready.
fn start(binary: &PathBuf, args: &[&str]) -> Result<Server, String> {
    sh::step(&format!(
        "zt-risk-server {} --listen 127.0.0.1:0 &",
        args.join(" ")
    ));
    let mut child = Command::new(binary)
        .args(args)
        .args(["--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        // The proxy logs one line per request: keep the cost, drop the text.
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let url = line.trim().trim_end_matches('/').to_string();
    if !url.starts_with("http://127.0.0.1:") {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!(
            "zt-risk-server {} did not report its URL",
            args.join(" ")
        ));
    }
    Ok(Server { child, url })
}

/// One wrk result.
struct Row {
    target: &'static str,
    endpoint: &'static str,
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    errors: u64,
}

fn wrk(o: &Options, url: &str) -> Result<(f64, f64, f64, u64), String> {
    let out = Cmd::new("wrk")
        .arg(format!("-t{}", o.threads))
        .arg(format!("-c{}", o.connections))
        .arg(format!("-d{}s", o.duration))
        .args([
            "--latency",
            "-H",
            &format!("Authorization: Bearer {TOKEN}"),
            url,
        ])
        .read()?;
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
    Ok((rps, percentile("50%")?, percentile("99%")?, errors))
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

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args)?;
    Cmd::new("cargo")
        .args(["build", "--release", "-p", "zt-risk-server"])
        .run()?;
    apt::ensure_apt("wrk", "wrk")?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    let binary = target.join("release/zt-risk-server");
    let users = o.users.to_string();
    let emulator = start(&binary, &["emulate", "--token", TOKEN, "--users", &users])?;
    let upstream = format!("{}/client/v4", emulator.url);
    let proxy = start(&binary, &["proxy", "--upstream", &upstream])?;
    let mut rows = Vec::new();
    for endpoint in ["summary", "behaviors"] {
        for (name, server) in [
            ("emulator (direct)", &emulator),
            ("proxy -> emulator", &proxy),
        ] {
            let url = format!(
                "{}/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/{endpoint}",
                server.url
            );
            sh::step(&format!("wrk {}s on {name}: GET /{endpoint}", o.duration));
            let (rps, p50_ms, p99_ms, errors) = wrk(&o, &url)?;
            rows.push(Row {
                target: name,
                endpoint,
                rps,
                p50_ms,
                p99_ms,
                errors,
            });
        }
    }
    drop(proxy);
    drop(emulator);
    print_table(&o, &rows);
    match rows.iter().map(|r| r.errors).sum::<u64>() {
        0 => Ok(()),
        n => Err(format!(
            "{n} responses were not 2xx: the numbers above are not valid"
        )),
    }
}

fn print_table(o: &Options, rows: &[Row]) {
    println!(
        "\nloopback, wrk -t{} -c{} -d{}s, {} demo users (summary ≈ {} rows per response)\n",
        o.threads,
        o.connections,
        o.duration,
        o.users,
        o.users * 2 / 3
    );
    println!("| endpoint        | target             |    req/s |  p50 ms |  p99 ms | non-2xx |");
    println!("|-----------------|--------------------|---------:|--------:|--------:|--------:|");
    for r in rows {
        println!(
            "| GET /{:<10} | {:<18} | {:>8.0} | {:>7.2} | {:>7.2} | {:>7} |",
            r.endpoint, r.target, r.rps, r.p50_ms, r.p99_ms, r.errors
        );
    }
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
    }
}
