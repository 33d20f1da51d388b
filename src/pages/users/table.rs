//! The users table: a checkbox column for bulk actions, sortable column headers, and the rows
//! of the current page only.

use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::UserRiskInfo;

use super::selection::{Coverage, Selection};
use super::view_state::Column;
use crate::components::{PageInfo, RelativeTime, RiskBadge, SortHeader};
use crate::routes::Page;
use crate::sort::Sort;
use crate::text::thousands;

/// The table of users. Only the rows of `info`'s page are rendered, however long the list.
#[component]
pub fn UsersTable(
    /// The whole summary.
    users: Signal<Arc<Vec<UserRiskInfo>>>,
    /// Indices into `users` of the matching rows, in display order.
    rows: Memo<Vec<usize>>,
    /// The page to show.
    info: Memo<PageInfo>,
    /// The current sort, for the headers' `aria-sort`.
    #[prop(into)]
    sort: Signal<Sort<Column>>,
    /// Called with the column whose header was clicked.
    on_sort: Callback<Column>,
    /// The users picked for a bulk action (kept across pages and filters).
    selection: RwSignal<Selection>,
) -> impl IntoView {
    let page_ids = move || -> Vec<String> {
        let (start, end) = info.with(|i| (i.start, i.end));
        users.with(|u| {
            rows.with(|r| {
                let page = r.get(start..end).unwrap_or_default();
                page.iter().map(|&i| u[i].user_id.clone()).collect()
            })
        })
    };
    let coverage = Memo::new(move |_| {
        let ids = page_ids();
        selection.with(|s| s.coverage(ids.iter().map(String::as_str)))
    });
    let select_page = move |ev| {
        let ids = page_ids();
        let on = event_target_checked(&ev);
        selection.update(|s| s.set_all(ids.iter().map(String::as_str), on));
    };
    let page_rows = move || {
        let (start, end) = info.with(|i| (i.start, i.end));
        users.with(|u| {
            rows.with(|r| {
                r.get(start..end)
                    .unwrap_or_default()
                    .iter()
                    .map(|&i| row(&u[i], selection))
                    .collect_view()
            })
        })
    };
    view! {
        <div class="table-wrap">
            <table class="users">
                <caption class="visually-hidden">"Users with risk events"</caption>
                <thead>
                    <tr>
                        <th scope="col" class="select">
                            <input type="checkbox" aria-label="Select all users on this page"
                                prop:checked=move || coverage.get() == Coverage::All
                                prop:indeterminate=move || coverage.get() == Coverage::Some
                                on:change=select_page/>
                        </th>
                        <SortHeader column=Column::Name label="Name" sort on_sort/>
                        <SortHeader column=Column::Email label="Email" sort on_sort/>
                        <SortHeader column=Column::Level label="Risk level" sort on_sort/>
                        <SortHeader column=Column::Events label="Events" sort on_sort numeric=true/>
                        <SortHeader column=Column::LastEvent label="Last event" sort on_sort/>
                    </tr>
                </thead>
                <tbody>{page_rows}</tbody>
            </table>
        </div>
    }
}

fn row(u: &UserRiskInfo, selection: RwSignal<Selection>) -> impl IntoView {
    let href = Page::User.link(&u.user_id);
    let name = if u.name.trim().is_empty() {
        "(no name)".to_owned()
    } else {
        u.name.clone()
    };
    let (id, toggled_id) = (u.user_id.clone(), u.user_id.clone());
    let label = format!("Select {}", u.display_name());
    view! {
        <tr>
            <td class="select">
                <input type="checkbox" aria-label=label prop:checked=move || selection.with(|s| s.contains(&id))
                    on:change=move |ev| selection.update(|s| s.set(&toggled_id, event_target_checked(&ev)))/>
            </td>
            // A plain link: the router follows it without a client-side `<A>` per row.
            <td><a href=href>{name}</a></td>
            <td data-label="Email">{u.email.clone()}</td>
            <td data-label="Risk level"><RiskBadge level=Some(u.max_risk_level.clone())/></td>
            <td class="num" data-label="Events">{thousands(usize::try_from(u.event_count).unwrap_or(usize::MAX))}</td>
            <td data-label="Last event"><RelativeTime at=u.last_event/></td>
        </tr>
    }
}
