//! The integration fields shared by create and edit: tenant URL, reference id and, when
//! editing, the Active switch. Also maps validation and server errors onto those fields.
//!
//! Owns no request: the pages validate, send and decide what an error means.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use zt_risk_api::validate::{FieldError, IntegrationDraft};

use crate::api::ApiError;
use crate::components::field::{describedby, field_error};
use crate::components::Field;

/// Input ids, in the order fields appear (the first invalid one gets focus).
const FIELDS: [(&str, &str); 2] = [
    ("tenant_url", "tenant-url"),
    ("reference_id", "reference-id"),
];

/// The server's errors that point at a field of the form, as field errors.
pub fn server_field_errors(error: &ApiError) -> Vec<FieldError> {
    error
        .errors()
        .iter()
        .filter_map(|item| {
            let key = item.pointer()?.rsplit('/').next()?;
            let (field, _) = FIELDS.iter().find(|(field, _)| *field == key)?;
            Some(FieldError::new(field, item.message.clone()))
        })
        .collect()
}

/// Whether `error` needs the general error view: nothing in it pointed at a field, or
/// some of its items did not.
pub fn needs_error_view(error: &ApiError) -> bool {
    let mapped = server_field_errors(error).len();
    mapped == 0 || mapped < error.errors().len()
}

/// Moves focus to the first field that has an error.
pub fn focus_first_invalid(errors: &[FieldError]) {
    let Some((_, id)) = FIELDS
        .iter()
        .find(|(field, _)| errors.iter().any(|e| e.field == *field))
    else {
        return;
    };
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Dispatches the validated `body` through `action`, or shows the field errors and focuses the
/// first invalid field. Ignored while a request is pending.
pub fn submit<B, O>(
    action: Action<B, O>,
    body: Result<B, Vec<FieldError>>,
    client_errors: RwSignal<Vec<FieldError>>,
) where
    B: Send + Sync + 'static,
    O: Send + Sync + 'static,
{
    if action.pending().get_untracked() {
        return;
    }
    match body {
        Ok(body) => {
            client_errors.set(Vec::new());
            action.value().set(None);
            action.dispatch(body);
        }
        Err(list) => {
            focus_first_invalid(&list);
            client_errors.set(list);
        }
    }
}

/// The editable integration fields, bound to `draft`, showing `errors` by their fields.
#[component]
pub fn IntegrationFields(
    /// What the admin typed.
    draft: RwSignal<IntegrationDraft>,
    /// Current field errors (from validation or the server).
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Show the Active switch (editing only; a new integration is always active).
    #[prop(optional)]
    with_active: bool,
) -> impl IntoView {
    let url_error = field_error(errors, "tenant_url");
    let reference_error = field_error(errors, "reference_id");
    let active = move || draft.read().active;
    view! {
        {with_active.then(|| view! {
            <div class="field checkbox">
                <button type="button" id="active" class="switch" role="switch" aria-label="Active"
                    aria-checked=move || active().to_string()
                    on:click=move |_| draft.update(|d| d.active = !d.active)></button>
                <span aria-hidden="true">{move || if active() { "Active" } else { "Inactive" }}</span>
                <p class="hint">"While inactive, Okta receives no risk changes from this integration."</p>
            </div>
        })}
        <Field id="tenant-url" label="Okta tenant URL" error=url_error
            hint="The base URL of your Okta tenant, e.g. https://your-company.okta.com">
            <input id="tenant-url" type="url" autocomplete="url" spellcheck="false"
                prop:value=move || draft.read().tenant_url.clone()
                on:input=move |ev| draft.update(|d| d.tenant_url = event_target_value(&ev))
                aria-describedby=describedby("tenant-url")
                aria-invalid=move || url_error.get().map(|_| "true")/>
        </Field>
        <Field id="reference-id" label="Reference ID (optional)" error=reference_error
            hint="The ID of the Okta identity provider in Access. Left empty, Cloudflare generates one.">
            <input id="reference-id" type="text" autocomplete="off" spellcheck="false"
                prop:value=move || draft.read().reference_id.clone()
                on:input=move |ev| draft.update(|d| d.reference_id = event_target_value(&ev))
                aria-describedby=describedby("reference-id")
                aria-invalid=move || reference_error.get().map(|_| "true")/>
        </Field>
    }
}
