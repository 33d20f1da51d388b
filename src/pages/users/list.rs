//! The loaded list: counts, search and filters, the table and the pager, all driven by the URL
//! query so a link reproduces the view. Sorting and filtering run in memos over the loaded
//! summary: the sorted order changes only with the sort, so a keystroke only filters; nothing
//! here fetches. The selection bar and the export buttons act on every matching row.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::bulk::BulkReset;
use super::selection::Selection;
use super::selection_bar::SelectionBar;
use super::table::UsersTable;
use super::view_state::{counts, filtered, sorted, Column, SearchIndex, UserFilters};
use crate::components::{EmptyState, ExportButtons, LevelSelect, PageInfo, Pager};
use crate::export::{Table, UserRows};
use crate::routes::Page;
use crate::sort::Sort;
use crate::state::last_users_view;
use crate::state::url_view::{use_url_view, UrlView};
use crate::text::thousands;
use crate::view_state::{QueryValue, Window};

/// The users of a loaded summary (not empty), with the view read from and written to the URL.
#[component]
pub fn UsersList(
    /// The whole summary (a reload replaces it).
    users: Signal<Arc<Vec<UserRiskInfo>>>,
    /// The users picked for a bulk action.
    selection: RwSignal<Selection>,
    /// The page's bulk reset.
    bulk: BulkReset,
) -> impl IntoView {
    let url = use_url_view::<UserFilters>(Page::Users);
    let filters = Memo::new(move |_| url.view.read().filters.clone());
    let sort = Memo::new(move |_| url.view.read().sort);
    let rows = matching_rows(users, filters, sort);
    let info = Memo::new(move |_| PageInfo::of(rows.with(Vec::len), url.view.read().page));
    // Kept for the user page's back link when the list closes, not stored per keystroke: a
    // sessionStorage write costs milliseconds of the keystroke in Chromium.
    let last = Arc::new(std::sync::Mutex::new(String::new()));
    let shown = Arc::clone(&last);
    Effect::new(move |_| {
        if let Ok(mut query) = shown.lock() {
            *query = url.view.read().to_query();
        }
    });
    on_cleanup(move || {
        if let Ok(query) = last.lock() {
            last_users_view::remember(&query);
        }
    });
    let on_sort = Callback::new(move |column| url.sort(column));
    let on_page = Callback::new(move |page| url.to_page(page));
    let export = Callback::new(move |()| -> Arc<dyn Table> {
        Arc::new(UserRows {
            users: users.get_untracked(),
            rows: rows.get_untracked(),
        })
    });
    view! {
        <LevelCounts users/>
        <Toolbar url export/>
        <SelectionBar selection users rows bulk/>
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
            <EmptyState title="No users match these filters">
                <p>"No user matches the search, risk level and last-event filters."</p>
                <button type="button" class="button secondary" on:click=move |_| url.clear()>"Clear filters"</button>
            </EmptyState>
        }>
            <UsersTable users rows info sort on_sort selection/>
            <Pager info on_page/>
        </Show>
    }
}

/// Indices into `users` of the rows `filters` shows, in display order. The sorted order is
/// kept per sort, so a keystroke only filters it. The search index is made once per summary:
/// in the browser's first idle period after the list is painted, or by the first search if
/// sooner.
fn matching_rows(
    users: Signal<Arc<Vec<UserRiskInfo>>>,
    filters: Memo<UserFilters>,
    sort: Memo<Sort<Column>>,
) -> Memo<Vec<usize>> {
    let order = Memo::new(move |_| users.with(|u| sorted(u, sort.get())));
    let index = Memo::new_with_compare(
        move |_| {
            users.track();
            Arc::new(OnceLock::<SearchIndex>::new())
        },
        |_, _| true,
    );
    Effect::new(move |_| {
        let index = index.get();
        leptos::task::spawn_local(async move {
            crate::later::idle().await;
            users.try_with_untracked(|u| index.get_or_init(|| SearchIndex::new(u)));
        });
    });
    Memo::new(move |_| {
        users.with(|u| {
            filters.with(|f| {
                let index = index.get();
                let index =
                    (!f.q.trim().is_empty()).then(|| index.get_or_init(|| SearchIndex::new(u)));
                order.with(|o| filtered(u, index, o, f, chrono::Utc::now()))
            })
        })
    })
}

/// Users per level, over the whole summary.
#[component]
fn LevelCounts(users: Signal<Arc<Vec<UserRiskInfo>>>) -> impl IntoView {
    let n = Memo::new(move |_| users.with(|u| counts(u)));
    view! {
        <ul class="counts" aria-label="Users by risk level">
            <li>"High "<strong>{move || thousands(n.get().high)}</strong></li>
            <li>"Medium "<strong>{move || thousands(n.get().medium)}</strong></li>
            <li>"Low "<strong>{move || thousands(n.get().low)}</strong></li>
            <li>"Total "<strong>{move || thousands(n.get().total)}</strong></li>
        </ul>
    }
}

/// Search, level and last-event filters, and the export of every matching row.
#[component]
fn Toolbar(url: UrlView<UserFilters>, export: Callback<(), Arc<dyn Table>>) -> impl IntoView {
    let view = url.view;
    let within_is = move |w: Option<Window>| move || view.with(|v| v.filters.within == w);
    let level = Signal::derive(move || view.with(|v| v.filters.level.clone()));
    let on_level = Callback::new(move |level: Option<RiskLevel>| {
        url.change(false, |f| f.level = level);
    });
    view! {
        <div class="toolbar" role="search">
            <div class="field">
                <label for="user-search">"Search users"</label>
                <input id="user-search" type="search" placeholder="Name or email" autocomplete="off"
                    prop:value=move || view.with(|v| v.filters.q.clone())
                    on:input=move |ev| url.change(true, |f| f.q = event_target_value(&ev))/>
            </div>
            <LevelSelect id="risk-level" level on_level/>
            <div class="field">
                <label for="last-event-within">"Last event"</label>
                <select id="last-event-within"
                    on:change=move |ev| url.change(false, |f| f.within = Window::from_query(&event_target_value(&ev)))>
                    <option value="" prop:selected=within_is(None)>"Any time"</option>
                    {Window::USERS.map(|w| view! { <option value=w.as_str() prop:selected=within_is(Some(w))>{w.label()}</option> })}
                </select>
            </div>
            <ExportButtons rows=export/>
        </div>
    }
}
