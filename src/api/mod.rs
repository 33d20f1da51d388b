//! The browser API client: transport, auth, envelope unwrapping and error mapping.
//!
//! Provided once through context by `app::Providers`; components get it with `use_api()`.
//! `fake` (a scripted transport) exists only for tests: the `fake` feature, which the console's
//! own dev-dependency on itself turns on, so it never reaches the shipped build.

pub mod access_ops;
mod body;
pub mod boot_request;
pub mod client;
pub mod error;
#[cfg(any(test, feature = "fake"))]
pub mod fake;
mod ops;
pub mod response;
pub mod transport;

pub use client::{use_api, Api, ApiClient};
pub use error::ApiError;
