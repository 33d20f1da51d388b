//! The browser API client: transport, auth, envelope unwrapping and error mapping.
//!
//! Provided once through context (`provide_api`); components get it with `use_api()`.

pub mod client;
pub mod error;
pub mod fake;
mod ops;
pub mod response;
pub mod transport;

pub use client::{use_api, Api, ApiClient};
pub use error::ApiError;
