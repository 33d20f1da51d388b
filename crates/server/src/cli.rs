//! Command-line parsing (no dependency): subcommands, their options and the help text.

use std::fmt::Display;
use std::net::SocketAddr;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::emulator::access::seed::MAX_APPS;
use crate::emulator::rate_limit::RateLimit;
use crate::emulator::seed::{DEFAULT_APPS, DEFAULT_SEED, DEFAULT_USERS};
use crate::proxy::{DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, SSF_UPSTREAM};

/// Bounds of the numeric options. A value outside them is a usage error (exit 2): never a panic
/// (`Duration::from_secs_f64(-1.0)`), and never a server that cannot do its job (a zero timeout,
/// a zero body cap) or that exhausts memory (a billion users, a 64 GiB body cap).
pub const MAX_USERS: usize = 1_000_000;
const TIMEOUT_SECS: RangeInclusive<f64> = 0.001..=3600.0;
const MAX_BODY: RangeInclusive<usize> = 1..=64 * 1024 * 1024;

pub const HELP: &str = "\
zt-risk-server: local emulator, CORS proxy and static host for the risk scoring console

USAGE:
  zt-risk-server emulate [--listen 127.0.0.1:8787] [DATA OPTIONS]
  zt-risk-server proxy   [--listen 127.0.0.1:8788] [--upstream URL] [--allow-origin ORIGIN]...
                         [--account ID]... [--dist DIR] [--connect-src ORIGIN]...
                         [--timeout SECS (0.001-3600)] [--max-body BYTES (1-67108864)]
                         [--ssf-upstream URL]
  zt-risk-server demo    [--listen 127.0.0.1:8080] [--dist dist] [DATA OPTIONS]
  zt-risk-server headers --dist DIR [--connect-src ORIGIN]...   (writes DIR/_headers)

Every server prints the URL it serves once it is ready.

emulate   The 11 Zero Trust Risk Scoring operations at /accounts/... and /client/v4/accounts/...
          with Cloudflare's v4 envelope, auth (Bearer token or X-Auth-Email + X-Auth-Key) and
          validation, and the 6 Access operations the console uses (applications, their
          policies, reusable policies: list, get, update). Every 32-hex account id has a
          data set of its own, made on first use, unless --account pins one. Each
          integration's SSF transmitter configuration is public at
          /ssf/.well-known/sse-configuration/{id}.
proxy     Forwards only those 17 operations to --upstream (default
          https://api.cloudflare.com/client/v4; http:// only to loopback) for the exact origins
          given with --allow-origin; everything else is refused with a v4 error.
          Also GET [/client/v4]/ssf/.well-known/sse-configuration/{uuid}, fetched without
          credentials from https://ssf.risk-score.teams.cloudflare.com (--ssf-upstream
          overrides that host, for tests; http:// only to loopback).
demo      The console (--dist) and the emulator on one origin, with a config.json that points
          the console at the emulator (any token accepted).
headers   Writes the static hosts' _headers file for a built dist (the same CSP and headers
          the server sends); serves nothing.

DATA OPTIONS (emulate, demo):
  --seed N        demo data seed (default 42): same seed and account id, same users, ids
                  and events; each account id gets its own data set, made on first use
  --users N       number of demo users per account (default 300, at most 1000000)
  --apps N        Access applications per account (default 16, the demo set; at most
                  20000): more are generated after the demo ones, fewer keep the first N
  --fresh         every account starts like a new Cloudflare account: no users, no
                  integrations, every behavior disabled (the demo seed enables 6 of 8),
                  no Access applications or policies
  --token T       accept only this token (Bearer, or X-Auth-Key); default: any
  --account ID    serve only this account id (32 hex); others get 403/404
  --state FILE    keep the data of every account in FILE: loaded at start, every write
                  (and every new account) made durable before it is acknowledged
  --access-denied-token T
                  requests with token (or X-Auth-Key) T get 403 (code 10000) from every
                  Access operation, as a token without the Access permissions does; the
                  risk scoring operations accept it
  --rate-limit N/SECS
                  answer 429 (code 971, Retry-After) once a credential has made N requests
                  in the last SECS seconds (sliding window); off by default. Cloudflare's
                  limit is 1200/300

BEHAVIORS: imp_travel, high_dlp and sentinel_one are Cloudflare's public ids. The other five
are INVENTED by this emulator (Cloudflare has not published theirs): crowdstrike_low_zta,
crowdstrike_medium_zta, malicious_file_interaction, suspicious_security_domain,
high_risk_domain.
";

#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub seed: u64,
    pub users: usize,
    pub apps: usize,
    pub fresh: bool,
    pub token: Option<String>,
    pub account: Option<String>,
    pub state: Option<PathBuf>,
    pub rate_limit: Option<RateLimit>,
    pub access_denied_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Emulate {
        listen: SocketAddr,
        data: Data,
    },
    Proxy {
        listen: SocketAddr,
        upstream: String,
        allow_origins: Vec<String>,
        accounts: Vec<String>,
        dist: Option<PathBuf>,
        connect_src: Vec<String>,
        timeout: Duration,
        max_body: usize,
        ssf_upstream: String,
    },
    Demo {
        listen: SocketAddr,
        dist: PathBuf,
        data: Data,
    },
    Headers {
        dist: PathBuf,
        connect_src: Vec<String>,
    },
    Help,
}

