//! One module per page. Pages call the typed client (`crate::api`), never build URLs.

pub mod access;
pub mod behaviors;
pub mod detections;
pub mod integrations;
pub mod lazy;
pub mod not_found;
pub mod overview;
pub mod settings;
pub mod user_detail;
pub mod users;

pub use access::AccessPage;
pub use behaviors::BehaviorsPage;
pub use detections::DetectionsPage;
pub use integrations::{IntegrationPage, IntegrationsPage, NewIntegrationPage};
pub use not_found::NotFound;
pub use overview::OverviewPage;
pub use settings::SettingsPage;
pub use user_detail::UserDetailPage;
pub use users::UsersPage;
