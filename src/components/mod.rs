//! Shared widgets used by several pages. No API calls happen here.

pub mod field;
pub mod layout;
pub mod status;

pub use field::Field;
pub use layout::Layout;
pub use status::{EmptyState, ErrorView, SkeletonRows};
