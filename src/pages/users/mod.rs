//! The Users page: everyone with risk events (`GET /summary`), searchable, filterable,
//! sortable and paged, with the view kept in the URL.
//!
//! This module owns loading (skeleton, error, Refresh) and what must outlive a reload: the
//! selection (`selection`) and the bulk reset's run and outcomes (`bulk`). Above the list,
//! `access` says which Access applications each level is kept out of (a chunk of its own,
//! fetched once the list is painted). `list` owns the loaded view, `selection_bar` the bulk
//! actions, and `view_state` the pure filter/sort/paging rules. A reload swaps the list's data
//! in place: the list (its page, its open dialog) stays mounted, and a stale list is never left
//! running on disposed state.

pub mod access;
mod bulk;
mod list;
pub mod selection;
mod selection_bar;
mod table;
pub mod view_state;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::UserRiskInfo;

use crate::components::{EmptyState, ErrorView, SkeletonRows};
use crate::routes::Page;
use crate::state::runner::{Phase, Progress};
use crate::state::{summary_users, use_reloadable};
use bulk::{BulkReset, BulkResults};
use list::UsersList;
use selection::Selection;

/// A loaded summary's users.
type Users = Arc<Vec<UserRiskInfo>>;

/// The Users page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let (summary, refresh) = use_reloadable(summary_users);
    let refreshing = RwSignal::new(false);
    // The last summary that loaded; kept while a reload runs, dropped on an error.
    let loaded = Memo::new_with_compare(
        move |last: Option<&Option<Users>>| match summary.get() {
            Some(Ok(users)) => Some(users),
            Some(Err(_)) => None,
            None => last.cloned().flatten(),
        },
        |a, b| !matches!((a, b), (Some(Some(a)), Some(Some(b))) if Arc::ptr_eq(a, b)),
    );
    let users = Signal::derive(move || loaded.get().unwrap_or_default());
    let has_users = move || loaded.with(|u| u.as_ref().is_some_and(|u| !u.is_empty()));
    let selection = RwSignal::new(Selection::default());
    let bulk = BulkReset::new();
    // Users who left the summary (reset, or gone on a refresh) leave the selection.
    Effect::new(move |_| {
        if let Some(users) = loaded.get() {
            if selection.with_untracked(|s| !s.is_empty()) {
                selection.update(|s| {
                    s.keep_present(&users);
                });
            }
        }
    });
    // Each time a bulk reset settles (a run or its Retry failed ends, or is cancelled), the
    // users it reset are unselected and the summary is reloaded; the failed ones stay selected.
    // Keyed on the settled counters, not on an active → idle edge an effect could miss.
    Effect::new(move |last: Option<Option<Progress>>| {
        let p = bulk.runner.progress().get();
        let settled = (!p.is_active() && p.phase != Phase::Ready).then_some(p);
        if settled.is_some() && last.flatten() != settled {
            let reset = bulk.reset_ids();
            selection.update(|s| s.set_all(reset.iter().map(String::as_str), false));
            refresh.run(());
        }
        settled
    });

    // The access section's chunk and requests wait until the list is painted (or the summary
    // failed): on two cores they would otherwise delay the first rows.
    let beside = RwSignal::new(false);
    Effect::new(move |_| {
        if summary.with(Option::is_some) && !beside.get_untracked() {
            leptos::task::spawn_local(async move {
                crate::later::painted().await;
                if beside.try_get_untracked() == Some(false) {
                    beside.set(true);
                }
            });
        }
    });
    let access = move || match beside.get() {
        true => crate::pages::lazy::users_access(),
        false => view! { <SkeletonRows rows=3 label="Loading the section"/> }.into_any(),
    };

    view! {
        <div class="page-head">
            <h1>"Users"</h1>
            <button type="button" class="button secondary" aria-busy=move || refreshing.get().to_string()
                disabled=move || refreshing.get() on:click=move |_| refresh.run(())>
                {move || if refreshing.get() { "Refreshing…" } else { "Refresh" }}
            </button>
        </div>
        <BulkResults bulk/>
        {access}
        <Transition fallback=|| view! { <SkeletonRows rows=8 label="Loading users"/> }
            set_pending=refreshing.write_only()>
            {move || Suspend::new(async move {
                match summary.await {
                    Ok(users) if users.is_empty() => view! {
                        <EmptyState title="No users with risk events yet">
                            <p>"Users appear here when an enabled behavior triggers for them. "
                                "Check which behaviors are enabled on the "<A href=Page::Behaviors.path()>"Behaviors"</A>" page."</p>
                        </EmptyState>
                    }.into_any(),
                    // Shown below, outside the transition, so a reload keeps it mounted.
                    Ok(_) => ().into_any(),
                    Err(error) => view! { <ErrorView error on_retry=refresh/> }.into_any(),
                }
            })}
        </Transition>
        <Show when=has_users>
            <UsersList users selection bulk/>
        </Show>
    }
}
