//! Find an integration by its reference ID (the Access identity provider's ID) and open it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use zt_risk_api::validate::required_reference_id;

use crate::api::{use_api, ApiError};
use crate::components::{ErrorView, Field};
use crate::routes::Page;

/// A one-field form: looks the reference ID up and navigates to the match.
#[component]
pub fn ReferenceLookup() -> impl IntoView {
    let api = use_api();
    let navigate = use_navigate();
    let typed = RwSignal::new(String::new());
    let invalid = RwSignal::new(None::<String>);
    let lookup = Action::new_local(move |reference: &String| {
        let (api, navigate, reference) = (api.clone(), navigate.clone(), reference.clone());
        async move {
            let outcome = api.integration_by_reference(&reference).await;
            if let Ok(found) = &outcome {
                navigate(
                    &Page::Integration.link(&found.id),
                    NavigateOptions::default(),
                );
            }
            (reference, outcome.map(drop))
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match required_reference_id(&typed.get_untracked()) {
            Ok(reference) => {
                invalid.set(None);
                lookup.dispatch(reference);
            }
            Err(error) => invalid.set(Some(error.message)),
        }
    };
    let result = move || {
        let (reference, outcome) = lookup.value().get()?;
        Some(match outcome {
            Ok(()) => ().into_any(),
            Err(ApiError::NotFound { .. }) => view! {
                <p class="notice" role="status">{format!("No integration has reference ID {reference}.")}</p>
            }
            .into_any(),
            Err(error) => view! { <ErrorView error/> }.into_any(),
        })
    };
    view! {
        <form class="form lookup" on:submit=on_submit novalidate aria-label="Look up by reference ID">
            <Field id="lookup-reference-id" label="Reference ID" error=invalid
                hint="The ID of the Okta identity provider in Access.">
                <input type="search" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))/>
            </Field>
            <button type="submit" class="button secondary" disabled=move || lookup.pending().get()>
                "Look up"
            </button>
            <div aria-live="polite">{result}</div>
        </form>
    }
}
