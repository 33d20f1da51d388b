//! `cargo xtask edge`: builds the Cloudflare Worker (`crates/edge`, wasm-bindgen `--target web`
//! plus `worker/entry.mjs`, no bundler) and runs it locally in workerd, Cloudflare's Workers
//! runtime from npm, with the flags of `zt-risk-server proxy`. Prints the URL alone on the
//! first stdout line once it answers, then runs until stopped.
//!
//! `--build-only` writes the bundle to `target/edge/` (what `wrangler.toml` deploys) and exits;
//! `--prebuilt` runs the bundle already there (the tests start the Worker this way).

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::files;
use crate::pins;
use crate::sh::{self, Cmd};
use crate::tools;
use lexopt::{Arg, Parser};
use zt_risk_proxy_settings::{self as settings, ProxyArgs};

const WASM: &str = "wasm32-unknown-unknown";
/// The Workers compatibility date of the Worker (same as `wrangler.toml`).
pub const COMPATIBILITY_DATE: &str = "2026-11-01";

/// Where workerd listens unless `--listen` says otherwise.
const DEFAULT_LISTEN: SocketAddr = SocketAddr::V4(std::net::SocketAddrV4::new(
    std::net::Ipv4Addr::LOCALHOST,
    8789,
));

/// What the command line asked for: the `zt-risk-server proxy` flags (they become the Worker's
/// vars), where to listen and whether to build.
#[derive(Debug, Default, PartialEq)]
struct Options {
    listen: Option<SocketAddr>,
    proxy: ProxyArgs,
    build: Mode,
}

#[derive(Debug, Default, PartialEq)]
enum Mode {
    #[default]
    Run,
    BuildOnly,
    Prebuilt,
}

fn options(args: &[String]) -> Result<Options, lexopt::Error> {
    let mut o = Options::default();
    let mut parser = Parser::from_args(args);
    while let Some(arg) = parser.next()? {
        match arg {
            Arg::Long("build-only") => o.build = Mode::BuildOnly,
            Arg::Long("prebuilt") => o.build = Mode::Prebuilt,
            Arg::Long("listen") => o.listen = Some(settings::listen_value(&mut parser)?),
            Arg::Long(name) => {
                let name = name.to_owned();
                if !o.proxy.take(&name, &mut parser)? {
                    return Err(Arg::Long(&name).unexpected());
                }
            }
            other => return Err(other.unexpected()),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = options(args).map_err(|e| e.to_string())?;
    if o.build != Mode::BuildOnly {
        sh::progress_to_stderr();
    }
    let bundle = bundle_dir()?;
    if o.build != Mode::Prebuilt {
        build(&bundle)?;
    }
    if o.build == Mode::BuildOnly {
        sh::step(&format!("Worker bundle in {}", bundle.display()));
        return Ok(());
    }
    let workerd = tools::ensure_workerd()?;
    let addr = free_port(o.listen.unwrap_or(DEFAULT_LISTEN))?;
    let config = bundle.join(format!("workerd-{}.capnp", addr.port()));
    std::fs::write(&config, capnp(addr, &o.proxy.vars())?)
        .map_err(|e| format!("cannot write {}: {e}", config.display()))?;
    // The Worker's console (the access log) goes to stderr; stdout is for the URL line only.
    let mut child = Command::new(&workerd)
        .args(["serve", "--verbose"])
        .arg(&config)
        .stdout(Stdio::from(std::io::stderr()))
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", workerd.display()))?;
    let started = Instant::now();
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("workerd exited before serving ({status})"));
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            return Err(format!("workerd did not listen on {addr} within 30 s"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    println!("http://{addr}/");
    let _ = std::io::stdout().flush();
    let status = child.wait().map_err(|e| format!("workerd: {e}"))?;
    Err(format!("workerd stopped ({status})"))
}

/// `target/edge/` (or under `$CARGO_TARGET_DIR`), absolute.
fn bundle_dir() -> Result<PathBuf, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| cwd.join("target"), |d| cwd.join(d));
    Ok(target.join("edge"))
}

/// Builds the bundle into `target/edge/`.
pub fn build_bundle() -> Result<(), String> {
    build(&bundle_dir()?)
}

/// Release wasm → wasm-bindgen (`--target web`, the version pinned for trunk) → entry module.
fn build(bundle: &Path) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let lock = files::read_text(Path::new("Cargo.lock"))?;
    let trunk = files::read_text(Path::new("Trunk.toml"))?;
    tools::ensure_wasm_bindgen(&pins::check_trunk_pins(&lock, &trunk)?)?;
    Cmd::new("cargo")
        .args(["build", "--release", "-p", "zt-risk-edge", "--target", WASM])
        .run()?;
    let wasm = bundle
        .parent()
        .map(|t| t.join(WASM).join("release/zt_risk_edge.wasm"))
        .ok_or("no target directory")?;
    Cmd::new("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "zt_risk_edge",
            "--out-dir",
        ])
        .arg(bundle)
        .arg(&wasm)
        .run()?;
    let entry = Path::new("crates/edge/worker/entry.mjs");
    std::fs::copy(entry, bundle.join("entry.mjs"))
        .map_err(|e| format!("cannot copy {}: {e}", entry.display()))?;
    Ok(())
}

