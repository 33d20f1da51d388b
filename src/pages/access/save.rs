//! Saving a risk rule draft: "Review changes" opens the review; Save re-reads the policy past
//! the cache and, when what an update overwrites changed since the draft began, shows the
//! conflict and sends nothing until the admin settles it (apply the edits to their version, or
//! drop them). Otherwise one `PUT /access/policies/{id}` of the policy as re-read with the
//! draft's rules, every other rule and member as read.
//!
//! A failure closes the review and keeps the draft; the editor shows the error (on the rule
//! list the server names, when it names one).

use leptos::prelude::*;
use zt_risk_api::access::Policy;

use crate::access::{AccessLoad, RiskDraft};
use crate::api::{use_api, ApiError};
use crate::components::use_toasts;

/// The policy as re-read, when it changed elsewhere since the draft began.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub theirs: Policy,
    /// The members that differ ("exclude", "session_duration"…).
    pub changed: Vec<&'static str>,
}

/// The review and the save of the editor's draft.
#[derive(Clone, Copy)]
pub struct Saving {
    /// Whether the review dialog is open.
    pub open: RwSignal<bool>,
    /// The last re-read's conflict, until settled.
    pub conflict: RwSignal<Option<Conflict>>,
    /// Save: re-read, compare, send.
    pub apply: Action<(), Result<(), ApiError>>,
}

impl Saving {
    /// Opens the review of the current draft, forgetting an earlier conflict and failure.
    pub fn review(self) {
        self.conflict.set(None);
        self.apply.value().set(None);
        self.open.set(true);
    }
}

/// The save flow over `draft`; `on_saved` runs after a successful `PUT` (focus, say). The
/// page's Access data is read again after it.
pub fn use_saving(
    draft: RwSignal<Option<RiskDraft>>,
    load: AccessLoad,
    on_saved: Callback<()>,
) -> Saving {
    let api = use_api();
    let toasts = use_toasts();
    let (open, conflict) = (RwSignal::new(false), RwSignal::new(None::<Conflict>));
    let apply = Action::new_local(move |(): &()| {
        let api = api.clone();
        async move {
            let Some(mine) = draft.get_untracked() else {
                open.set(false);
                return Ok(());
            };
            let theirs = api
                .clone()
                .uncached()
                .reusable_policy(mine.id())
                .await
                .inspect_err(|_| open.set(false))?;
            let changed = mine.changed_since(&theirs);
            if !changed.is_empty() {
                conflict.set(Some(Conflict { theirs, changed }));
                return Ok(());
            }
            // The same policy as far as an update goes: send over the freshest reading.
            let mut mine = mine;
            mine.rebase(theirs);
            let body = mine
                .body()
                .map_err(|e| ApiError::Unsendable(e.to_string()))
                .inspect_err(|_| open.set(false))?;
            let saved = api.update_policy(mine.id(), &body).await;
            open.set(false);
            let saved = saved?;
            draft.set(None);
            toasts.show(format!(
                "Saved the rules of {}",
                saved.name().or(mine.base().name()).unwrap_or("the policy")
            ));
            load.reload();
            // Let the dialog close first: the page behind a modal dialog cannot take focus.
            leptos::task::tick().await;
            on_saved.run(());
            Ok(())
        }
    });
    Saving {
        open,
        conflict,
        apply,
    }
}
