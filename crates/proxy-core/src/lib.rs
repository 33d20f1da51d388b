//! The CORS proxy's whole decision, with no I/O, for every runtime that hosts the proxy (the
//! native `zt-risk-server proxy` and the Cloudflare Worker): given the method, the raw request
//! target and the request headers, [`Proxy::decide`] says either "forward this method to this
//! rebuilt upstream URL with these headers" or "answer with this status, v4 error body and these
//! CORS headers". Preflights are answered here too.
//!
//! The runtimes only do I/O: read the body up to [`Forward::body_limit`], call the upstream
//! within their deadline, and relay status and body. They keep no checks of their own.

pub mod allow;
pub mod codes;
pub mod cors;
mod decide;
pub mod decode;
pub mod headers;
pub mod query;
pub mod reply;
pub mod route;
pub mod upstream;

pub use decide::{Config, Decision, Forward, Proxy};

/// Header names (lower case) and values. Fixed values are borrowed, so a runtime can send them
/// without a copy; only values taken from the request (an origin, a credential) are owned.
pub type HeaderPairs = Vec<(&'static str, std::borrow::Cow<'static, str>)>;
pub use headers::Headers;
pub use reply::{Refusal, Reply};

/// Default cap on a forwarded request body (bytes).
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;
/// Default upstream deadline (seconds).
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
/// The one host the SSF configuration documents come from.
pub const SSF_UPSTREAM: &str = "https://ssf.risk-score.teams.cloudflare.com";
/// The Cloudflare API base.
pub const API_UPSTREAM: &str = "https://api.cloudflare.com/client/v4";
