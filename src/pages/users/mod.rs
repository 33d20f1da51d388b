//! The Users page: everyone with risk events (`GET /summary`), searchable, filterable,
//! sortable and paged, with the view kept in the URL.
//!
//! This module owns loading (skeleton, error, Refresh); `list` owns the loaded view and
//! `view_state` the pure filter/sort/paging rules.

mod list;
mod table;
pub mod view_state;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::{EmptyState, ErrorView, SkeletonRows};
use crate::routes;
use crate::state::use_reloadable;
use list::UsersList;

/// The Users page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let (summary, refresh) =
        use_reloadable(|api| async move { api.summary().await.map(|s| Arc::new(s.users)) });
    let refreshing = RwSignal::new(false);

    view! {
        <div class="page-head">
            <h1>"Users"</h1>
            <button type="button" class="button secondary" aria-busy=move || refreshing.get().to_string()
                disabled=move || refreshing.get() on:click=move |_| refresh.run(())>
                {move || if refreshing.get() { "Refreshing…" } else { "Refresh" }}
            </button>
        </div>
        <Transition fallback=|| view! { <SkeletonRows rows=8 label="Loading users"/> }
            set_pending=refreshing.write_only()>
            {move || Suspend::new(async move {
                match summary.await {
                    Ok(users) if users.is_empty() => view! {
                        <EmptyState title="No users with risk events yet">
                            <p>"Users appear here when an enabled behavior triggers for them. "
                                "Check which behaviors are enabled on the "<A href=routes::behaviors()>"Behaviors"</A>" page."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(users) => view! { <UsersList users/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=refresh/> }.into_any(),
                }
            })}
        </Transition>
    }
}
