//! What the console remembers per profile (API base + account), in the browser's IndexedDB:
//! each user's last summary row and the events last fetched for them, the risk history, the
//! behaviors last seen and the visits. Never the token.
//!
//! The pure rules are here: the records and their schema (`record`), summaries and behaviors
//! diffed into history (`history`), incremental refresh (`plan`), events kept across resets
//! (`kept`), "since your last visit" (`visit`) and a user's timeline (`timeline`).
pub mod backend;
pub mod context;
#[cfg(any(test, feature = "fake"))]
pub mod fake;
pub mod history;
pub mod idb;
mod idle;
pub mod keeper;
pub mod kept;
pub mod plan;
pub mod profile;
mod profile_keeper;
pub mod record;
pub mod split;
pub mod tabs;
pub mod timeline;
pub mod visit;

pub use context::{use_memory, Memory, Visit};
pub use idle::idle;

/// What this browser kept for one user: their history, and the events the API no longer
/// lists (each with the reset that dropped it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserMemory {
    pub history: Vec<record::Entry>,
    pub kept: Vec<KeptEvent>,
}

/// An event the API no longer lists, and the reset that dropped it (if one did).
pub type KeptEvent = (
    zt_risk_api::RiskEvent,
    Option<chrono::DateTime<chrono::Utc>>,
);
