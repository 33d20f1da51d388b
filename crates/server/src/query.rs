//! Query strings: strict `application/x-www-form-urlencoded` decoding, from the proxy core.

pub use zt_risk_proxy_core::query::{get, parse};
