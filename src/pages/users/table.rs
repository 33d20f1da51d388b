//! The users table: sortable column headers and the rows of the current page only.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::UserRiskInfo;

use super::view_state::{Criteria, PageInfo, SortKey};
use crate::components::{RelativeTime, RiskBadge, SortHeader};
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
    /// The current criteria, for the headers' `aria-sort`.
    criteria: Memo<Criteria>,
    /// Called with the column whose header was clicked.
    on_sort: Callback<SortKey>,
) -> impl IntoView {
    let sort = Signal::derive(move || criteria.with(Criteria::sorting));
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
                        <SortHeader column=SortKey::Name label="Name" sort on_sort/>
                        <SortHeader column=SortKey::Email label="Email" sort on_sort/>
                        <SortHeader column=SortKey::Level label="Risk level" sort on_sort/>
                        <SortHeader column=SortKey::Events label="Events" sort on_sort numeric=true/>
                        <SortHeader column=SortKey::LastEvent label="Last event" sort on_sort/>
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
            <td data-label="Email">{u.email.clone()}</td>
            <td data-label="Risk level"><RiskBadge level=Some(u.max_risk_level.clone())/></td>
            <td class="num" data-label="Events">{u.event_count}</td>
            <td data-label="Last event"><RelativeTime at=u.last_event/></td>
        </tr>
    }
}
