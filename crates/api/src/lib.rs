//! The Cloudflare Zero Trust risk scoring API in plain Rust: models, the v4 envelope,
//! request paths with encoded segments, validation of what admins type and of imported files,
//! the scoring rule (a user's level under given behavior settings), and the Access subset
//! (applications, policies, rules) with what a risk level alone decides about each application.
//!
//! This crate must not depend on anything web- or runtime-specific: the browser console
//! and the native server both use it, and it is tested natively.

pub mod access;
pub mod envelope;
pub mod import;
pub mod model;
pub mod paging;
pub mod paths;
mod rfc3339;
pub mod risk_level;
pub mod scoring;
pub mod ssf;
pub mod validate;

pub use envelope::{ApiMessage, Envelope, ErrorSource, ResultInfo};
pub use model::*;
pub use risk_level::RiskLevel;
pub use ssf::SsfConfiguration;
