//! The integrations pages: list with reference-id lookup, create, and edit/delete (being built).

use leptos::prelude::*;

use crate::pages::Placeholder;

/// `/integrations`
#[component]
pub fn IntegrationsPage() -> impl IntoView {
    view! { <Placeholder title="Integrations"/> }
}

/// `/integrations/new`
#[component]
pub fn NewIntegrationPage() -> impl IntoView {
    view! { <Placeholder title="New integration"/> }
}

/// `/integrations/:id`
#[component]
pub fn IntegrationPage() -> impl IntoView {
    view! { <Placeholder title="Integration"/> }
}
