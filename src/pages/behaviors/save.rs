//! Saving the draft: "Save changes" opens the review; Apply re-reads `GET /behaviors` past the
//! cache, merges with what changed on the server since the draft started (`merge.rs`), waits
//! for the admin to settle any conflict, then sends one `PUT` of the draft's keys only.
//!
//! A failure closes the review and keeps the draft; the draft bar shows it with Retry.

use std::collections::BTreeMap;

use leptos::prelude::*;
use zt_risk_api::Behaviors;

use super::draft::BehaviorsDraft;
use super::merge::{Merge, Side};
use crate::api::{use_api, ApiError};
use crate::components::use_toasts;
use crate::text::plural;

/// The review and the save, shared by the draft bar, the review dialog and the import.
#[derive(Clone, Copy)]
pub struct Saving {
    /// Whether the review dialog is open.
    pub open: RwSignal<bool>,
    /// The last comparison with the server, while it has conflicts to settle.
    pub merge: RwSignal<Option<Merge>>,
    /// The admin's choice per conflicting behavior id.
    pub choices: RwSignal<BTreeMap<String, Side>>,
    /// Apply: settle, re-read, merge, send.
    pub apply: Action<(), Result<(), ApiError>>,
}

impl Saving {
    /// Opens the review of the current draft, forgetting any earlier comparison.
    pub fn review(self) {
        self.merge.set(None);
        self.choices.set(BTreeMap::new());
        self.apply.value().set(None);
        self.open.set(true);
    }
}

/// The save flow over `draft`. `catalog` gets the behaviors as re-read (for their names);
/// `on_saved` runs after a successful PUT (reload, focus).
pub fn use_saving(
    draft: RwSignal<BehaviorsDraft>,
    catalog: RwSignal<Option<Behaviors>>,
    on_saved: Callback<()>,
) -> Saving {
    let api = use_api();
    let toasts = use_toasts();
    let (open, merge, choices) = (
        RwSignal::new(false),
        RwSignal::new(None::<Merge>),
        RwSignal::new(BTreeMap::new()),
    );
    let apply = Action::new_local(move |(): &()| {
        let api = api.clone();
        async move {
            // Conflicts the admin settled: adopt the server's settings with their choices.
            if let Some(settled) = merge.get_untracked() {
                draft.update(|d| d.resolve(&settled, &choices.get_untracked()));
                merge.set(None);
            }
            let theirs = api
                .clone()
                .uncached()
                .behaviors()
                .await
                .inspect_err(|_| open.set(false))?;
            let compared = draft.with_untracked(|d| d.merge(theirs.settings()));
            catalog.set(Some(theirs));
            if !compared.conflicts.is_empty() {
                choices.set(BTreeMap::new());
                merge.set(Some(compared));
                open.set(true);
                return Ok(());
            }
            for id in &compared.gone {
                toasts.show(format!(
                    "\"{id}\" no longer exists; your change to it was dropped."
                ));
            }
            draft.update(|d| d.resolve(&compared, &BTreeMap::new()));
            let changes = draft.with_untracked(|d| d.changes());
            if changes.is_empty() {
                open.set(false);
                toasts.show("Nothing to save: the server already has these settings.");
                on_saved.run(());
                return Ok(());
            }
            let sent = api.put_behaviors(changes.clone()).await;
            open.set(false);
            sent?;
            draft.update(|d| d.apply_saved(&changes));
            toasts.show(format!(
                "Saved {}",
                plural(changes.len(), "behavior change", "behavior changes")
            ));
            // Let the dialog close first: the page behind a modal dialog cannot take focus.
            leptos::task::tick().await;
            on_saved.run(());
            Ok(())
        }
    });
    Saving {
        open,
        merge,
        choices,
        apply,
    }
}
