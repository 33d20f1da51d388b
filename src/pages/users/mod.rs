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
use crate::state::use_reloadable;
use list::UsersList;

/// Where the list's last query is kept, for the user page's back link.
const LIST_QUERY_KEY: &str = "zt.users.query";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn remember_list_query(query: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(LIST_QUERY_KEY, query);
    }
}

/// `/users` with the query the list was last shown with, so going back keeps the view.
pub fn list_href() -> String {
    let query = session_storage()
        .and_then(|s| s.get_item(LIST_QUERY_KEY).ok().flatten())
        .filter(|q| q.starts_with('?'))
        .unwrap_or_default();
    format!("/users{query}")
}

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
                                "Check which behaviors are enabled on the "<A href="/behaviors">"Behaviors"</A>" page."</p>
                        </EmptyState>
                    }.into_any(),
                    Ok(users) => view! { <UsersList users/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=refresh/> }.into_any(),
                }
            })}
        </Transition>
    }
}