/// `addr`, its port 0 replaced by a free port picked here (workerd cannot report the one it got).
fn free_port(addr: SocketAddr) -> Result<SocketAddr, String> {
    if addr.port() != 0 {
        return Ok(addr);
    }
    TcpListener::bind(addr)
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("cannot find a free port on {addr}: {e}"))
}

/// The workerd configuration: the Worker with its vars, one socket, and an outbound network
/// that may reach loopback (a local emulator or the tests' fake upstream).
fn capnp(addr: SocketAddr, vars: &[(&'static str, String)]) -> Result<String, String> {
    let bindings = vars
        .iter()
        .map(|(name, value)| {
            Ok(format!(
                "    (name = \"{name}\", text = {}),\n",
                capnp_string(value)?
            ))
        })
        .collect::<Result<String, String>>()?;
    Ok(format!(
        r#"# Generated by `cargo xtask edge`.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .proxy),
    (name = "internet", network = (allow = ["private", "public", "local"])),
  ],
  sockets = [(name = "http", address = "{addr}", http = (), service = "main")],
);

const proxy :Workerd.Worker = (
  modules = [
    (name = "entry.mjs", esModule = embed "entry.mjs"),
    (name = "zt_risk_edge.js", esModule = embed "zt_risk_edge.js"),
    (name = "zt_risk_edge_bg.wasm", wasm = embed "zt_risk_edge_bg.wasm"),
  ],
  compatibilityDate = "{COMPATIBILITY_DATE}",
  bindings = [
{bindings}  ],
);
"#
    ))
}

/// A Cap'n Proto text literal; values with quotes, backslashes or control characters are
/// refused rather than escaped (no flag needs them).
fn capnp_string(value: &str) -> Result<String, String> {
    if value
        .chars()
        .any(|c| c == '"' || c == '\\' || c.is_control())
    {
        return Err(format!(
            "{value:?}: quotes, backslashes and control characters are not allowed"
        ));
    }
    Ok(format!("\"{value}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn proxy_flags_become_worker_vars() {
        let o = options(&args("--listen 127.0.0.1:0 --allow-origin https://a.example --allow-origin=https://b.example --account x --upstream http://127.0.0.1:1/client/v4 --timeout 0.5 --prebuilt"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            o.listen.map(|a| a.to_string()).as_deref(),
            Some("127.0.0.1:0")
        );
        assert_eq!(o.build, Mode::Prebuilt);
        let vars = o.proxy.vars();
        for var in [
            ("ALLOWED_ORIGINS", "https://a.example,https://b.example"),
            ("ACCOUNTS", "x"),
            ("UPSTREAM", "http://127.0.0.1:1/client/v4"),
            ("TIMEOUT", "0.5"),
            ("MAX_BODY", "65536"),
        ] {
            assert!(
                vars.contains(&(var.0, var.1.into())),
                "{var:?} not in {vars:?}"
            );
        }
        for bad in [
            "--dist dist",
            "--upstream",
            "--timeout 0",
            "--listen nope",
            "extra",
        ] {
            assert!(options(&args(bad)).is_err(), "{bad}");
        }
        assert!(options(&[]).is_ok_and(|o| o.proxy == ProxyArgs::default()));
    }

    #[test]
    fn config_embeds_the_bundle_and_quotes_values() {
        let addr: SocketAddr = "127.0.0.1:8789".parse().unwrap_or_else(|e| panic!("{e}"));
        let text = capnp(
            addr,
            &[("UPSTREAM", "https://api.example/client/v4".into())],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains(r#"(name = "UPSTREAM", text = "https://api.example/client/v4")"#));
        assert!(text.contains(r#"address = "127.0.0.1:8789""#));
        assert!(capnp(addr, &[("X", "a\"b".into())]).is_err());
        assert!(free_port(addr).is_ok_and(|a| a == addr));
        let any: SocketAddr = "127.0.0.1:0".parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(free_port(any).is_ok_and(|a| a.port() != 0));
    }
}
