//! What the proxy suite prints: one line per measurement as it is taken (with the steal it
//! suffered), then, over the kept measurements, the medians per endpoint and target and the
//! product/nginx ratios (median of the per-round ratios, with their range), as Markdown tables
//! ready for docs/benchmarks.md.

use super::proxy::{ENDPOINTS, STEAL_LIMIT};
use super::proxy_targets::Target;
use super::{Options, Stats};

/// One wrk measurement of one target.
pub struct Sample {
    pub round: usize,
    pub endpoint: &'static str,
    pub target: Target,
    pub stats: Stats,
    /// CPU time of the server under test per request (its whole process tree), in µs.
    pub cpu_us: f64,
    /// How busy CPUs 0 and 1 were during the measurement (any process), in percent.
    pub busy: [f64; 2],
    /// The larger of CPUs 0 and 1's steal during the measurement, in percent.
    pub steal: f64,
    /// Counted in the summary: `false` for a pair measured again with less steal.
    pub kept: bool,
}

pub fn print_header() {
    println!("\n| round | endpoint        | target  |    req/s |  p50 ms |  p99 ms | CPU µs/req | CPU0 % | CPU1 % | steal % |");
    println!("|------:|-----------------|---------|---------:|--------:|--------:|-----------:|-------:|-------:|--------:|");
}

/// After a product/nginx pair with `steal` % above the limit.
pub fn print_disturbed(steal: f64, again: bool) {
    println!(
        "|       | steal {steal:.1} % > {STEAL_LIMIT} %: {} |",
        if again {
            "the pair is measured again"
        } else {
            "no attempts left, the least disturbed one is kept"
        }
    );
}

impl Sample {
    pub fn print(&self) {
        let s = &self.stats;
        println!(
            "| {:>5} | GET /{:<10} | {:<7} | {:>8.0} | {:>7.2} | {:>7.2} | {:>10.1} | {:>6.0} | {:>6.0} | {:>7.1} |",
            self.round,
            self.endpoint,
            self.target,
            s.rps,
            s.p50_ms,
            s.p99_ms,
            self.cpu_us,
            self.busy[0],
            self.busy[1],
            self.steal
        );
    }
}

/// The median (mean of the middle two for an even count); 0 for none.
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The steal of a product/nginx pair: the larger of its two measurements'.
pub fn pair_steal(a: &Sample, b: &Sample) -> f64 {
    a.steal.max(b.steal)
}

/// The kept (product, nginx) pair of each round for `endpoint`.
fn kept_pairs<'a>(samples: &'a [Sample], endpoint: &str) -> Vec<(&'a Sample, &'a Sample)> {
    let kept = |target: Target, round: usize| {
        samples
            .iter()
            .find(|s| s.kept && s.target == target && s.endpoint == endpoint && s.round == round)
    };
    samples
        .iter()
        .filter(|s| s.kept && s.target == Target::Product && s.endpoint == endpoint)
        .filter_map(|p| Some((p, kept(Target::Nginx, p.round)?)))
        .collect()
}

