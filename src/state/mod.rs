//! Client-side state shared across pages (not settings: those live in `session`): the read
//! cache, reloading, the unsaved-edits guard, profile switching and DOM listeners.

pub mod cache;
pub mod listen;
pub mod profile;
pub mod reload;
pub mod unsaved;

pub use cache::Cache;
pub use reload::{use_reloadable, use_reloadable_item};
