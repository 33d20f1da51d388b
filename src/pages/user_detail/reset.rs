//! "Reset risk score": a confirm dialog naming the user, then one POST. Success shows a toast
//! and reloads the page; failure shows the error beside the button.

use leptos::html;
use leptos::prelude::*;

use crate::api::{use_api, ApiError};
use crate::components::{use_toasts, ConfirmDialog, ErrorView};
use crate::memory::use_memory;

/// The reset button, its confirm dialog and its error.
#[component]
pub fn ResetScore(
    /// The user id.
    id: String,
    /// The name the dialog and the toast use.
    name: String,
    /// Called after the reset succeeded.
    on_done: Callback<()>,
    /// Set after a reset: the reloaded page puts focus back on this button, where it was.
    refocus: StoredValue<bool>,
) -> impl IntoView {
    let button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let (Some(button), true) = (button.get(), refocus.get_value()) {
            refocus.set_value(false);
            let _ = button.focus();
        }
    });
    let api = use_api();
    let memory = use_memory();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let reset = Action::new_local({
        let name = name.clone();
        move |(): &()| {
            let (api, id, name) = (api.clone(), id.clone(), name.clone());
            async move {
                let result = api.reset(&id).await;
                open.set(false);
                if result.is_ok() {
                    if let Some(profile) = memory.profile().await {
                        profile
                            .record_reset(id.clone(), name.clone(), chrono::Utc::now())
                            .await;
                    }
                    refocus.set_value(true);
                    toasts.show(format!("Risk score reset for {name}"));
                    on_done.run(());
                }
                result
            }
        }
    });
    let pending = reset.pending();
    let error = move || match reset.value().get() {
        Some(Err(ApiError::Aborted)) | Some(Ok(())) | None => None,
        Some(Err(error)) => Some(view! { <ErrorView error on_retry=move || open.set(true)/> }),
    };
    let title = format!("Reset risk score for {name}?");

    view! {
        <div class="actions">
            <button type="button" class="button danger" node_ref=button disabled=move || pending.get()
                aria-busy=move || pending.get().to_string() on:click=move |_| open.set(true)>
                {move || if pending.get() { "Resetting…" } else { "Reset risk score" }}
            </button>
        </div>
        {error}
        <ConfirmDialog open title confirm_label="Reset score" pending
            on_confirm=Callback::new(move |()| { reset.dispatch(()); })>
            <p>{format!("{name}'s risk level goes back to none. Their event history is kept.")}</p>
            <p>"They leave the users summary until an enabled behavior triggers for them again."</p>
        </ConfirmDialog>
    }
}