pub fn print_summary(o: &Options, pinned: bool, samples: &[Sample]) {
    let pairs: Vec<_> = ENDPOINTS
        .iter()
        .flat_map(|e| kept_pairs(samples, e))
        .collect();
    let again = pairs
        .iter()
        .filter(|(p, _)| {
            samples.iter().any(|s| {
                !s.kept
                    && s.target == Target::Product
                    && (s.round, s.endpoint) == (p.round, p.endpoint)
            })
        })
        .count();
    let above = pairs
        .iter()
        .filter(|(p, n)| pair_steal(p, n) > STEAL_LIMIT)
        .count();
    println!(
        "\nloopback, wrk -t{} -c{}, {} rounds × {}s per target (direct, then product and nginx back to back, their order alternating), {}, {} demo users (summary ≈ {} rows), Origin + Authorization on every request; medians of the kept measurements ({again} of {} product/nginx pairs measured again for steal above {STEAL_LIMIT} %, {above} kept above it)\n",
        o.threads,
        o.connections,
        o.rounds,
        o.duration,
        if pinned {
            "wrk on CPU 0, the server under test alone on CPU 1 (one worker)"
        } else {
            "not pinned"
        },
        o.users,
        o.users * 2 / 3,
        pairs.len(),
    );
    println!("| endpoint        | target  |    req/s |  p50 ms |  p99 ms | CPU µs/req |");
    println!("|-----------------|---------|---------:|--------:|--------:|-----------:|");
    let of = |endpoint: &str, target: Target| -> Vec<&Sample> {
        samples
            .iter()
            .filter(|s| s.kept && s.endpoint == endpoint && s.target == target)
            .collect()
    };
    for endpoint in ENDPOINTS {
        for target in Target::ALL {
            let these = of(endpoint, target);
            let m = |f: fn(&Sample) -> f64| median(these.iter().map(|s| f(s)).collect());
            println!(
                "| GET /{endpoint:<10} | {target:<7} | {:>8.0} | {:>7.2} | {:>7.2} | {:>10.1} |",
                m(|s| s.stats.rps),
                m(|s| s.stats.p50_ms),
                m(|s| s.stats.p99_ms),
                m(|s| s.cpu_us),
            );
        }
    }
    println!("\n| endpoint        | product/nginx req/s (≥ 0.90) | range       | product/nginx p99 (≤ 1.20) | range       |");
    println!("|-----------------|-----------------------------:|-------------|---------------------------:|-------------|");
    for endpoint in ENDPOINTS {
        let pairs = kept_pairs(samples, endpoint);
        let paired = |f: fn(&Stats) -> f64| -> Vec<f64> {
            pairs
                .iter()
                .map(|(p, n)| f(&p.stats) / f(&n.stats))
                .collect()
        };
        let (rps, p99) = (paired(|s| s.rps), paired(|s| s.p99_ms));
        let range = |v: &[f64]| {
            let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = v.iter().copied().fold(0.0, f64::max);
            format!("{lo:.2}–{hi:.2}")
        };
        let (r, p) = (median(rps.clone()), median(p99.clone()));
        println!(
            "| GET /{endpoint:<10} | {r:>26.2} {} | {:<11} | {p:>24.2} {} | {:<11} |",
            if r >= 0.9 { "✓" } else { "✗" },
            range(&rps),
            if p <= 1.2 { "✓" } else { "✗" },
            range(&p99),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(Vec::new()), 0.0);
    }

    fn sample(round: usize, target: Target, rps: f64, steal: f64, kept: bool) -> Sample {
        let stats = Stats {
            requests: 1,
            rps,
            p50_ms: 1.0,
            p99_ms: 2.0,
            errors: 0,
        };
        Sample {
            round,
            endpoint: "summary",
            target,
            stats,
            cpu_us: 1.0,
            busy: [0.0; 2],
            steal,
            kept,
        }
    }

    #[test]
    fn pairs_are_the_kept_measurements_of_a_round() {
        let samples = [
            sample(1, Target::Direct, 9.0, 0.0, true),
            sample(1, Target::Product, 1.0, 9.0, false),
            sample(1, Target::Nginx, 2.0, 0.0, false),
            sample(1, Target::Product, 3.0, 0.0, true),
            sample(1, Target::Nginx, 4.0, 1.0, true),
            sample(2, Target::Nginx, 5.0, 0.0, true),
            sample(2, Target::Product, 6.0, 0.0, true),
        ];
        let rps: Vec<_> = kept_pairs(&samples, "summary")
            .iter()
            .map(|(p, n)| (p.stats.rps, n.stats.rps))
            .collect();
        assert_eq!(rps, [(3.0, 4.0), (6.0, 5.0)]);
        assert!(kept_pairs(&samples, "behaviors").is_empty());
    }
}
