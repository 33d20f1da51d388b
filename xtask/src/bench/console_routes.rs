//! The console suite's before/after figures: the first painted row of `/` (Overview) and
//! `/users` with the emulated round trip, on this build and, with `ZT_BENCH_BEFORE=DIR` (an
//! earlier build's `dist/`), on that build served by a second demo server in the same run.

use std::path::Path;

use super::console::{first_row, median, spread, LOADS, RTT_MS};
use super::reference_site::copy_site;
use super::webdriver::Browser;
use super::Context;
use crate::sh;

/// The paths whose first painted row the code split must not delay.
const ROUTES: [&str; 2] = ["/", "/users"];

/// First-row samples of each of [`ROUTES`] on this build (`after`, served at `url`) and, if
/// `ZT_BENCH_BEFORE` names an earlier build's `dist/`, on that one, served by a second demo
/// server, loaded in turn with the round trip the browser emulates now.
pub(super) struct Routes {
    before: Option<(String, Vec<Vec<f64>>)>,
    after: Vec<Vec<f64>>,
}

pub(super) fn before_and_after(
    ctx: &Context,
    browser: &Browser,
    url: &str,
    users: &str,
) -> Result<Routes, String> {
    let before_site = match std::env::var_os("ZT_BENCH_BEFORE") {
        Some(dir) => {
            let site = ctx.scratch.join("console-before");
            copy_site(Path::new(&dir), &site)?;
            Some((dir.to_string_lossy().into_owned(), site))
        }
        None => None,
    };
    let before_server = match &before_site {
        Some((_, site)) => Some(super::Server::start(
            &ctx.server,
            &[
                "demo",
                "--dist",
                &site.display().to_string(),
                "--users",
                users,
            ],
            None,
            &ctx.scratch.join("before-demo.log"),
        )?),
        None => None,
    };
    let mut after = vec![Vec::new(); ROUTES.len()];
    let mut before = vec![Vec::new(); ROUTES.len()];
    for run in 0..=LOADS {
        sh::step(&format!(
            "first painted row of / and /users, {RTT_MS} ms round trip, load {run} of {LOADS}"
        ));
        for (i, path) in ROUTES.iter().enumerate() {
            let a = first_row(browser, &format!("{url}{path}"))?;
            let b = match &before_server {
                Some(server) => Some(first_row(browser, &format!("{}{path}", server.url))?),
                None => None,
            };
            if run > 0 {
                after[i].push(a);
                before[i].extend(b);
            }
        }
    }
    Ok(Routes {
        before: before_site.map(|(dir, _)| (dir, before)),
        after,
    })
}

pub(super) fn print_routes(routes: &Routes) {
    println!("\nfirst painted row with a {RTT_MS} ms round trip; ms, median (min–max)\n");
    match &routes.before {
        Some((dir, before)) => {
            println!("| page | before ({dir}) | after | after / before (≤ 1.00) |");
            println!("|---|---:|---:|---:|");
            for ((path, b), a) in ROUTES.iter().zip(before).zip(&routes.after) {
                let ratio = median(a) / median(b);
                let mark = if ratio <= 1.0 { "✓" } else { "✗" };
                println!(
                    "| `{path}` | {} | {} | {ratio:.2} {mark} |",
                    spread(b),
                    spread(a)
                );
            }
        }
        None => {
            println!("| page | this build |");
            println!("|---|---:|");
            for (path, a) in ROUTES.iter().zip(&routes.after) {
                println!("| `{path}` | {} |", spread(a));
            }
        }
    }
}
