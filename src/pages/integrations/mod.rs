//! The integrations pages: the list with a reference-id lookup, the create form with its
//! success panel, and the edit page with delete.
//!
//! Pages call the typed client only; field rules live in `zt_risk_api::validate`.

mod copy;
mod create;
mod created;
mod delete;
mod edit;
mod edit_form;
mod form;
mod form_errors;
mod list;
mod lookup;

pub use create::NewIntegrationPage;
pub use edit::IntegrationPage;
pub use list::IntegrationsPage;
