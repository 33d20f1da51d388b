//! The edit form of a loaded integration: Active, tenant URL and reference ID, saved as a full
//! overwrite (as the API does). Edits survive a failed save; server errors land on their fields.

use leptos::prelude::*;
use zt_risk_api::validate::{FieldError, IntegrationDraft};
use zt_risk_api::{Integration, UpdateIntegration};

use super::form::{
    focus_first_invalid, needs_error_view, server_field_errors, submit, IntegrationFields,
};
use crate::api::{use_api, ApiError};
use crate::components::{use_toasts, ErrorView};
use crate::state::unsaved::use_unsaved_guard;

fn draft_of(i: &Integration) -> IntegrationDraft {
    IntegrationDraft {
        tenant_url: i.tenant_url.clone(),
        reference_id: i.reference_id.clone(),
        active: i.active,
    }
}

/// The edit form for a loaded integration.
#[component]
pub fn EditIntegration(
    /// The integration as last loaded or saved; a successful save replaces it.
    current: RwSignal<Integration>,
) -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let id = current.read_untracked().id.clone();
    let saved = Memo::new(move |_| current.with(draft_of));
    let draft = RwSignal::new(saved.get_untracked());
    let client_errors = RwSignal::new(Vec::<FieldError>::new());
    let save = Action::new_local(move |body: &UpdateIntegration| {
        let (api, id, body) = (api.clone(), id.clone(), body.clone());
        async move {
            let outcome = api.update_integration(&id, &body).await;
            match &outcome {
                Ok(updated) => {
                    draft.set(draft_of(updated));
                    current.set(updated.clone());
                    toasts.show("Integration saved");
                }
                Err(error) => focus_first_invalid(&server_field_errors(error)),
            }
            outcome.map(drop)
        }
    });
    let failure = Memo::new(move |_| save.value().with(|o| o.clone().and_then(Result::err)));
    let errors = Signal::derive(move || {
        let client = client_errors.get();
        match (client.is_empty(), failure.get()) {
            (true, Some(error)) => server_field_errors(&error),
            _ => client,
        }
    });
    let dirty = Memo::new(move |_| draft.with(|d| saved.with(|s| d != s)));
    use_unsaved_guard(dirty.into());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(save, draft.get_untracked().to_update(), client_errors);
    };
    let general_error = move || {
        failure
            .get()
            .filter(|e| client_errors.with(Vec::is_empty) && needs_error_view(e))
            .map(|error: ApiError| view! { <ErrorView error/> })
    };
    let discard = move |_| {
        draft.set(saved.get_untracked());
        client_errors.set(Vec::new());
        save.value().set(None);
    };
    view! {
        <form class="form" on:submit=on_submit novalidate aria-labelledby="edit-heading">
            <h2 id="edit-heading">"Edit integration"</h2>
            <IntegrationFields draft errors with_active=true/>
            {general_error}
            <div class="actions">
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { "Saving…" } else { "Save changes" }}
                </button>
                <button type="button" class="button secondary" disabled=move || !dirty.get() on:click=discard>
                    "Discard changes"
                </button>
                <span class="draft-state" aria-live="polite">{move || dirty.get().then_some("Unsaved changes")}</span>
            </div>
        </form>
    }
}
