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

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::cpu::{self, CpuClock};
use super::proxy_report::{self, pair_steal, Sample};
use super::{server, wrk, Context, Options, Server};
use crate::apt;
use crate::sh;

const TOKEN: &str = "bench-token";
const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
/// The allowed origin; every request carries it, so both proxies do the CORS work.
const ORIGIN: &str = "https://console.bench.example";
const NGINX_CONF: &str = include_str!("nginx.conf.in");
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
    let users = o.users.to_string();
    let dir = &ctx.scratch;
    let under_test = ctx.pin.as_ref().map(|p| p.under_test.as_str());
    let load = ctx.pin.as_ref().map(|p| p.load.as_str());
    let emulator = Server::start(
        &ctx.server,
        &["emulate", "--token", TOKEN, "--users", &users],
        under_test,
        &dir.join("emulator.log"),
    )?;
    let upstream = emulator.url.trim_start_matches("http://").to_owned();
    let product_bin =
        std::env::var_os("ZT_BENCH_PROXY_BIN").map_or_else(|| ctx.server.clone(), PathBuf::from);
    // The access log goes to a file, as nginx's does: its cost is part of the measurement.
    let product = Server::start(
        &product_bin,
        &[
            "proxy",
            "--upstream",
            &format!("{}/client/v4", emulator.url),
            "--allow-origin",
            ORIGIN,
        ],
        under_test,
        &dir.join("proxy-access.log"),
    )?;
    let nginx = start_nginx(dir, &upstream, under_test)?;
    // Pinned, the emulator is the server under test for "direct" and part of the load otherwise.
    let place_emulator = |target: &str| match &ctx.pin {
        Some(p) if target == "direct" => emulator.move_to(&p.under_test),
        Some(p) => emulator.move_to(&p.load),
        None => Ok(()),
    };
    let auth = format!("Authorization: Bearer {TOKEN}");
    let origin = format!("Origin: {ORIGIN}");
    let headers = [auth.as_str(), origin.as_str()];
    let url = |server: &Server, endpoint: &str| {
        format!(
            "{}/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/{endpoint}",
            server.url
        )
    };
    sh::step(&format!(
        "warm-up ({WARM_UP}s per target and endpoint), then {} rounds of {}s per measurement",
        o.rounds, o.duration
    ));
    for endpoint in ENDPOINTS {
        for (target, server) in [
            ("direct", &emulator),
            ("product", &product),
            ("nginx", &nginx),
        ] {
            place_emulator(target)?;
            wrk(o, WARM_UP, load, &url(server, endpoint), &headers)?;
        }
    }
    proxy_report::print_header();
    let measure = |round: usize, endpoint: &'static str, target: &'static str, server: &Server| {
        place_emulator(target)?;
        let (clock, cpu_before) = (CpuClock::now(), cpu::tree_seconds(server.pid()));
        let stats = wrk(o, o.duration, load, &url(server, endpoint), &headers)?;
        let cpu_seconds = cpu::tree_seconds(server.pid()) - cpu_before;
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
        Ok::<_, String>(sample)
    };
    let mut samples = Vec::new();
    for round in 1..=o.rounds as usize {
        for endpoint in ENDPOINTS {
            samples.push(measure(round, endpoint, "direct", &emulator)?);
        }
        // The first measurement after the emulator moved back and served the direct load ran
        // slow in every run, whichever proxy it was: both proxies get unrecorded load first.
        place_emulator("product")?;
        for server in [&product, &nginx] {
            wrk(o, SETTLE, load, &url(server, ENDPOINTS[0]), &headers)?;
        }
        for endpoint in ENDPOINTS {
            let pair = match round % 2 {
                1 => [("product", &product), ("nginx", &nginx)],
                _ => [("nginx", &nginx), ("product", &product)],
            };
            let mut attempts: Vec<[Sample; 2]> = Vec::new();
            for attempt in 1..=PAIR_ATTEMPTS {
                let first = measure(round, endpoint, pair[0].0, pair[0].1)?;
                let second = measure(round, endpoint, pair[1].0, pair[1].1)?;
                let steal = pair_steal(&first, &second);
                attempts.push([first, second]);
                if steal <= STEAL_LIMIT {
                    break;
                }
                proxy_report::print_disturbed(steal, attempt < PAIR_ATTEMPTS);
            }
            let least = |[a, b]: &[Sample; 2]| pair_steal(a, b);
            let kept = (0..attempts.len())
                .min_by(|&a, &b| least(&attempts[a]).total_cmp(&least(&attempts[b])))
                .unwrap_or(0);
            for (i, attempt) in attempts.into_iter().enumerate() {
                samples.extend(attempt.into_iter().map(|s| Sample {
                    kept: i == kept,
                    ..s
                }));
            }
        }
    }
    drop((nginx, product, emulator));
    proxy_report::print_summary(o, ctx.pin.is_some(), &samples);
    match samples.iter().map(|s| s.stats.errors).sum::<u64>() {
        0 => Ok(()),
        n => Err(format!(
            "{n} responses were not 2xx: the numbers above are not valid"
        )),
    }
}

/// nginx with `nginx.conf.in` on a free loopback port, in front of `upstream` (`host:port`);
/// pinned, one worker on `cpus` (as the product proxy gets), else one per CPU.
fn start_nginx(dir: &Path, upstream: &str, cpus: Option<&str>) -> Result<Server, String> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let listen = format!("127.0.0.1:{port}");
    let workers = match cpus {
        Some(_) => 1,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let conf = NGINX_CONF
        .replace("{{DIR}}", &dir.display().to_string())
        .replace("{{LISTEN}}", &listen)
        .replace("{{UPSTREAM}}", upstream)
        .replace("{{ORIGIN}}", ORIGIN)
        .replace("{{WORKERS}}", &workers.to_string());
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let nginx = Path::new("/usr/sbin/nginx");
    sh::step(&format!(
        "{}nginx -c {} -p {} &",
        cpus.map_or(String::new(), |c| format!("taskset -c {c} ")),
        path.display(),
        dir.display()
    ));
    let child = server::command(cpus, nginx)
        .arg("-c")
        .arg(&path)
        .arg("-p")
        .arg(dir)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start nginx: {e}"))?;
    Server::adopt(child, format!("http://{listen}"))
}
