//! The proxy suite: the same `wrk` load on `GET /summary` and `GET /behaviors`, side by side in
//! one run, against the emulator directly, the product proxy (`zt-risk-server proxy`) in front of
//! it, and nginx (Debian's `nginx-light`, installed if missing) configured with the same policy
//! (`nginx.conf.in`) in front of the same emulator. Prints rps, p50 and p99 for each and the
//! product/nginx ratios against the targets (≥ 0.9× nginx's rps, p99 ≤ 1.2× nginx's).
//!
//! `ZT_BENCH_PROXY_BIN=PATH` measures another `zt-risk-server` build as the product proxy
//! (e.g. the previous commit's, for before/after figures).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{wrk, Context, Options, Server, Stats};
use crate::apt;
use crate::sh;

const TOKEN: &str = "bench-token";
const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
/// The allowed origin; every request carries it, so both proxies do the CORS work.
const ORIGIN: &str = "https://console.bench.example";
const NGINX_CONF: &str = include_str!("nginx.conf.in");
const ENDPOINTS: [&str; 2] = ["summary", "behaviors"];
const TARGETS: [&str; 3] = ["direct", "product", "nginx"];

pub fn run(o: &Options, ctx: &Context) -> Result<(), String> {
    apt::ensure_apt("nginx-light", "/usr/sbin/nginx")?;
    let users = o.users.to_string();
    let dir = &ctx.scratch;
    let emulator = Server::start(
        &ctx.server,
        &["emulate", "--token", TOKEN, "--users", &users],
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
        &dir.join("proxy-access.log"),
    )?;
    let nginx = start_nginx(dir, &upstream)?;
    let mut rows = Vec::new();
    for endpoint in ENDPOINTS {
        for (target, server) in TARGETS.iter().zip([&emulator, &product, &nginx]) {
            let url = format!(
                "{}/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/{endpoint}",
                server.url
            );
            sh::step(&format!("wrk {}s on {target}: GET /{endpoint}", o.duration));
            let auth = format!("Authorization: Bearer {TOKEN}");
            let origin = format!("Origin: {ORIGIN}");
            rows.push((endpoint, *target, wrk(o, &url, &[&auth, &origin])?));
        }
    }
    drop((nginx, product, emulator));
    print_table(o, &rows);
    match rows.iter().map(|(_, _, s)| s.errors).sum::<u64>() {
        0 => Ok(()),
        n => Err(format!(
            "{n} responses were not 2xx: the numbers above are not valid"
        )),
    }
}

/// nginx with `nginx.conf.in` on a free loopback port, in front of `upstream` (`host:port`).
fn start_nginx(dir: &Path, upstream: &str) -> Result<Server, String> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let listen = format!("127.0.0.1:{port}");
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .to_string();
    let conf = NGINX_CONF
        .replace("{{DIR}}", &dir.display().to_string())
        .replace("{{LISTEN}}", &listen)
        .replace("{{UPSTREAM}}", upstream)
        .replace("{{ORIGIN}}", ORIGIN)
        .replace("{{WORKERS}}", &workers);
    let path = dir.join("nginx.conf");
    std::fs::write(&path, conf).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    sh::step(&format!(
        "nginx -c {} -p {} &",
        path.display(),
        dir.display()
    ));
    let child = Command::new("/usr/sbin/nginx")
        .arg("-c")
        .arg(&path)
        .arg("-p")
        .arg(dir)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start nginx: {e}"))?;
    Server::adopt(child, format!("http://{listen}"))
}

fn print_table(o: &Options, rows: &[(&str, &str, Stats)]) {
    println!(
        "\nloopback, wrk -t{} -c{} -d{}s, {} demo users (summary ≈ {} rows), Origin + Authorization on every request\n",
        o.threads,
        o.connections,
        o.duration,
        o.users,
        o.users * 2 / 3
    );
    println!("| endpoint        | target  |    req/s |  p50 ms |  p99 ms | non-2xx |");
    println!("|-----------------|---------|---------:|--------:|--------:|--------:|");
    for (endpoint, target, s) in rows {
        println!(
            "| GET /{endpoint:<10} | {target:<7} | {:>8.0} | {:>7.2} | {:>7.2} | {:>7} |",
            s.rps, s.p50_ms, s.p99_ms, s.errors
        );
    }
    println!("\n| endpoint        | product/nginx req/s (≥ 0.90) | product/nginx p99 (≤ 1.20) |");
    println!("|-----------------|-----------------------------:|---------------------------:|");
    for endpoint in ENDPOINTS {
        let find = |t: &str| {
            rows.iter()
                .find(|(e, target, _)| *e == endpoint && *target == t)
                .map(|r| r.2)
        };
        if let (Some(p), Some(n)) = (find("product"), find("nginx")) {
            let rps = p.rps / n.rps;
            let p99 = p.p99_ms / n.p99_ms;
            println!(
                "| GET /{endpoint:<10} | {rps:>26.2} {} | {p99:>24.2} {} |",
                if rps >= 0.9 { "✓" } else { "✗" },
                if p99 <= 1.2 { "✓" } else { "✗" },
            );
        }
    }
}
