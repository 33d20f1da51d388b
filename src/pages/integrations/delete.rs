//! Deleting an integration: a button, the shared confirm dialog naming the tenant, and the
//! DELETE only after confirm. On success: a toast and back to the list.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::api::use_api;
use crate::components::{use_toasts, ConfirmDialog, ErrorView};
use crate::routes::Page;

/// "Delete integration" behind a confirm dialog.
#[component]
pub fn DeleteIntegration(
    /// The integration's id.
    #[prop(into)]
    id: String,
    /// Its tenant URL, to name it in the dialog.
    #[prop(into)]
    tenant_url: Signal<String>,
) -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let delete = Action::new_local(move |id: &String| {
        let (api, navigate, id) = (api.clone(), navigate.clone(), id.clone());
        async move {
            let outcome = api.delete_integration(&id).await;
            open.set(false);
            if outcome.is_ok() {
                toasts.show("Integration deleted");
                navigate(Page::Integrations.path(), NavigateOptions::default());
            }
            outcome
        }
    });
    let error = move || {
        delete
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| view! { <ErrorView error/> })
    };
    view! {
        <section class="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete"</h2>
            <p>"Okta stops receiving risk score changes from Cloudflare for this tenant."</p>
            {error}
            <button type="button" class="button danger" on:click=move |_| open.set(true)>
                "Delete integration"
            </button>
        </section>
        <ConfirmDialog
            open
            title=Signal::derive(move || format!("Delete the integration for {}?", tenant_url.get()))
            confirm_label="Delete integration".to_owned()
            pending=delete.pending()
            on_confirm=Callback::new(move |()| { delete.dispatch(id.clone()); })
        >
            <p>"Okta will stop receiving risk score changes for its users. This cannot be undone; to share risk scores again you would create a new integration and set it up in Okta again."</p>
        </ConfirmDialog>
    }
}
