//! The loaded list: counts, search and level filter, the table and the pager, all driven by
//! the URL query so a link reproduces the view. Sorting and filtering run in memos over the
//! loaded summary: the sorted order changes only with the sort, so a keystroke only filters;
//! nothing here fetches. The selection bar and the export buttons act on every matching row.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::bulk::BulkReset;
use super::selection::Selection;
use super::selection_bar::SelectionBar;
use super::table::UsersTable;
use super::view_state::{counts, filtered, page_info, sorted, SearchKeys, ViewState, Within};
use crate::components::{EmptyState, ExportButtons};
use crate::export::{Table, UserRows};
use crate::routes::Page;
use crate::state::last_users_view;

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
    let query = use_query_map();
    let state = Memo::new(move |_| query.with(|q| ViewState::from_query(|k| q.get(k))));
    let criteria = Memo::new(move |_| state.read().criteria.clone());
    let sorting = Memo::new(move |_| criteria.read().sorting());
    let order = Memo::new(move |_| users.with(|u| sorted(u, sorting.get())));
    // A new summary gets new search keys, made on its first search.
    let keys = Memo::new_with_compare(
        move |_| {
            users.track();
            Arc::new(OnceLock::<SearchKeys>::new())
        },
        |_, _| true,
    );
    let rows = Memo::new(move |_| {
        users.with(|u| {
            criteria.with(|c| {
                let keys = keys.get();
                let keys =
                    (!c.q.trim().is_empty()).then(|| keys.get_or_init(|| SearchKeys::new(u)));
                order.with(|o| filtered(u, keys, o, c, chrono::Utc::now()))
            })
        })
    });
    let info = Memo::new(move |_| page_info(rows.with(Vec::len), state.read().page));
    Effect::new(move |_| last_users_view::remember(&state.read().to_query()));

    let navigate = use_navigate();
    // Typing replaces the history entry; every other change adds one, so Back undoes it.
    let go = Callback::new(move |(next, replace): (ViewState, bool)| {
        let url = Page::Users.with_query(&next.to_query());
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        navigate(&url, options);
    });
    let change = move |f: fn(&ViewState, String) -> ViewState, replace: bool| {
        move |ev| go.run((f(&state.get_untracked(), event_target_value(&ev)), replace))
    };
    let on_search = change(|s, v| s.with(|c| c.q = v), true);
    let on_level = change(
        |s, v| s.with(|c| c.level = RiskLevel::parse_known(&v)),
        false,
    );
    let on_within = change(|s, v| s.with(|c| c.within = Within::parse(&v)), false);
    let on_sort = Callback::new(move |key| go.run((state.get_untracked().sorted_by(key), false)));
    let to_page = move |delta: isize| {
        let page = info.get_untracked().page.saturating_add_signed(delta);
        go.run((state.get_untracked().at_page(page), false));
    };
    let clear = move |_| go.run((state.get_untracked().without_filters(), false));
    let level_is = move |v: &'static str| {
        move || criteria.with(|c| c.level.as_ref().map_or("", RiskLevel::as_str) == v)
    };
    let within_is =
        move |v: &'static str| move || criteria.with(|c| c.within.map_or("", Within::as_str) == v);

    let export = Callback::new(move |()| -> Arc<dyn Table> {
        Arc::new(UserRows {
            users: users.get_untracked(),
            rows: rows.get_untracked(),
        })
    });
    let n = Memo::new(move |_| users.with(|u| counts(u)));
    view! {
        <ul class="counts" aria-label="Users by risk level">
            <li>"High "<strong>{move || n.get().high}</strong></li>
            <li>"Medium "<strong>{move || n.get().medium}</strong></li>
            <li>"Low "<strong>{move || n.get().low}</strong></li>
            <li>"Total "<strong>{move || n.get().total}</strong></li>
        </ul>
        <div class="toolbar" role="search">
            <div class="field">
                <label for="user-search">"Search users"</label>
                <input id="user-search" type="search" placeholder="Name or email" autocomplete="off"
                    prop:value=move || criteria.read().q.clone() on:input=on_search/>
            </div>
            <div class="field">
                <label for="risk-level">"Risk level"</label>
                <select id="risk-level" on:change=on_level>
                    <option value="" prop:selected=level_is("")>"All"</option>
                    <option value="high" prop:selected=level_is("high")>"High"</option>
                    <option value="medium" prop:selected=level_is("medium")>"Medium"</option>
                    <option value="low" prop:selected=level_is("low")>"Low"</option>
                </select>
            </div>
            <div class="field">
                <label for="last-event-within">"Last event"</label>
                <select id="last-event-within" on:change=on_within>
                    <option value="" prop:selected=within_is("")>"Any time"</option>
                    {Within::ALL.map(|w| view! { <option value=w.as_str() prop:selected=within_is(w.as_str())>{w.label()}</option> })}
                </select>
            </div>
            <ExportButtons rows=export/>
        </div>
        <SelectionBar selection users rows bulk/>
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
            <EmptyState title="No users match these filters">
                <p>"No user matches the search, risk level and last-event filters."</p>
                <button type="button" class="button secondary" on:click=clear>"Clear filters"</button>
            </EmptyState>
        }>
            <UsersTable users rows info criteria on_sort selection/>
            <nav class="pager" aria-label="Pages">
                <span role="status">{move || info.with(|i| format!("Showing {}–{} of {}", i.start + 1, i.end, i.total))}</span>
                <button type="button" class="button secondary" disabled=move || info.with(|i| i.page <= 1)
                    on:click=move |_| to_page(-1)>"Previous"</button>
                <span>{move || info.with(|i| format!("Page {} of {}", i.page, i.pages))}</span>
                <button type="button" class="button secondary" disabled=move || info.with(|i| i.page >= i.pages)
                    on:click=move |_| to_page(1)>"Next"</button>
            </nav>
        </Show>
    }
}
