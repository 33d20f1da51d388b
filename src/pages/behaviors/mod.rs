//! The Behaviors page: which behaviors count towards a user's risk, and at which level.
//!
//! Edits are a draft (`draft.rs`) saved with one `PUT /behaviors` carrying only the changes;
//! a failed save keeps every edit. Leaving with unsaved edits asks first.

mod draft;
mod draft_bar;
mod merge;
mod seen;
mod table;

pub use draft::{BehaviorsDraft, Settings};

use leptos::prelude::*;

use crate::api::use_api;
use crate::components::{use_toasts, EmptyState, ErrorView, SkeletonRows};
use crate::state::unsaved::use_unsaved_guard;
use crate::state::use_reloadable;
use crate::text::plural;
use draft_bar::DraftBar;
use table::BehaviorsTable;

/// The Behaviors page.
#[component]
pub fn BehaviorsPage() -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let heading = NodeRef::<leptos::html::H1>::new();
    // Reloaded by Retry and after a save.
    let (behaviors, reload) = use_reloadable(|api| async move { api.behaviors().await });
    let draft = RwSignal::new(BehaviorsDraft::default());
    Effect::new(move |_| {
        behaviors.with(|loaded| {
            if let Some(Ok(loaded)) = loaded {
                let original = loaded.settings();
                draft.update(|d| d.rebase(original));
            }
        })
    });
    let dirty = Memo::new(move |_| draft.with(|d| d.is_dirty()));
    use_unsaved_guard(dirty.into());

    let focus_heading = move || {
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    };
    let save = Action::new_local(move |changes: &Settings| {
        let api = api.clone();
        let changes = changes.clone();
        async move {
            let result = api.put_behaviors(changes.clone()).await;
            if result.is_ok() {
                draft.update(|d| d.apply_saved(&changes));
                toasts.show(format!(
                    "Saved {}",
                    plural(changes.len(), "behavior change", "behavior changes")
                ));
                reload.run(());
                focus_heading();
            }
            result
        }
    });
    let on_discard = Callback::new(move |()| {
        draft.update(|d| d.discard());
        save.value().set(None);
        focus_heading();
    });

    view! {
        <div class="page-head">
            <h1 node_ref=heading tabindex="-1">"Behaviors"</h1>
        </div>
        <p>
            "A user's risk level is the highest level among the enabled behaviors they triggered. "
            "Changes apply to new events."
        </p>
        <Transition fallback=|| view! { <SkeletonRows rows=8 label="Loading behaviors"/> }>
            {move || Suspend::new(async move {
                match behaviors.await {
                    Ok(loaded) if loaded.behaviors.is_empty() => view! {
                        <EmptyState title="No behaviors">
                            <p>"This account has no risk behaviors to configure."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(loaded) => view! { <BehaviorsTable behaviors=loaded draft/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=reload/> }.into_any(),
                }
            })}
        </Transition>
        <DraftBar draft save on_discard/>
    }
}
