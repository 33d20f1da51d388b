//! What the browser suites share: the release `dist/` to measure, and `zt-risk-server demo`
//! serving it with a headless Chromium ready to drive.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::webdriver::Browser;
use super::{Context, Server};
use crate::{dist, sh, tools};

/// The release `dist/` to measure: `ZT_BENCH_DIST`, or a fresh `cargo xtask dist` build.
pub fn release_dist() -> Result<PathBuf, String> {
    match std::env::var_os("ZT_BENCH_DIST") {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => dist::build_release().map(|release| release.dir),
    }
}

/// `zt-risk-server demo` serving `site` with `users` demo users, and a headless Chromium (its
/// scratch files prefixed with `tag`) allowed `limit` per script.
pub fn demo_in_browser(
    ctx: &Context,
    site: &Path,
    users: &str,
    tag: &str,
    limit: Duration,
) -> Result<(Server, Browser), String> {
    demo_with(ctx, site, &["--users", users], tag, limit)
}

/// [`demo_in_browser`] with any data options of `demo` (`--users N --rate-limit …`).
pub fn demo_with(
    ctx: &Context,
    site: &Path,
    data: &[&str],
    tag: &str,
    limit: Duration,
) -> Result<(Server, Browser), String> {
    tools::ensure_browser()?;
    let site = site.display().to_string();
    let mut args = vec!["demo", "--dist", &site];
    args.extend_from_slice(data);
    let server = Server::start(
        &ctx.server,
        &args,
        None,
        &ctx.scratch.join(format!("{tag}demo.log")),
    )?;
    sh::step(&format!(
        "chromedriver + headless Chromium on {}",
        server.url
    ));
    let browser = Browser::start(
        tools::CHROMEDRIVER,
        tools::CHROMIUM,
        &ctx.scratch.join(format!("{tag}profile")),
        limit,
    )?;
    Ok((server, browser))
}
