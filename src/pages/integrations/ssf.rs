//! "Check" of an integration's SSF configuration: fetches the document through the console's
//! API base (a proxy forwards it to Cloudflare's SSF host; the demo serves its own) and shows it
//! as text. A proxy that does not forward it is no fault: Okta fetches that URL, not the browser.

use leptos::prelude::*;
use zt_risk_api::SsfConfiguration;

use crate::api::{use_api, ApiError};
use crate::components::ErrorView;

/// Whether `error` means the proxy does not forward the document: a 404 "no route" (7003) or a
/// 404 page that is not the API's, or no answer at all (CORS refused, say).
fn unsupported(error: &ApiError) -> bool {
    match error {
        ApiError::Network { .. } | ApiError::NotJson { status: 404, .. } => true,
        ApiError::NotFound { errors } => errors.iter().any(|e| e.code == 7003),
        _ => false,
    }
}

fn text(value: Option<String>) -> String {
    value.unwrap_or_else(|| "(not given)".into())
}

fn list(items: Vec<String>) -> AnyView {
    if items.is_empty() {
        return "(none)".into_any();
    }
    view! { <ul class="plain">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
        .into_any()
}

fn document(doc: SsfConfiguration) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>"Issuer"</dt><dd>{text(doc.issuer)}</dd>
            <dt>"JWKS URI"</dt><dd>{text(doc.jwks_uri)}</dd>
            <dt>"Delivery methods"</dt><dd>{list(doc.delivery_methods_supported)}</dd>
            <dt>"Configuration endpoint"</dt><dd>{text(doc.configuration_endpoint)}</dd>
            <dt>"Events"</dt><dd>{list(doc.events_supported)}</dd>
        </dl>
    }
}

/// The Check button and what it found.
#[component]
pub fn SsfCheck(
    /// The integration's id.
    id: String,
) -> impl IntoView {
    let api = use_api();
    let check = Action::new_local(move |(): &()| {
        let (api, id) = (api.clone(), id.clone());
        async move { api.ssf_configuration(&id).await }
    });
    let pending = check.pending();
    let found = move || {
        check.value().get().map(|outcome| match outcome {
            Ok(doc) => document(doc).into_any(),
            Err(e) if unsupported(&e) => view! {
                <p class="notice" role="status">
                    "This proxy does not forward the SSF configuration, so the browser cannot fetch it. "
                    "Nothing is wrong: Okta fetches the well-known URL itself, not the browser, so this check is optional."
                </p>
            }
            .into_any(),
            Err(error) => view! { <ErrorView error on_retry=Callback::new(move |()| { check.dispatch(()); })/> }.into_any(),
        })
    };
    view! {
        <section class="ssf-check" aria-labelledby="ssf-heading">
            <h2 id="ssf-heading">"SSF configuration"</h2>
            <p>"Okta reads the well-known URL to learn how Cloudflare sends it risk changes. Check fetches that document through the proxy and shows what Okta will find."</p>
            <button type="button" class="button secondary" disabled=pending on:click=move |_| { check.dispatch(()); }>
                {move || if pending.get() { "Checking…" } else { "Check" }}
            </button>
            <div aria-live="polite">{found}</div>
        </section>
    }
}
