//! Shared widgets used by several pages. No API calls happen here.

pub mod confirm;
pub mod field;
pub mod layout;
pub mod risk_badge;
pub mod sort;
pub mod status;
pub mod switch;
pub mod time;
pub mod toast;

pub use confirm::ConfirmDialog;
pub use field::Field;
pub use layout::Layout;
pub use risk_badge::RiskBadge;
pub use sort::{Dir, Sort, SortHeader};
pub use status::{EmptyState, ErrorView, SkeletonRows};
pub use switch::Switch;
pub use time::RelativeTime;
pub use toast::{use_toasts, Toaster, Toasts};
