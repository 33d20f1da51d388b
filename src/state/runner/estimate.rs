//! What a run of `n` requests will take at Cloudflare's budget, said to the admin before it
//! starts ("Load events", bulk reset).

use super::schedule::{BUDGET, WINDOW_MS};
use crate::text::thousands;

/// Requests per second the estimate assumes while under the budget (4 in flight, ~0.4 s each).
const BURST_PER_SEC: f64 = 10.0;

/// Seconds `n` requests take at Cloudflare's budget, from a fresh window: up to 1,200 at about
/// 10 per second, then 1,200 more each time the 300 s window moves on.
pub fn estimate_secs(n: usize) -> u64 {
    if n == 0 {
        return 0;
    }
    let windows = (n - 1) / BUDGET;
    let rest = n - windows * BUDGET;
    (windows as f64 * WINDOW_MS / 1000.0 + rest as f64 / BURST_PER_SEC).ceil() as u64
}

/// A duration for people, rounded up: "about 40 s", "about 6 min", "about 3 h 25 min".
pub fn about(secs: u64) -> String {
    match secs {
        0..=59 => format!("about {} s", secs.max(1)),
        60..=3_599 => format!("about {} min", secs.div_ceil(60)),
        _ => {
            let minutes = secs.div_ceil(60);
            format!("about {} h {} min", minutes / 60, minutes % 60)
        }
    }
}

/// What starting a run of `n` requests means, said before it starts.
pub fn estimate_words(n: usize) -> String {
    format!(
        "{} {}, one per user. At Cloudflare's limit of 1,200 requests per 5 minutes this takes {}.",
        thousands(n),
        if n == 1 { "request" } else { "requests" },
        about(estimate_secs(n))
    )
}