/// Option values in order of appearance, for the subcommand to take.
struct Args(Vec<(String, Option<String>)>);

impl Args {
    fn take_all(&mut self, name: &str) -> Vec<String> {
        let (hit, rest): (Vec<_>, Vec<_>) = self.0.drain(..).partition(|(n, _)| n == name);
        self.0 = rest;
        hit.into_iter().filter_map(|(_, v)| v).collect()
    }
    fn take(&mut self, name: &str) -> Option<String> {
        self.take_all(name).pop()
    }
    fn flag(&mut self, name: &str) -> bool {
        let before = self.0.len();
        self.0.retain(|(n, _)| n != name);
        self.0.len() != before
    }
    /// A number within `range` (a NaN is in no range), or a usage error naming the bounds.
    fn ranged<T: FromStr + PartialOrd + Display>(
        &mut self,
        name: &str,
        default: T,
        range: RangeInclusive<T>,
    ) -> Result<T, String> {
        let Some(raw) = self.take(name) else {
            return Ok(default);
        };
        match raw.parse::<T>() {
            Ok(v) if range.contains(&v) => Ok(v),
            _ => Err(format!(
                "{name}: invalid value {raw:?}; expected a number from {} to {}",
                range.start(),
                range.end()
            )),
        }
    }
}

const FLAGS: [&str; 2] = ["--fresh", "--help"];

pub fn parse(argv: &[String]) -> Result<Command, String> {
    let Some((sub, rest)) = argv.split_first() else {
        return Ok(Command::Help);
    };
    let mut pairs = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ if arg.starts_with("--") => (arg.clone(), None),
            _ => return Err(format!("unexpected argument {arg:?}")),
        };
        let value = match inline {
            Some(v) => Some(v),
            None if FLAGS.contains(&name.as_str()) || name == "-h" => None,
            None => Some(
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))?,
            ),
        };
        pairs.push((name, value));
    }
    let mut args = Args(pairs);
    if args.flag("--help") || sub == "help" || sub == "--help" || sub == "-h" {
        return Ok(Command::Help);
    }
    let listen = |args: &mut Args, default: &str| -> Result<SocketAddr, String> {
        let raw = args.take("--listen").unwrap_or_else(|| default.to_owned());
        raw.parse()
            .map_err(|_| format!("--listen {raw:?}: expected ADDR:PORT, e.g. 127.0.0.1:8080"))
    };
    let command = match sub.as_str() {
        "emulate" => Command::Emulate {
            listen: listen(&mut args, "127.0.0.1:8787")?,
            data: data(&mut args)?,
        },
        "demo" => Command::Demo {
            listen: listen(&mut args, "127.0.0.1:8080")?,
            dist: PathBuf::from(args.take("--dist").unwrap_or_else(|| "dist".into())),
            data: data(&mut args)?,
        },
        "proxy" => Command::Proxy {
            listen: listen(&mut args, "127.0.0.1:8788")?,
            upstream: args
                .take("--upstream")
                .unwrap_or_else(|| zt_risk_proxy_core::API_UPSTREAM.into()),
            allow_origins: args.take_all("--allow-origin"),
            accounts: args.take_all("--account"),
            dist: args.take("--dist").map(PathBuf::from),
            connect_src: args.take_all("--connect-src"),
            // In range, so finite and positive: from_secs_f64 cannot panic.
            timeout: Duration::from_secs_f64(args.ranged(
                "--timeout",
                DEFAULT_TIMEOUT.as_secs_f64(),
                TIMEOUT_SECS,
            )?),
            max_body: args.ranged("--max-body", DEFAULT_MAX_BODY, MAX_BODY)?,
            ssf_upstream: args
                .take("--ssf-upstream")
                .unwrap_or_else(|| SSF_UPSTREAM.into()),
        },
        "headers" => Command::Headers {
            dist: PathBuf::from(args.take("--dist").ok_or("headers needs --dist DIR")?),
            connect_src: args.take_all("--connect-src"),
        },
        other => {
            return Err(format!(
                "unknown subcommand {other:?} (emulate, proxy, demo, headers)"
            ))
        }
    };
    match args.0.first() {
        Some((name, _)) => Err(format!("{name} is not an option of `{sub}`")),
        None => Ok(command),
    }
}

fn data(args: &mut Args) -> Result<Data, String> {
    let account = args.take("--account");
    if let Some(a) = &account {
        zt_risk_api::validate::account_id(a).map_err(|e| format!("--account: {}", e.message))?;
    }
    Ok(Data {
        seed: args.ranged("--seed", DEFAULT_SEED, 0..=u64::MAX)?,
        users: args.ranged("--users", DEFAULT_USERS, 0..=MAX_USERS)?,
        apps: args.ranged("--apps", DEFAULT_APPS, 0..=MAX_APPS)?,
        fresh: args.flag("--fresh"),
        token: args.take("--token"),
        account: account.map(|a| a.to_ascii_lowercase()),
        state: args.take("--state").map(PathBuf::from),
        rate_limit: args
            .take("--rate-limit")
            .map(|raw| RateLimit::parse(&raw))
            .transpose()?,
        access_denied_token: args.take("--access-denied-token"),
    })
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
