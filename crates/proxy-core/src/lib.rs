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
mod config;
pub mod cors;
mod decide;
pub mod decode;
mod forward;
pub mod headers;
pub mod query;
pub mod reply;
pub mod route;
pub mod upstream;

pub use config::{Config, ConfigError};
pub use decide::{Decision, Proxy};
pub use forward::Forward;
/// The settings declared once for the command lines and the Worker (flags, vars, defaults).
pub use zt_risk_proxy_settings as settings;
pub use zt_risk_proxy_settings::{API_UPSTREAM, DEFAULT_MAX_BODY, SSF_UPSTREAM};

/// Header names (lower case) and values. Fixed values are borrowed, so a runtime can send them
/// without a copy; only values taken from the request (an origin, a credential) are owned.
pub type HeaderPairs = Vec<(&'static str, std::borrow::Cow<'static, str>)>;
pub use headers::Headers;
pub use reply::{Refusal, Reply};
