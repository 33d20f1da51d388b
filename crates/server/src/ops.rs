//! The route table of the 11 risk scoring and 6 Access operations, from
//! `zt_risk_proxy_core::route` (one table for the emulator and both proxies), with the
//! emulator's `http::Method` signature.

use axum::http::Method;

pub use zt_risk_proxy_core::decode::percent_decode;
pub use zt_risk_proxy_core::route::{Matched, Op, RouteError};

/// Matches `method` and the raw (still encoded) `path`, with or without the `/client/v4` prefix.
pub fn match_route(method: &Method, path: &str) -> Result<Matched, RouteError> {
    zt_risk_proxy_core::route::match_route(method.as_str(), path)
}
