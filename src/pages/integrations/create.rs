//! `/integrations/new`: the create form. Validates before sending, maps server errors to fields,
//! keeps what was typed on failure, and shows the well-known URL once created.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::validate::IntegrationDraft;
use zt_risk_api::CreateIntegration;

use super::created::CreatedPanel;
use super::form::{IntegrationFields, FIELDS};
use crate::api::use_api;
use crate::components::{Field, FormErrors, FormFailure};
use crate::routes::Page;
use crate::state::unsaved::use_unsaved_guard;

/// `/integrations/new`
#[component]
pub fn NewIntegrationPage() -> impl IntoView {
    let api = use_api();
    let draft = RwSignal::new(IntegrationDraft::default());
    let create = Action::new_local(move |body: &CreateIntegration| {
        let (api, body) = (api.clone(), body.clone());
        async move { api.create_integration(&body).await }
    });
    let errors = FormErrors::sending(FIELDS, create);
    let outcome = create.value();
    let created = Memo::new(move |_| outcome.with(|o| o.clone().and_then(Result::ok)));
    let dirty = Signal::derive(move || {
        created.with(Option::is_none) && draft.with(|d| *d != IntegrationDraft::default())
    });
    use_unsaved_guard(dirty);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.submit(create, draft.get_untracked().to_create());
    };
    let form = move || {
        view! {
            <form class="form" on:submit=on_submit novalidate aria-labelledby="new-heading">
                <Field id="integration-type" label="Type" hint="Okta is the only type Cloudflare offers.">
                    <input type="text" readonly value="Okta"/>
                </Field>
                <IntegrationFields draft errors/>
                <FormFailure errors/>
                <div class="actions">
                    <button type="submit" class="button" disabled=move || create.pending().get()>
                        {move || if create.pending().get() { "Creating…" } else { "Create integration" }}
                    </button>
                    <A href=Page::Integrations.path() attr:class="button secondary">"Cancel"</A>
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
