//! The proxy suite's three targets: the emulator, and the product proxy and nginx in front of
//! it, each started on the CPU of the server under test when pinned, then placed and loaded
//! with wrk.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::{server, wrk, Context, Options, Server, Stats};
use crate::sh;

const TOKEN: &str = "bench-token";
const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
/// The allowed origin; every request carries it, so both proxies do the CORS work.
const ORIGIN: &str = "https://console.bench.example";
const NGINX_CONF: &str = include_str!("nginx.conf.in");

/// A server the suite measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The emulator alone.
    Direct,
    /// `zt-risk-server proxy` in front of it.
    Product,
    /// nginx in front of it.
    Nginx,
}

impl Target {
    /// In the order of the report.
    pub const ALL: [Self; 3] = [Self::Direct, Self::Product, Self::Nginx];
}

/// The target's name, padded like a string (`{:<7}`) in the report's tables.
impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Self::Direct => "direct",
            Self::Product => "product",
            Self::Nginx => "nginx",
        })
    }
}

/// The three targets running, and how to load them. Dropped (stopped) in field order: the
/// proxies before the emulator behind them.
pub struct Targets<'a> {
    nginx: Server,
    product: Server,
    emulator: Server,
    pub o: &'a Options,
    ctx: &'a Context,
    /// `Authorization` and `Origin`, on every request.
    headers: [String; 2],
}

impl<'a> Targets<'a> {
    /// Starts the emulator, then the product proxy and nginx in front of it, pinned to the
    /// CPU of the server under test.
    pub fn start(o: &'a Options, ctx: &'a Context) -> Result<Self, String> {
        let dir = &ctx.scratch;
        let under_test = ctx.pin.as_ref().map(|p| p.under_test.as_str());
        let users = o.users.to_string();
        let emulator = Server::start(
            &ctx.server,
            &["emulate", "--token", TOKEN, "--users", &users],
            under_test,
            &dir.join("emulator.log"),
        )?;
        let product_bin = std::env::var_os("ZT_BENCH_PROXY_BIN")
            .map_or_else(|| ctx.server.clone(), PathBuf::from);
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
        let upstream = emulator.url.trim_start_matches("http://");
        let nginx = start_nginx(dir, upstream, under_test)?;
        Ok(Self {
            nginx,
            product,
            emulator,
            o,
            ctx,
            headers: [
                format!("Authorization: Bearer {TOKEN}"),
                format!("Origin: {ORIGIN}"),
            ],
        })
    }

    pub fn server(&self, target: Target) -> &Server {
        match target {
            Target::Direct => &self.emulator,
            Target::Product => &self.product,
            Target::Nginx => &self.nginx,
        }
    }

    /// Pinned, the emulator is the server under test for [`Target::Direct`] and part of the
    /// load otherwise.
    pub fn place_emulator(&self, target: Target) -> Result<(), String> {
        match (&self.ctx.pin, target) {
            (Some(p), Target::Direct) => self.emulator.move_to(&p.under_test),
            (Some(p), _) => self.emulator.move_to(&p.load),
            (None, _) => Ok(()),
        }
    }

    /// `secs` of wrk load on `endpoint` of `target`, from the load CPU when pinned.
    pub fn load(&self, target: Target, endpoint: &str, secs: u32) -> Result<Stats, String> {
        let url = format!(
            "{}/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/{endpoint}",
            self.server(target).url
        );
        let cpus = self.ctx.pin.as_ref().map(|p| p.load.as_str());
        let headers = self.headers.each_ref().map(String::as_str);
        wrk(self.o, secs, cpus, &url, &headers)
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
