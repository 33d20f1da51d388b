//! "Test connection": calls the summary endpoint with what the form holds and says how it went.

use leptos::prelude::*;

use crate::api::{use_api, ApiError};
use crate::components::ErrorView;
use crate::session::Connection;
use crate::text::plural;

/// A button that tests `connection()` and shows success or the exact API error.
#[component]
pub fn TestConnection(
    /// The connection to try (the form's current values).
    connection: Callback<(), Connection>,
) -> impl IntoView {
    let api = use_api();
    let test = Action::new_local(move |connection: &Connection| {
        let api = api.clone().with_connection(connection.clone());
        async move { api.summary().await.map(|users| users.len()) }
    });
    let result = move || {
        test.value().get().map(|outcome: Result<usize, ApiError>| match outcome {
            Ok(n) => view! {
                <p class="success" role="status">
                    {format!("Connected. The summary lists {} with risk events.", plural(n, "user", "users"))}
                </p>
            }
            .into_any(),
            Err(error) => view! { <ErrorView error/> }.into_any(),
        })
    };
    view! {
        <div class="test-connection">
            <button
                type="button"
                class="button secondary"
                disabled=move || test.pending().get()
                on:click=move |_| { test.dispatch(connection.run(())); }
            >
                {move || if test.pending().get() { "Testing…" } else { "Test connection" }}
            </button>
            <div aria-live="polite">{result}</div>
        </div>
    }
}
