//! Turns a parsed command into a running server: builds the emulator, proxy or demo, binds,
//! prints the URL once ready, and serves until Ctrl-C or SIGTERM.

use std::io::Write;
use std::sync::Arc;

use axum::Router;

use crate::cli::{self, Command, Data};
use crate::emulator::{self, Config, Emulator, Seeding, TokenPolicy};
use crate::proxy::{self, Proxy};
use crate::serve::{self, Bound};
use crate::static_files::{policy, Site};

/// The emulator for `data`: every account's data from the state file if it exists, else
/// seeded per account on first use (the default account at once, saved at once).
pub fn emulator_from(data: &Data) -> Result<Arc<Emulator>, String> {
    Emulator::start(Config {
        tokens: data
            .token
            .clone()
            .map_or(TokenPolicy::Any, TokenPolicy::Exact),
        account: data.account.clone(),
        state_file: data.state.clone(),
        rate_limit: data.rate_limit.map(|limit| (limit, Default::default())),
        seeding: Seeding {
            seed: data.seed,
            users: data.users,
            apps: data.apps,
            fresh: data.fresh,
        },
        access_denied_token: data.access_denied_token.clone(),
        activity: data.activity,
        request_log: data.request_log.clone(),
    })
}

/// Runs `command` to completion.
pub async fn run(command: Command) -> Result<(), String> {
    let (listen, app, what) = match command {
        Command::Help => {
            print!("{}", cli::help());
            return Ok(());
        }
        Command::Headers { dist, connect_src } => return write_headers(&dist, &connect_src),
        Command::Emulate { listen, data } => {
            let emulator = emulator_from(&data)?;
            let account = emulator.default_account().to_owned();
            (
                listen,
                emulator::router(emulator),
                format!("emulator (account {account})"),
            )
        }
        Command::Demo { listen, dist, data } => {
            let site = Site::load(&dist, &[])?;
            let emulator = emulator_from(&data)?;
            (
                listen,
                crate::demo::router(site, emulator).await,
                "demo: console + emulator".into(),
            )
        }
        Command::Proxy {
            listen,
            proxy,
            dist,
            connect_src,
        } => {
            let site = dist
                .as_deref()
                .map(|d| Site::load(d, &connect_src))
                .transpose()?;
            let timeout = proxy.timeout;
            let proxy =
                Proxy::new(proxy.into(), site, timeout).map_err(|e| format!("proxy: {e}"))?;
            let what = format!("proxy to {}", proxy.upstream_origin());
            let bound = ready(listen, &what).await?;
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            return tokio::task::spawn_blocking(move || {
                proxy::serve::run_per_thread(bound, proxy, threads)
            })
            .await
            .map_err(|e| format!("proxy: {e}"))?;
        }
    };
    serve_app(listen, app, &what).await
}

/// Binds and prints the URL alone on the first stdout line, for scripts and `cargo xtask bench`.
async fn ready(listen: std::net::SocketAddr, what: &str) -> Result<Bound, String> {
    let bound = Bound::bind(listen).await?;
    println!("{}/", bound.url());
    let _ = std::io::stdout().flush();
    eprintln!("zt-risk-server {what} ready at {}/", bound.url());
    Ok(bound)
}

async fn serve_app(listen: std::net::SocketAddr, app: Router, what: &str) -> Result<(), String> {
    let bound = ready(listen, what).await?;
    serve::run(bound, app, serve::shutdown_signal()).await
}

fn write_headers(dist: &std::path::Path, connect_src: &[String]) -> Result<(), String> {
    let site = Site::load(dist, connect_src)?;
    let path = dist.join("_headers");
    std::fs::write(&path, policy::headers_file(site.csp()))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}
