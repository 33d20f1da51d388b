//! The edit form of a loaded integration: Active, tenant URL and reference ID, saved as a full
//! overwrite (as the API does). Edits survive a failed save; server errors land on their fields.

use leptos::prelude::*;
use zt_risk_api::validate::IntegrationDraft;
use zt_risk_api::{Integration, UpdateIntegration};

use super::form::{IntegrationFields, FIELDS};
use crate::api::use_api;
use crate::components::{use_toasts, FormErrors, FormFailure};
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
    let save = Action::new_local(move |body: &UpdateIntegration| {
        let (api, id, body) = (api.clone(), id.clone(), body.clone());
        async move {
            let outcome = api.update_integration(&id, &body).await;
            if let Ok(updated) = &outcome {
                draft.set(draft_of(updated));
                current.set(updated.clone());
                toasts.show("Integration saved");
            }
            outcome.map(drop)
        }
    });
    let errors = FormErrors::sending(FIELDS, save);
    let dirty = Memo::new(move |_| draft.with(|d| saved.with(|s| d != s)));
    use_unsaved_guard(dirty.into());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.submit(save, draft.get_untracked().to_update());
    };
    let discard = move |_| {
        draft.set(saved.get_untracked());
        errors.clear();
        save.value().set(None);
    };
    view! {
        <form class="form" on:submit=on_submit novalidate aria-labelledby="edit-heading">
            <h2 id="edit-heading">"Edit integration"</h2>
            <IntegrationFields draft errors with_active=true/>
            <FormFailure errors/>
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
