//! `WithAccess`: a section's Access matrix (`access::AccessLoad`, through the read cache), with
//! one line while it loads or when it cannot be read (a token without Access permission is told
//! which permission it lacks; the rest of the page works), and the progress of any
//! per-application reads. The Users page, the user page and the behaviors review share it.

use leptos::prelude::*;

use super::RunProgress;
use crate::access::words::unavailable;
use crate::access::{AccessLoad, Matrix};
use crate::state::runner::Phase;

/// Shows `render(matrix)` once the applications are loaded.
///
/// ```ignore
/// <WithAccess render=Callback::new(kept_out)/>
/// ```
#[component]
pub fn WithAccess(
    /// Draws the loaded matrix (reactive: per-application reads land in it).
    render: Callback<Memo<Matrix>, AnyView>,
) -> impl IntoView {
    let load = AccessLoad::new(false);
    let loaded = Memo::new(move |_| load.matrix().with(|m| m.as_ref().map(Result::is_ok)));
    let matrix = load.ready();
    let runner = load.runner();
    let running = move || runner.progress().with(|p| p.phase != Phase::Ready);
    let failed = move || {
        load.matrix().with(|m| match m {
            Some(Err(error)) => Some((unavailable(error), error.is_retryable())),
            _ => None,
        })
    };
    move || {
        match loaded.get() {
        None => view! { <p class="hint">"Loading applications…"</p> }.into_any(),
        Some(false) => failed()
            .map(|(line, retry)| {
                view! {
                    <p class="hint access-unavailable">
                        {line}" "
                        {retry.then(|| view! {
                            <button type="button" class="button secondary small" on:click=move |_| load.reload()>
                                "Retry"<span class="visually-hidden">" loading applications"</span>
                            </button>
                        })}
                    </p>
                }
            })
            .into_any(),
        Some(true) => view! {
            {render.run(matrix)}
            <Show when=running>
                <RunProgress runner label="Loading application policies" unit=("application", "applications")/>
            </Show>
        }
        .into_any(),
    }
    }
}
