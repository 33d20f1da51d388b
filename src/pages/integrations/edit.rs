//! `/integrations/:id`: loads one integration, shows its status and facts, the SSF
//! configuration URL with Copy, the Okta steps and the SSF Check, edits it (a full overwrite,
//! as the API does) and deletes it. A bad or unknown id gets a not-found message, never a crash.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::Integration;

use super::copy::CopyField;
use super::created::OktaSteps;
use super::delete::DeleteIntegration;
use super::edit_form::EditIntegration;
use super::ssf::SsfCheck;
use crate::api::ApiError;
use crate::components::{ErrorView, RelativeTime, SkeletonRows};
use crate::routes::Page;
use crate::state::use_reloadable_item;

/// No such integration (404, or an id that is not a UUID).
#[component]
fn Missing(
    /// The id from the address.
    id: String,
) -> impl IntoView {
    view! {
        <h1>"Integration not found"</h1>
        <p role="alert">{format!("There is no integration with the ID \"{id}\" in this account.")}</p>
        <p><A href=Page::Integrations.path()>"Back to integrations"</A></p>
    }
}

/// The facts that cannot be edited here, and whether it is active (as last saved).
#[component]
fn Facts(
    /// The loaded integration.
    integration: Integration,
    /// Whether it is active, following saves.
    active: Signal<bool>,
) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>"Status"</dt><dd class="status">{move || if active.get() { "Active" } else { "Inactive" }}</dd>
            <dt>"Type"</dt><dd>{integration.integration_type.as_str().to_owned()}</dd>
            <dt>"Account tag"</dt><dd><code>{integration.account_tag.clone()}</code></dd>
            <dt>"Created"</dt><dd><RelativeTime at=integration.created_at/></dd>
            <dt>"ID"</dt><dd><code>{integration.id.clone()}</code></dd>
        </dl>
        <CopyField id="well-known-url" label="Well-known URL" value=integration.well_known_url/>
        <p class="hint">"The SSF configuration URL: Okta reads it to receive this account's risk changes."</p>
        <h2>"Set up in Okta"</h2>
        <OktaSteps/>
    }
}

/// A loaded integration: its facts, the edit form and delete, all following saves.
#[component]
fn Loaded(
    /// The integration as loaded.
    integration: Integration,
) -> impl IntoView {
    let facts = integration.clone();
    let id = integration.id.clone();
    let current = RwSignal::new(integration);
    let tenant_url = Signal::derive(move || current.read().tenant_url.clone());
    let active = Signal::derive(move || current.read().active);
    view! {
        <div class="page-head"><h1>{tenant_url}</h1></div>
        <Facts integration=facts active/>
        <SsfCheck id=id.clone()/>
        <EditIntegration current/>
        <DeleteIntegration id tenant_url/>
    }
}

/// `/integrations/:id`
#[component]
pub fn IntegrationPage() -> impl IntoView {
    let (id, integration, retry) =
        use_reloadable_item(|api, id| async move { api.integration(&id).await });
    view! {
        <p><A href=Page::Integrations.path()>"← Integrations"</A></p>
        <Transition fallback=|| view! { <SkeletonRows rows=4 label="Loading integration"/> }>
            {move || Suspend::new(async move {
                match integration.await {
                    Ok(i) => view! { <Loaded integration=i/> }.into_any(),
                    Err(ApiError::NotFound { .. } | ApiError::InvalidId(_)) => {
                        view! { <Missing id=id.get_untracked()/> }.into_any()
                    }
                    Err(error) => view! {
                        <h1>"Integration"</h1>
                        <ErrorView error on_retry=retry/>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}
