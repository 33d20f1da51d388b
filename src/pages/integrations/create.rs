//! `/integrations/new`: the create form. Validates before sending, maps server errors to fields,
//! keeps what was typed on failure, and shows the well-known URL once created.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::validate::{FieldError, IntegrationDraft};
use zt_risk_api::CreateIntegration;

use super::created::CreatedPanel;
use super::form::{
    focus_first_invalid, needs_error_view, server_field_errors, submit, IntegrationFields,
};
use crate::api::{use_api, ApiError};
use crate::components::ErrorView;
use crate::routes;
use crate::state::unsaved::use_unsaved_guard;

/// `/integrations/new`
#[component]
pub fn NewIntegrationPage() -> impl IntoView {
    let api = use_api();
    let draft = RwSignal::new(IntegrationDraft::default());
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    let create = Action::new_local(move |body: &CreateIntegration| {
        let (api, body) = (api.clone(), body.clone());
        async move {
            let outcome = api.create_integration(&body).await;
            if let Err(error) = &outcome {
                focus_first_invalid(&server_field_errors(error));
            }
            outcome
        }
    });
    let outcome = create.value();
    let created = Memo::new(move |_| outcome.with(|o| o.clone().and_then(Result::ok)));
    let failure = Memo::new(move |_| outcome.with(|o| o.clone().and_then(Result::err)));
    let errors = Signal::derive(move || {
        let client = client_errors.get();
        match (client.is_empty(), failure.get()) {
            (true, Some(error)) => server_field_errors(&error),
            _ => client,
        }
    });
    let dirty = Signal::derive(move || {
        created.with(Option::is_none) && draft.with(|d| *d != IntegrationDraft::default())
    });
    use_unsaved_guard(dirty);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(create, draft.get_untracked().to_create(), client_errors);
    };
    let general_error = move || {
        failure
            .get()
            .filter(|e| client_errors.with(Vec::is_empty) && needs_error_view(e))
            .map(|error: ApiError| view! { <ErrorView error/> })
    };
    let form = move || {
        view! {
            <form class="form" on:submit=on_submit novalidate aria-labelledby="new-heading">
                <div class="field">
                    <label for="integration-type">"Type"</label>
                    <input id="integration-type" type="text" readonly value="Okta"
                        aria-describedby="integration-type-hint"/>
                    <p class="hint" id="integration-type-hint">"Okta is the only type Cloudflare offers."</p>
                </div>
                <IntegrationFields draft errors/>
                {general_error}
                <div class="actions">
                    <button type="submit" class="button" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating…" } else { "Create integration" }}
                    </button>
                    <A href=routes::integrations() attr:class="button secondary">"Cancel"</A>
                </div>
            </form>
        }
    };
    view! {
        <div class="page-head"><h1 id="new-heading">"New integration"</h1></div>
        <p>"Share users' risk score changes with Okta, so Okta can act on them (for example, ask for stronger sign-in)."</p>
        {move || match created.get() {
            Some(integration) => view! { <CreatedPanel integration/> }.into_any(),
            None => form().into_any(),
        }}
    }
}
