//! The CORS proxy's settings, declared once for every place that takes them: the flags of
//! `zt-risk-server proxy` and `cargo xtask edge`, the Worker's vars, their help lines, defaults
//! and bounds, and the reading of their values into [`ProxyArgs`].
//!
//! No I/O, and no dependency but the optional `lexopt`: `zt-risk-proxy-core`, and through it the
//! Worker on wasm32, builds this crate without it. The native command lines enable it and read
//! each proxy flag they meet with `ProxyArgs::take`; other parsers use [`ProxyArgs::set`].

mod args;
#[cfg(feature = "lexopt")]
mod cli;
mod setting;
mod value;

use std::ops::RangeInclusive;
use std::time::Duration;

pub use args::ProxyArgs;
#[cfg(feature = "lexopt")]
pub use cli::{listen_value, number_value};
pub use setting::{help, Setting};
pub use value::{listen, number, ValueError};

/// The Cloudflare API base.
pub const API_UPSTREAM: &str = "https://api.cloudflare.com/client/v4";
/// The one host the SSF configuration documents come from.
pub const SSF_UPSTREAM: &str = "https://ssf.risk-score.teams.cloudflare.com";
/// Default upstream deadline.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default cap on a forwarded request body (bytes).
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;

/// Bounds of the upstream deadline, in seconds. Outside them is an error, never a panic
/// (`Duration::from_secs_f64(-1.0)`) nor a proxy that cannot do its job (a zero timeout).
pub const TIMEOUT_SECS: RangeInclusive<f64> = 0.001..=3600.0;
/// Bounds of the body cap, in bytes: a zero cap refuses every write, a huge one invites
/// memory exhaustion.
pub const MAX_BODY: RangeInclusive<usize> = 1..=64 * 1024 * 1024;
