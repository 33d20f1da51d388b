//! Shared widgets used by several pages. No API calls happen here, except in `LoadEvents`,
//! which reads the summary (through the read cache) and starts the events store's load,
//! `WithSummary` and `WithAccess`, which load what a section shows.
//!
//! A new page reaches for these before writing its own: `Field` (+ `field::bind_text`) and
//! `FormErrors` for labelled inputs and their errors, `Switch` for on/off, `SortHeader` (with `crate::sort`)
//! for sortable tables, `ErrorView`/`SkeletonRows`/`EmptyState` for loading states,
//! `ConfirmDialog` for destructive actions and reviews, `FileDrop`/`ImportProblems` to take a
//! file, `use_toasts` after a save. Loading itself is
//! `state::use_reloadable`; links are `crate::routes`; counted words are `text::plural`.
//! Per-item API jobs run on `state::Runner` and show `RunProgress`; `LoadEvents` fills the
//! events store. A view downloads as CSV and JSON through `ExportButtons`.

pub mod chart;
pub mod confirm;
pub mod event_details;
pub mod export_buttons;
pub mod field;
pub mod file_drop;
pub mod form_errors;
pub mod layout;
pub mod level_select;
pub mod load_events;
pub mod pager;
pub mod risk_badge;
pub mod run_progress;
pub mod sort;
pub mod status;
pub mod switch;
pub mod time;
pub mod toast;
pub mod with_access;
pub mod with_summary;

pub use chart::{Bar, BarChart};
pub use confirm::ConfirmDialog;
pub use event_details::EventDetails;
pub use export_buttons::ExportButtons;
pub use field::Field;
pub use file_drop::{FileDrop, ImportExport, ImportProblems};
pub use form_errors::{FieldIds, FormErrors, FormFailure};
pub use layout::Layout;
pub use level_select::LevelSelect;
pub use load_events::LoadEvents;
pub use pager::{PageInfo, Pager, PAGE_SIZE};
pub use risk_badge::RiskBadge;
pub use run_progress::RunProgress;
pub use sort::SortHeader;
pub use status::{Alert, EmptyState, ErrorView, SkeletonRows};
pub use switch::Switch;
pub use time::RelativeTime;
pub use toast::{use_toasts, Toaster, Toasts};
pub use with_access::WithAccess;
pub use with_summary::WithSummary;
