//! The users table: sortable column headers and the rows of the current page only.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::UserRiskInfo;

use super::view_state::{Criteria, PageInfo, SortKey};
use crate::components::{RelativeTime, RiskBadge};
use crate::routes;

/// The table of users. Only the rows of `info`'s page are rendered, however long the list.
#[component]
pub fn UsersTable(
    /// The whole summary.
    users: Arc<Vec<UserRiskInfo>>,
    /// Indices into `users` of the matching rows, in display order.
    rows: Memo<Vec<usize>>,
    /// The page to show.
    info: Memo<PageInfo>,
    /// The current sort, for `aria-sort`.
    criteria: Memo<Criteria>,
    /// Called with the column whose header was clicked.
    on_sort: Callback<SortKey>,
) -> impl IntoView {
    let header = move |key: SortKey, label: &'static str, numeric: bool| {
        let aria_sort =
            move || criteria.with(|c| if c.sort == key { c.dir.aria() } else { "none" });
        view! {
            <th scope="col" class:num=numeric aria-sort=aria_sort>
                <button type="button" on:click=move |_| on_sort.run(key)>{label}</button>
            </th>
        }
    };
    let page_rows = move || {
        let (start, end) = info.with(|i| (i.start, i.end));
        rows.with(|r| {
            r.get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|&i| row(&users[i]))
                .collect_view()
        })
    };
    view! {
        <div class="table-wrap">
            <table class="users">
                <caption class="visually-hidden">"Users with risk events"</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, "Name", false)}
                        {header(SortKey::Email, "Email", false)}
                        {header(SortKey::Level, "Risk level", false)}
                        {header(SortKey::Events, "Events", true)}
                        {header(SortKey::LastEvent, "Last event", false)}
                    </tr>
                </thead>
                <tbody>{page_rows}</tbody>
            </table>
        </div>
    }
}

fn row(u: &UserRiskInfo) -> impl IntoView {
    let href = routes::user(&u.user_id);
    let name = if u.name.trim().is_empty() {
        "(no name)".to_owned()
    } else {
        u.name.clone()
    };
    view! {
        <tr>
            <td><A href=href>{name}</A></td>
            <td>{u.email.clone()}</td>
            <td><RiskBadge level=Some(u.max_risk_level.clone())/></td>
            <td class="num">{u.event_count}</td>
            <td><RelativeTime at=u.last_event/></td>
        </tr>
    }
}
