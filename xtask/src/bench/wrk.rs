//! One `wrk --latency` run and what it printed: requests, req/s, p50, p99, non-2xx answers.

use crate::sh::Cmd;

use super::Options;

/// One wrk result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub requests: u64,
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Responses that were not 2xx (the numbers are then not valid).
    pub errors: u64,
}

/// `wrk` with the options' threads and connections for `secs` seconds and these request
/// headers, on the CPUs `cpus` if given.
pub fn wrk(
    o: &Options,
    secs: u32,
    cpus: Option<&str>,
    url: &str,
    headers: &[&str],
) -> Result<Stats, String> {
    let mut cmd = match cpus {
        Some(cpus) => Cmd::new("taskset").args(["-c", cpus, "wrk"]),
        None => Cmd::new("wrk"),
    }
    .arg(format!("-t{}", o.threads))
    .arg(format!("-c{}", o.connections))
    .arg(format!("-d{secs}s"))
    .arg("--latency");
    for h in headers {
        cmd = cmd.args(["-H", h]);
    }
    parse(&cmd.arg(url).read()?)
}

fn parse(out: &str) -> Result<Stats, String> {
    let lines = || out.lines().map(str::trim);
    let rps = lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| format!("no Requests/sec in wrk output:\n{out}"))?;
    let requests = lines()
        .find_map(|l| l.split_once(" requests in "))
        .and_then(|(n, _)| n.trim().parse().ok())
        .ok_or_else(|| format!("no request count in wrk output:\n{out}"))?;
    let percentile = |p: &str| {
        lines()
            .find_map(|l| l.strip_prefix(p).map(str::trim))
            .and_then(to_ms)
            .ok_or_else(|| format!("no {p} latency in wrk output:\n{out}"))
    };
    let errors = lines()
        .find_map(|l| l.strip_prefix("Non-2xx or 3xx responses:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Ok(Stats {
        requests,
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
    fn parses_wrk_units() {
        assert_eq!(to_ms("812.00us"), Some(0.812));
        assert_eq!(to_ms("1.5ms"), Some(1.5));
        assert_eq!(to_ms("2.00s"), Some(2000.0));
        assert_eq!(to_ms("7"), None);
    }

    #[test]
    fn reads_wrk_output() {
        let out = "  Latency Distribution\n     50%  310.00us\n     75%  400.00us\n     90%  500.00us\n     99%    1.20ms\n  480000 requests in 10.00s, 1.2GB read\n  Non-2xx or 3xx responses: 3\nRequests/sec:  48000.50\n";
        let s = parse(out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (s.requests, s.rps, s.p50_ms, s.p99_ms, s.errors),
            (480000, 48000.5, 0.31, 1.2, 3)
        );
        assert!(parse("nothing").is_err());
    }
}
