//! The integrations pages: the list with a reference-id lookup and the JSON backup (export,
//! checked import), the create form with its success panel, and the integration's page (status,
//! SSF configuration URL and Check, Okta steps, edit, delete).
//!
//! Pages call the typed client only; field rules live in `zt_risk_api::validate`.

mod backup;
mod backup_run;
mod copy;
mod create;
mod created;
mod delete;
mod edit;
mod edit_form;
mod form;
mod list;
mod lookup;
mod ssf;

pub use create::NewIntegrationPage;
pub use edit::IntegrationPage;
pub use list::IntegrationsPage;
