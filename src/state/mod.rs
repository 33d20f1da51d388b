//! Client-side state shared across pages (not settings: those live in `session`): the read
//! cache, reloading, the unsaved-edits guard, profile switching, DOM listeners, the runner for
//! per-item API jobs and the events store it fills, and the one sort every table uses.

pub mod cache;
pub mod event_index;
pub mod events;
pub mod events_load;
pub mod last_users_view;
pub mod listen;
pub mod profile;
pub mod reload;
pub mod runner;
pub mod unsaved;
pub mod url_view;

pub use cache::Cache;
pub use events::{use_events, EventsStore};
pub use reload::{summary_users, use_reloadable, use_reloadable_item};
pub use runner::Runner;
