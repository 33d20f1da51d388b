//! The integration fields shared by create and edit: tenant URL, reference id and, when
//! editing, the Active switch, each showing its error (`FormErrors` decides which).

use leptos::prelude::*;
use zt_risk_api::validate::IntegrationDraft;

use crate::components::field::bind_text;
use crate::components::{Field, FieldIds, FormErrors, Switch};

/// The fields as validation and the server name them, and their controls' ids.
pub const FIELDS: FieldIds = &[
    ("tenant_url", "tenant-url"),
    ("reference_id", "reference-id"),
];

/// The editable integration fields, bound to `draft`, showing `errors` by their fields.
#[component]
pub fn IntegrationFields(
    /// What the admin typed.
    draft: RwSignal<IntegrationDraft>,
    /// The form's errors (from validation or the server).
    errors: FormErrors,
    /// Show the Active switch (editing only; a new integration is always active).
    #[prop(optional)]
    with_active: bool,
) -> impl IntoView {
    let url_error = errors.field("tenant_url");
    let reference_error = errors.field("reference_id");
    let active = Signal::derive(move || draft.read().active);
    let (url, url_input) = bind_text(draft, |d| &d.tenant_url, |d, v| d.tenant_url = v);
    let (reference, reference_input) =
        bind_text(draft, |d| &d.reference_id, |d, v| d.reference_id = v);
    view! {
        {with_active.then(|| view! {
            <div class="field checkbox">
                <Switch id="active" label="Active" states=("Active", "Inactive") checked=active
                    on_change=Callback::new(move |on| draft.update(|d| d.active = on)) describedby="active-hint"/>
                <p class="hint" id="active-hint">"While inactive, Okta receives no risk changes from this integration."</p>
            </div>
        })}
        <Field id="tenant-url" label="Okta tenant URL" error=url_error
            hint="The base URL of your Okta tenant, e.g. https://your-company.okta.com">
            <input type="url" autocomplete="url" spellcheck="false" prop:value=url on:input=url_input/>
        </Field>
        <Field id="reference-id" label="Reference ID (optional)" error=reference_error
            hint="The ID of the Okta identity provider in Access. Left empty, Cloudflare generates one.">
            <input type="text" autocomplete="off" spellcheck="false" prop:value=reference
                on:input=reference_input/>
        </Field>
    }
}
