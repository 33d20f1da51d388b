//! The proxy suite: the same `wrk` load on `GET /summary` and `GET /behaviors`, side by side in
//! one run, against the emulator directly, the product proxy (`zt-risk-server proxy`) in front of
//! it, and nginx (Debian's `nginx-light`, installed if missing) configured with the same policy
//! (`nginx.conf.in`) in front of the same emulator. Prints rps, p50 and p99 for each and the
//! product/nginx ratios against the targets (≥ 0.9× nginx's rps, p99 ≤ 1.2× nginx's).
//!
//! Each round measures "direct" on both endpoints, puts unrecorded load on both proxies, then
//! measures the product and nginx back to back as a pair on each endpoint (product first in
//! odd rounds, nginx first in even ones), for `--rounds` rounds; every measurement is printed,
//! then the medians. Pinned, the server under test (the emulator for "direct", else
//! the proxy, with one worker) runs alone on its CPU and the emulator moves to wrk's CPU while
//! a proxy is measured.
//!
//! On a virtual machine the hypervisor may take CPU time from the guest ("steal"): a few
//! percent of it on either CPU moves req/s by a third and p99 several-fold, and 1–2 % still
//! moves p99, whichever proxy is being measured at the time. A pair during which either CPU had
//! more than [`STEAL_LIMIT`] steal is measured again, up to [`PAIR_ATTEMPTS`] times; the least
//! disturbed attempt is kept.
//! Every attempt is printed with its steal, and the summary says how many pairs were measured
//! again and whether any kept one is still above the limit.
//!
//! `ZT_BENCH_PROXY_BIN=PATH` measures another `zt-risk-server` build as the product proxy
//! (e.g. the previous commit's, for before/after figures).

use super::cpu::{self, CpuClock};
use super::proxy_report::{self, pair_steal, Sample};
use super::proxy_targets::{Target, Targets};
use super::{Context, Options};
use crate::apt;
use crate::sh;

pub const ENDPOINTS: [&str; 2] = ["summary", "behaviors"];
/// Seconds of unrecorded load on each target and endpoint before the first round.
const WARM_UP: u32 = 1;
/// Seconds of unrecorded load on each proxy after the direct measurements of a round.
const SETTLE: u32 = 2;
/// Percent of either CPU's time taken by the hypervisor above which a pair is measured again.
/// Well under 1 %: steal comes in bursts of milliseconds, and bursts adding up to 1 % of a
/// measurement are enough to delay 1 % of its requests, which is what p99 reports.
pub const STEAL_LIMIT: f64 = 0.5;
/// Measurements of one product/nginx pair at most.
const PAIR_ATTEMPTS: usize = 4;

pub fn run(o: &Options, ctx: &Context) -> Result<(), String> {
    apt::ensure_apt("nginx-light", "/usr/sbin/nginx")?;
    let targets = Targets::start(o, ctx)?;
    sh::step(&format!(
        "warm-up ({WARM_UP}s per target and endpoint), then {} rounds of {}s per measurement",
        o.rounds, o.duration
    ));
    targets.warm_up()?;
    proxy_report::print_header();
    let mut samples = Vec::new();
    for round in 1..=o.rounds as usize {
        targets.round(round, &mut samples)?;
    }
    drop(targets);
    proxy_report::print_summary(o, ctx.pin.is_some(), &samples);
    match samples.iter().map(|s| s.stats.errors).sum::<u64>() {
        0 => Ok(()),
        n => Err(format!(
            "{n} responses were not 2xx: the numbers above are not valid"
        )),
    }
}

impl Targets<'_> {
    /// Unrecorded load on every target and endpoint.
    fn warm_up(&self) -> Result<(), String> {
        for endpoint in ENDPOINTS {
            for target in Target::ALL {
                self.place_emulator(target)?;
                self.load(target, endpoint, WARM_UP)?;
            }
        }
        Ok(())
    }

    /// One round: direct on both endpoints, unrecorded load on both proxies, then the
    /// product/nginx pair on each endpoint (product first in odd rounds).
    fn round(&self, round: usize, samples: &mut Vec<Sample>) -> Result<(), String> {
        for endpoint in ENDPOINTS {
            samples.push(self.measure(round, endpoint, Target::Direct)?);
        }
        // The first measurement after the emulator moved back and served the direct load ran
        // slow in every run, whichever proxy it was: both proxies get unrecorded load first.
        self.place_emulator(Target::Product)?;
        for target in [Target::Product, Target::Nginx] {
            self.load(target, ENDPOINTS[0], SETTLE)?;
        }
        let pair = match round % 2 {
            1 => [Target::Product, Target::Nginx],
            _ => [Target::Nginx, Target::Product],
        };
        for endpoint in ENDPOINTS {
            samples.extend(self.pair(round, endpoint, pair)?);
        }
        Ok(())
    }

    /// The pair measured back to back, again while steal exceeds [`STEAL_LIMIT`] (up to
    /// [`PAIR_ATTEMPTS`] times); every attempt is returned, the least disturbed one kept.
    fn pair(
        &self,
        round: usize,
        endpoint: &'static str,
        pair: [Target; 2],
    ) -> Result<Vec<Sample>, String> {
        let mut attempts: Vec<[Sample; 2]> = Vec::new();
        for attempt in 1..=PAIR_ATTEMPTS {
            let first = self.measure(round, endpoint, pair[0])?;
            let second = self.measure(round, endpoint, pair[1])?;
            let steal = pair_steal(&first, &second);
            attempts.push([first, second]);
            if steal <= STEAL_LIMIT {
                break;
            }
            proxy_report::print_disturbed(steal, attempt < PAIR_ATTEMPTS);
        }
        let steal = |[a, b]: &[Sample; 2]| pair_steal(a, b);
        let kept = (0..attempts.len())
            .min_by(|&a, &b| steal(&attempts[a]).total_cmp(&steal(&attempts[b])))
            .unwrap_or(0);
        Ok(attempts
            .into_iter()
            .enumerate()
            .flat_map(|(i, attempt)| {
                attempt.map(|s| Sample {
                    kept: i == kept,
                    ..s
                })
            })
            .collect())
    }

    /// One recorded measurement, printed as it is taken.
    fn measure(
        &self,
        round: usize,
        endpoint: &'static str,
        target: Target,
    ) -> Result<Sample, String> {
        self.place_emulator(target)?;
        let pid = self.server(target).pid();
        let (clock, cpu_before) = (CpuClock::now(), cpu::tree_seconds(pid));
        let stats = self.load(target, endpoint, self.o.duration)?;
        let cpu_seconds = cpu::tree_seconds(pid) - cpu_before;
        let after = CpuClock::now();
        let sample = Sample {
            round,
            endpoint,
            target,
            stats,
            cpu_us: cpu_seconds * 1e6 / stats.requests.max(1) as f64,
            busy: [clock.busy_since(&after, 0), clock.busy_since(&after, 1)],
            steal: clock
                .steal_since(&after, 0)
                .max(clock.steal_since(&after, 1)),
            kept: true,
        };
        sample.print();
        Ok(sample)
    }
}
