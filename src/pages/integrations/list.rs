//! `/integrations`: every integration in a table, the reference-ID lookup, the way to create
//! one, and the JSON backup (`backup.rs`).

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::Integration;

use super::backup::Backups;
use super::lookup::ReferenceLookup;
use crate::components::{EmptyState, ErrorView, RelativeTime, SkeletonRows};
use crate::routes::Page;
use crate::state::use_reloadable;

/// The table of integrations.
#[component]
fn IntegrationTable(
    /// The integrations to list.
    integrations: Vec<Integration>,
) -> impl IntoView {
    let rows = integrations
        .into_iter()
        .map(|i| {
            view! {
                <tr>
                    <td><A href=Page::Integration.link(&i.id)>{i.tenant_url}</A></td>
                    <td data-label="Type">{i.integration_type.as_str().to_owned()}</td>
                    <td data-label="Active">{if i.active { "Active" } else { "Inactive" }}</td>
                    <td data-label="Reference ID"><code>{i.reference_id}</code></td>
                    <td data-label="Created"><RelativeTime at=i.created_at/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table>
                <caption class="visually-hidden">"Integrations"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Tenant URL"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Active"</th>
                        <th scope="col">"Reference ID"</th>
                        <th scope="col">"Created"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// `/integrations`
#[component]
pub fn IntegrationsPage() -> impl IntoView {
    let (integrations, retry) = use_reloadable(|api| async move { api.integrations().await });
    let loaded = Signal::derive(move || {
        integrations.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    });
    view! {
        <div class="page-head">
            <h1>"Integrations"</h1>
            <A href=Page::NewIntegration.path() attr:class="button">"New integration"</A>
        </div>
        <ReferenceLookup/>
        <Transition fallback=|| view! { <SkeletonRows rows=3 label="Loading integrations"/> }>
            {move || Suspend::new(async move {
                match integrations.await {
                    Ok(list) if list.is_empty() => view! {
                        <EmptyState title="No integrations yet">
                            <p>"An integration shares users' risk score changes with Okta, so Okta can act on them, for example by asking for stronger sign-in."</p>
                            <A href=Page::NewIntegration.path() attr:class="button">"New integration"</A>
                        </EmptyState>
                    }
                    .into_any(),
                    Ok(list) => view! { <IntegrationTable integrations=list/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })}
        </Transition>
        <Backups loaded on_done=retry/>
    }
}
