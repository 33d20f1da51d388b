//! The sticky bar that appears once users are selected: "N selected", "Select all N
//! matching", "Reset N users" (one confirm naming the count and the consequence, then the bulk
//! reset) and "Clear selection".

use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::UserRiskInfo;

use super::bulk::BulkReset;
use super::selection::Selection;
use crate::api::use_api;
use crate::components::ConfirmDialog;
use crate::state::runner::estimate_words;
use crate::text::thousands;

/// "Reset 1 user", "Reset 1,204 users".
fn reset_label(n: usize) -> String {
    format!(
        "Reset {} {}",
        thousands(n),
        if n == 1 { "user" } else { "users" }
    )
}

/// The selection bar and the bulk reset's confirm dialog.
#[component]
pub fn SelectionBar(
    /// The selected users.
    selection: RwSignal<Selection>,
    /// The whole summary.
    users: Signal<Arc<Vec<UserRiskInfo>>>,
    /// Indices into `users` of every row matching the view (all pages).
    rows: Memo<Vec<usize>>,
    /// The page's bulk reset.
    bulk: BulkReset,
) -> impl IntoView {
    let api = use_api();
    let count = move || selection.with(Selection::len);
    let open = RwSignal::new(false);
    let all_selected = move || {
        users.with(|u| {
            rows.with(|r| selection.with(|s| r.iter().all(|&i| s.contains(&u[i].user_id))))
        })
    };
    let select_all = move |_| {
        let ids: Vec<String> = users.with_untracked(|u| {
            rows.with_untracked(|r| r.iter().map(|&i| u[i].user_id.clone()).collect())
        });
        selection.update(|s| s.set_all(ids.iter().map(String::as_str), true));
    };
    let confirm = Callback::new(move |()| {
        let targets = users.with_untracked(|u| selection.with_untracked(|s| s.in_order(u)));
        open.set(false);
        bulk.start(api.clone(), targets);
    });
    view! {
        <section class="selection-bar" aria-label="Selected users" hidden=move || count() == 0>
            <strong>{move || format!("{} selected", thousands(count()))}</strong>
            <button type="button" class="button secondary" hidden=all_selected on:click=select_all>
                {move || format!("Select all {} matching", thousands(rows.with(Vec::len)))}
            </button>
            <button type="button" class="button danger" disabled=move || bulk.is_active()
                on:click=move |_| open.set(true)>{move || reset_label(count())}</button>
            <button type="button" class="button secondary" on:click=move |_| selection.update(Selection::clear)>
                "Clear selection"
            </button>
        </section>
        <ConfirmDialog open title=Signal::derive(move || format!("{}?", reset_label(count())))
            confirm_label=Signal::derive(move || reset_label(count())) on_confirm=confirm>
            <p>{move || format!(
                "The risk scores of {} go back to none, and they leave the users summary until an \
                 enabled behavior triggers for them again. Their event history is kept.",
                if count() == 1 { "this user".to_owned() } else { format!("these {} users", thousands(count())) }
            )}</p>
            <p>{move || estimate_words(count())}</p>
        </ConfirmDialog>
    }
}
