//! One module per page. Pages call the typed client (`crate::api`), never build URLs.

pub mod not_found;
pub mod placeholder;
pub mod settings;

pub use not_found::NotFound;
pub use placeholder::Placeholder;
pub use settings::SettingsPage;
