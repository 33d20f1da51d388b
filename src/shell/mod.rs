//! The shell around every page: the header's profile switcher and `?profile=` links, the
//! theme toggle, keyboard shortcuts and their help, and the document title. The layout
//! (`components::layout`) places these; pages know nothing of them.

pub mod keys;
pub mod shortcuts;
pub mod switcher;
pub mod theme;
pub mod title;

pub use shortcuts::{use_shortcuts, HelpDialog};
pub use switcher::{use_profile_link, ProfileSwitcher};
pub use theme::ThemeSelect;

#[cfg(test)]
#[path = "contrast_tests.rs"]
mod contrast_tests;
