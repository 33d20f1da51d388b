//! What libFuzzer's output says about a run ([`Stats`]: executions, coverage, the failure) and
//! the table `cargo xtask fuzz` ends with.

/// One target's run.
pub struct Outcome {
    pub target: String,
    pub seconds: u64,
    pub stats: Stats,
}

/// What libFuzzer's output says about a run.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub execs: u64,
    /// Coverage: the `cov:` of the last status line (edges reached).
    pub edges: u64,
    /// The crash or timeout: what went wrong and the input written.
    pub failure: Option<String>,
}

impl Stats {
    pub fn read(log: &str) -> Self {
        let number_after = |line: &str, key: &str| -> Option<u64> {
            let rest = &line[line.find(key)? + key.len()..];
            rest.split_whitespace().next()?.parse().ok()
        };
        let execs = log
            .lines()
            .rev()
            .find_map(|l| number_after(l, "stat::number_of_executed_units:"))
            .unwrap_or_default();
        let edges = log
            .lines()
            .rev()
            .find_map(|l| {
                l.starts_with('#')
                    .then(|| number_after(l, " cov: "))
                    .flatten()
            })
            .unwrap_or_default();
        // A panic's place and message (the line after it), else libFuzzer's own error.
        let lines: Vec<&str> = log.lines().collect();
        let why = match lines.iter().position(|l| l.contains("panicked at")) {
            Some(i) => Some(lines[i..lines.len().min(i + 2)].join(" ")),
            None => lines
                .iter()
                .find(|l| l.contains("ERROR: libFuzzer:"))
                .map(|l| l.to_string()),
        };
        let input = log
            .lines()
            .find_map(|l| l.split_once("Test unit written to ").map(|(_, p)| p.trim()));
        let failure = match (why, input) {
            (None, None) => None,
            (why, input) => Some(format!(
                "{} (input: {})",
                why.as_deref().map_or("failed", str::trim),
                input.unwrap_or("not written")
            )),
        };
        Self {
            execs,
            edges,
            failure,
        }
    }
}

/// One row per target: seconds, executions, executions per second, edges, crashes.
pub fn table(outcomes: &[Outcome]) -> String {
    let mut out = format!(
        "{:<18} {:>8} {:>14} {:>10} {:>7} {:>8}\n",
        "target", "seconds", "executions", "exec/s", "edges", "crashes"
    );
    for o in outcomes {
        out.push_str(&format!(
            "{:<18} {:>8} {:>14} {:>10} {:>7} {:>8}\n",
            o.target,
            o.seconds,
            o.stats.execs,
            o.stats.execs / o.seconds.max(1),
            o.stats.edges,
            u8::from(o.stats.failure.is_some())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_executions_coverage_and_crashes_from_libfuzzer() {
        let clean = "#2\tINITED cov: 10 ft: 11 corp: 1/1b exec/s: 0 rss: 30Mb\n\
                     #5000\tDONE   cov: 123 ft: 456 corp: 9/99b exec/s: 2500 rss: 40Mb\n\
                     Done 5000 runs in 2 second(s)\nstat::number_of_executed_units: 5000\n";
        assert_eq!(
            Stats::read(clean),
            Stats {
                execs: 5000,
                edges: 123,
                failure: None
            }
        );
        let crash = "#300\tNEW    cov: 50 ft: 60 corp: 3/9b lim: 4 exec/s: 0 rss: 30Mb\n\
                     thread '<unnamed>' panicked at fuzz_targets/paths.rs:9:5:\nboom\n\
                     ==1== ERROR: libFuzzer: deadly signal\n\
                     artifact_prefix='a/'; Test unit written to a/crash-123\n\
                     stat::number_of_executed_units: 301\n";
        let stats = Stats::read(crash);
        assert_eq!((stats.execs, stats.edges), (301, 50));
        let failure = stats.failure.unwrap_or_default();
        assert!(
            failure.contains("paths.rs:9:5: boom") && failure.contains("a/crash-123"),
            "{failure}"
        );
    }
}
