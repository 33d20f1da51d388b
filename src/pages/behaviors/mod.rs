//! The Behaviors page: which behaviors count towards a user's risk, and at which level.
//!
//! Edits are a draft (`draft.rs`); "Save changes" opens a review (`review.rs`) and Apply sends
//! one `PUT /behaviors` with only the draft's keys, after merging with changes made elsewhere
//! meanwhile (`save.rs`, `merge.rs`). A failed save keeps every edit; leaving with unsaved
//! edits asks first. Export and import (`transfer.rs`) use the PUT body's shape. Behavior ids
//! come only from the server; ids new since the last visit are marked (`seen.rs`).

mod access_impact;
mod conflicts;
mod draft;
mod draft_bar;
mod impact;
mod merge;
mod review;
mod save;
mod seen;
mod table;
mod transfer;

pub use draft::{BehaviorsDraft, Settings};

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::components::{EmptyState, ErrorView, SkeletonRows};
use crate::session::use_session;
use crate::state::unsaved::use_unsaved_guard;
use crate::state::use_reloadable;
use draft_bar::DraftBar;
use review::Review;
use save::use_saving;
use table::BehaviorsTable;
use transfer::Transfer;

/// The Behaviors page.
#[component]
pub fn BehaviorsPage() -> impl IntoView {
    let session = use_session();
    let heading = NodeRef::<leptos::html::H1>::new();
    // Reloaded by Retry and after a save.
    let (behaviors, reload) = use_reloadable(|api| async move { api.behaviors().await });
    let draft = RwSignal::new(BehaviorsDraft::default());
    let catalog = RwSignal::new(None);
    // Ids new since the last visit: decided once per visit, at the first load.
    let fresh = RwSignal::new(None::<BTreeSet<String>>);
    Effect::new(move |_| {
        behaviors.with(|loaded| {
            if let Some(Ok(loaded)) = loaded {
                if fresh.with_untracked(Option::is_none) {
                    let account = untrack(|| session.connection().account_id);
                    fresh.set(Some(seen::take_new(&account, loaded.behaviors.keys())));
                }
                draft.update(|d| d.rebase(loaded.settings()));
                catalog.set(Some(loaded.clone()));
            }
        })
    });
    let dirty = Memo::new(move |_| draft.with(|d| d.is_dirty()));
    use_unsaved_guard(dirty.into());

    let on_saved = Callback::new(move |()| {
        reload.run(());
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    });
    let saving = use_saving(draft, catalog, on_saved);
    let on_discard = Callback::new(move |()| {
        draft.update(|d| d.discard());
        saving.apply.value().set(None);
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
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
                    Ok(loaded) => view! {
                        <BehaviorsTable behaviors=loaded draft fresh/>
                        <Transfer catalog draft saving/>
                    }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=reload/> }.into_any(),
                }
            })}
        </Transition>
        <DraftBar draft saving on_discard/>
        <Review draft catalog saving/>
    }
}
