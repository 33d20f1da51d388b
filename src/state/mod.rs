//! Client-side state shared across pages (not settings: those live in `session`).

pub mod cache;
pub mod reload;
pub mod unsaved;

pub use cache::Cache;
pub use reload::{use_reloadable, use_reloadable_item};
