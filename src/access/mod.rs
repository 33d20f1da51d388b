//! What the console works out from Cloudflare Access (`docs/contract-access.md`): the matrix of
//! applications × risk levels (`matrix`) in words (`words`), a draft of risk rule changes to a
//! reusable policy (`draft`) and what saving it changes (`effect`), and what a behaviors change does to access (`shift`) — plain
//! Rust, tested natively — and the one way a view loads the Access data (`load`).
//!
//! The decisions themselves are `zt_risk_api::access::verdicts`; nothing here guesses what the
//! console cannot know (who a user is): that is "depends on identity", and policies that could
//! not be read make an application unknown, never open.

pub mod draft;
pub mod effect;
#[cfg(any(test, feature = "fake"))]
pub mod fixtures;
pub mod load;
pub mod matrix;
pub mod shift;
pub mod words;

pub use draft::RiskDraft;
pub use load::AccessLoad;
pub use matrix::{Kind, Matrix, Policies, Row};
