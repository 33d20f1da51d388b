//! The detections table: one row per event of the current page only, however many match.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::RiskEvent;

use super::list::Shown;
use super::view_state::Column;
use crate::components::{EventDetails, PageInfo, RelativeTime, RiskBadge, SortHeader};
use crate::routes::Page;
use crate::sort::Sort;
use crate::state::events::Loaded;

/// The rows of `info`'s page of what `shown` holds.
#[component]
pub fn DetectionsTable(
    /// What the view shows.
    shown: Shown,
    /// The page to draw.
    info: Memo<PageInfo>,
    /// The current sort, for the headers' `aria-sort`.
    #[prop(into)]
    sort: Signal<Sort<Column>>,
    /// Called with the column whose header was clicked.
    on_sort: Callback<Column>,
) -> impl IntoView {
    let page_rows = move || {
        let (start, end) = info.with(|i| (i.start, i.end));
        let mut rows = Vec::with_capacity(end - start);
        shown.each(start..end, |user, event| rows.push(row(user, event)));
        rows.collect_view()
    };
    view! {
        <div class="table-wrap">
            <table class="detections">
                <caption class="visually-hidden">"Detections"</caption>
                <thead>
                    <tr>
                        <SortHeader column=Column::Time label="Time" sort on_sort/>
                        <th scope="col">"User"</th>
                        <th scope="col">"Behavior"</th>
                        <SortHeader column=Column::Level label="Risk level" sort on_sort/>
                        <th scope="col">"Details"</th>
                    </tr>
                </thead>
                <tbody>{page_rows}</tbody>
            </table>
        </div>
    }
}

fn row(user: &Loaded, event: &RiskEvent) -> impl IntoView {
    let who = &user.user;
    let name = who.display_name().to_owned();
    view! {
        <tr>
            <td data-label="Time"><RelativeTime at=event.timestamp/></td>
            <td data-label="User">
                <A href=Page::User.link(&who.user_id)>{name}</A>
                {user.left.then(|| view! { " "<span class="badge">"left the summary"</span> })}
            </td>
            <td data-label="Behavior">{event.name.clone()}</td>
            <td data-label="Risk level"><RiskBadge level=Some(event.risk_level.clone())/></td>
            <td data-label="Details"><EventDetails details=event.event_details.clone()/></td>
        </tr>
    }
}
