//! Command-line parsing (lexopt): subcommands and their options. The proxy's flags, their
//! bounds and help lines are declared once in `zt_risk_proxy_settings` (`cargo xtask
//! edge` takes the same); the help text is in `cli_help.rs`.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::path::PathBuf;

use lexopt::{Arg, Parser, ValueExt};
use zt_risk_proxy_settings::{self as settings, ProxyArgs};

use crate::emulator::access::seed::MAX_APPS;
use crate::emulator::activity::Activity;
use crate::emulator::rate_limit::RateLimit;
use crate::emulator::seed::{DEFAULT_APPS, DEFAULT_SEED, DEFAULT_USERS};

#[path = "cli_help.rs"]
mod help;
pub use help::help;

/// At most this many demo users per account: more would exhaust memory, never a usage error
/// later on.
pub const MAX_USERS: usize = 1_000_000;

const fn loopback(port: u16) -> SocketAddr {
    SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    pub seed: u64,
    pub users: usize,
    pub fresh: bool,
    pub token: Option<String>,
    pub account: Option<String>,
    pub state: Option<PathBuf>,
    pub rate_limit: Option<RateLimit>,
    pub apps: usize,
    pub access_denied_token: Option<String>,
    pub activity: Option<Activity>,
    pub request_log: Option<PathBuf>,
}

impl Default for Data {
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            users: DEFAULT_USERS,
            fresh: false,
            token: None,
            account: None,
            state: None,
            rate_limit: None,
            apps: DEFAULT_APPS,
            access_denied_token: None,
            activity: None,
            request_log: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Emulate {
        listen: SocketAddr,
        data: Data,
    },
    Proxy {
        listen: SocketAddr,
        proxy: ProxyArgs,
        dist: Option<PathBuf>,
        connect_src: Vec<String>,
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

/// The command `argv` (without the program name) asks for, or a usage error to print above
/// the help text.
pub fn parse(argv: &[String]) -> Result<Command, String> {
    let mut parser = Parser::from_args(argv);
    command(&mut parser).map_err(|e| e.to_string())
}

fn command(parser: &mut Parser) -> Result<Command, lexopt::Error> {
    let sub = match parser.next()? {
        None | Some(Arg::Long("help") | Arg::Short('h')) => return Ok(Command::Help),
        Some(Arg::Value(sub)) => sub.string()?,
        Some(option) => {
            return Err(format!("{}: the subcommand comes first", option.unexpected()).into())
        }
    };
    let sub = match sub.as_str() {
        "help" => return Ok(Command::Help),
        "emulate" => Sub::Emulate,
        "proxy" => Sub::Proxy,
        "demo" => Sub::Demo,
        "headers" => Sub::Headers,
        other => {
            return Err(
                format!("unknown subcommand {other:?} (emulate, proxy, demo, headers)").into(),
            )
        }
    };
    let mut listen = None;
    let (mut data, mut proxy) = (Data::default(), ProxyArgs::default());
    let (mut dist, mut connect_src) = (None, Vec::new());
    let known = options(parser, sub, |name, p| {
        match (sub, name) {
            (Sub::Emulate | Sub::Proxy | Sub::Demo, "listen") => {
                listen = Some(settings::listen_value(p)?);
            }
            (Sub::Emulate | Sub::Demo, _) if data.take(name, p)? => {}
            (Sub::Proxy, _) if proxy.take(name, p)? => {}
            (Sub::Proxy | Sub::Demo | Sub::Headers, "dist") => {
                dist = Some(PathBuf::from(p.value()?))
            }
            (Sub::Proxy | Sub::Headers, "connect-src") => connect_src.push(p.value()?.string()?),
            _ => return Ok(false),
        }
        Ok(true)
    });
    if !known? {
        return Ok(Command::Help);
    }
    Ok(match sub {
        Sub::Emulate => Command::Emulate {
            listen: listen.unwrap_or(loopback(8787)),
            data,
        },
        Sub::Proxy => Command::Proxy {
            listen: listen.unwrap_or(loopback(8788)),
            proxy,
            dist,
            connect_src,
        },
        Sub::Demo => Command::Demo {
            listen: listen.unwrap_or(loopback(8080)),
            dist: dist.unwrap_or_else(|| PathBuf::from("dist")),
            data,
        },
        Sub::Headers => Command::Headers {
            dist: dist.ok_or("headers needs --dist DIR")?,
            connect_src,
        },
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Sub {
    Emulate,
    Proxy,
    Demo,
    Headers,
}

impl std::fmt::Display for Sub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Emulate => "emulate",
            Self::Proxy => "proxy",
            Self::Demo => "demo",
            Self::Headers => "headers",
        })
    }
}

/// Reads options to the end, handing each long option (name without `--`) to `take`, which
/// reads its value and says whether it knew it. `Ok(false)`: `--help` was asked for.
fn options(
    parser: &mut Parser,
    sub: Sub,
    mut take: impl FnMut(&str, &mut Parser) -> Result<bool, lexopt::Error>,
) -> Result<bool, lexopt::Error> {
    while let Some(arg) = parser.next()? {
        match arg {
            Arg::Long("help") | Arg::Short('h') => return Ok(false),
            Arg::Long(name) => {
                let name = name.to_owned();
                if !take(&name, parser)? {
                    return Err(format!("--{name} is not an option of `{sub}`").into());
                }
            }
            other => return Err(other.unexpected()),
        }
    }
    Ok(true)
}

impl Data {
    /// One of the DATA OPTIONS, if `name` is one.
    fn take(&mut self, name: &str, p: &mut Parser) -> Result<bool, lexopt::Error> {
        match name {
            "seed" => self.seed = settings::number_value("--seed", p, 0..=u64::MAX)?,
            "users" => self.users = settings::number_value("--users", p, 0..=MAX_USERS)?,
            "fresh" => self.fresh = true,
            "token" => self.token = Some(p.value()?.string()?),
            "account" => {
                let account = p.value()?.string()?;
                zt_risk_api::validate::account_id(&account)
                    .map_err(|e| format!("--account: {}", e.message))?;
                self.account = Some(account.to_ascii_lowercase());
            }
            "state" => self.state = Some(PathBuf::from(p.value()?)),
            "rate-limit" => self.rate_limit = Some(RateLimit::parse(&p.value()?.string()?)?),
            "apps" => self.apps = settings::number_value("--apps", p, 0..=MAX_APPS)?,
            "access-denied-token" => self.access_denied_token = Some(p.value()?.string()?),
            "activity" => self.activity = Some(Activity::parse(&p.value()?.string()?)?),
            "request-log" => self.request_log = Some(PathBuf::from(p.value()?)),
            _ => return Ok(false),
        }
        Ok(true)
    }
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
