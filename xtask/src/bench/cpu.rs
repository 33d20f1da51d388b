//! Where the benchmark runs and what it costs: CPU pinning (the load on one CPU, the server
//! under test on another) and CPU time from `/proc`, per process tree and per CPU, so a run on
//! a shared machine says which side was saturated, how much CPU each request took, and how much
//! time the hypervisor took from the machine's CPUs (steal).

use std::collections::HashMap;

use crate::sh::Cmd;

/// The CPU sets of a pinned run: `load` for wrk (and the upstream of a proxy), `under_test`
/// for the server being measured.
#[derive(Debug, Clone)]
pub struct Pin {
    pub load: String,
    pub under_test: String,
}

impl Pin {
    /// CPUs 0 and 1 when there are at least two and `taskset` exists; `None` otherwise.
    pub fn detect() -> Option<Pin> {
        let cpus = std::fs::read_to_string("/proc/stat")
            .map(|s| per_cpu(&s).len())
            .unwrap_or(0);
        let taskset = Cmd::new("taskset").arg("-V").read().is_ok();
        (cpus >= 2 && taskset).then(|| Pin {
            load: "0".into(),
            under_test: "1".into(),
        })
    }
}

/// CPU seconds (user + system) used so far by process `pid` and its direct children (nginx's
/// workers), every thread included.
pub fn tree_seconds(pid: u32) -> f64 {
    let tick = clock_ticks();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/stat")).ok())
        .filter_map(|stat| {
            let (this, ppid, ticks) = parse_stat(&stat)?;
            (this == pid || ppid == pid).then_some(ticks)
        })
        .sum::<u64>() as f64
        / tick
}

/// (pid, ppid, utime + stime) from a `/proc/PID/stat` line.
fn parse_stat(stat: &str) -> Option<(u32, u32, u64)> {
    let pid = stat.split(' ').next()?.parse().ok()?;
    // The command name is in parentheses and may contain spaces: fields resume after the last `)`.
    let rest: Vec<&str> = stat.get(stat.rfind(')')? + 2..)?.split(' ').collect();
    let ppid = rest.get(1)?.parse().ok()?;
    let utime: u64 = rest.get(11)?.parse().ok()?;
    let stime: u64 = rest.get(12)?.parse().ok()?;
    Some((pid, ppid, utime + stime))
}

fn clock_ticks() -> f64 {
    static TICK: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TICK.get_or_init(|| {
        Cmd::new("getconf")
            .arg("CLK_TCK")
            .read()
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(100.0)
    })
}

/// Jiffies of one CPU from `/proc/stat`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Jiffies {
    /// Running anything (ours or not), steal excluded.
    busy: u64,
    /// Taken by the hypervisor for other guests while this CPU wanted to run.
    steal: u64,
    total: u64,
}

/// [`Jiffies`] per CPU number, from `/proc/stat`.
fn per_cpu(stat: &str) -> HashMap<usize, Jiffies> {
    stat.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let cpu = f.next()?.strip_prefix("cpu")?.parse().ok()?;
            let v: Vec<u64> = f.filter_map(|x| x.parse().ok()).collect();
            // user nice system idle iowait irq softirq steal
            let idle = v.get(3)? + v.get(4).copied().unwrap_or(0);
            let steal = v.get(7).copied().unwrap_or(0);
            let total: u64 = v.iter().take(8).sum();
            Some((
                cpu,
                Jiffies {
                    busy: total - idle - steal,
                    steal,
                    total,
                },
            ))
        })
        .collect()
}

/// A snapshot of per-CPU counters, to tell how busy CPUs 0 and 1 were in between.
pub struct CpuClock(HashMap<usize, Jiffies>);

impl CpuClock {
    pub fn now() -> Self {
        Self(
            std::fs::read_to_string("/proc/stat")
                .map(|s| per_cpu(&s))
                .unwrap_or_default(),
        )
    }

    /// Percent of CPU `cpu`'s time since `self` that `part` of its jiffies took.
    fn percent_since(&self, later: &CpuClock, cpu: usize, part: fn(&Jiffies) -> u64) -> f64 {
        match (self.0.get(&cpu), later.0.get(&cpu)) {
            (Some(a), Some(b)) if b.total > a.total => {
                100.0 * (part(b) - part(a)) as f64 / (b.total - a.total) as f64
            }
            _ => 0.0,
        }
    }

    /// Percent busy of CPU `cpu` (any process, ours or not) since `self`.
    pub fn busy_since(&self, later: &CpuClock, cpu: usize) -> f64 {
        self.percent_since(later, cpu, |j| j.busy)
    }

    /// Percent of CPU `cpu`'s time since `self` that the hypervisor gave to someone else.
    pub fn steal_since(&self, later: &CpuClock, cpu: usize) -> f64 {
        self.percent_since(later, cpu, |j| j.steal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_lines() {
        let stat = "42 (nginx: worker (x)) S 7 42 42 0 -1 4194560 1 0 0 0 25 13 0 0 20 0 1 0";
        assert_eq!(parse_stat(stat), Some((42, 7, 38)));
        let cpus = per_cpu("cpu  9 9 9 9\ncpu0 10 0 5 70 5 0 0 10 0 0\ncpu1 1 2 3 4\nintr 1");
        let j = |busy, steal, total| Jiffies { busy, steal, total };
        assert_eq!(cpus.get(&0), Some(&j(15, 10, 100)));
        assert_eq!(cpus.get(&1), Some(&j(6, 0, 10)));
        assert_eq!(cpus.len(), 2);
        let a = CpuClock(cpus.clone());
        let b = CpuClock(HashMap::from([(0, j(65, 30, 200))]));
        assert_eq!(a.busy_since(&b, 0), 50.0);
        assert_eq!(a.steal_since(&b, 0), 20.0);
        assert_eq!(a.busy_since(&b, 1), 0.0);
        assert!(tree_seconds(std::process::id()) >= 0.0);
    }
}
