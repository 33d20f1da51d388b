//! A user's events as a table sortable by time and level; each event's details are shown with
//! the shared `EventDetails` (JSON text, collapsed).

use leptos::prelude::*;
use zt_risk_api::RiskEvent;

use crate::components::{EventDetails, RelativeTime, RiskBadge, SortHeader};
use crate::sort::{Dir, Sort};

/// A sortable column of the events table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Level,
    Time,
}

/// Event indices in display order; ties fall back to newest first.
fn order(events: &[RiskEvent], sort: Sort<Column>) -> Vec<usize> {
    crate::sort::order(events.len(), &|a, b| {
        let (x, y) = (&events[a], &events[b]);
        let first = match sort.key {
            Column::Level => x.risk_level.cmp(&y.risk_level),
            Column::Time => x.timestamp.cmp(&y.timestamp),
        };
        sort.dir
            .apply(first)
            .then_with(|| y.timestamp.cmp(&x.timestamp))
            .then_with(|| x.id.cmp(&y.id))
    })
}

/// The events table (newest first until a header is clicked).
#[component]
pub fn EventsTable(
    /// The user's events.
    events: Vec<RiskEvent>,
) -> impl IntoView {
    if events.is_empty() {
        return view! { <p>"No events recorded since the last reset."</p> }.into_any();
    }
    let sort = RwSignal::new(Sort {
        key: Column::Time,
        dir: Dir::Desc,
    });
    // Either column starts with the highest level or the newest event first.
    let on_sort = Callback::new(move |column| sort.update(|s| *s = s.clicked(column, Dir::Desc)));
    let events = StoredValue::new(events);
    let rows = Memo::new(move |_| events.with_value(|e| order(e, sort.get())));
    let body =
        move || events.with_value(|e| rows.read().iter().map(|&i| event_row(&e[i])).collect_view());
    view! {
        <div class="table-wrap">
            <table aria-label="Risk events">
                <thead>
                    <tr>
                        <th scope="col">"Behavior"</th>
                        <SortHeader column=Column::Level label="Risk level" sort on_sort/>
                        <SortHeader column=Column::Time label="Time" sort on_sort/>
                        <th scope="col">"Details"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn event_row(event: &RiskEvent) -> impl IntoView {
    view! {
        <tr>
            <td>{event.name.clone()}</td>
            <td data-label="Risk level"><RiskBadge level=Some(event.risk_level.clone())/></td>
            <td data-label="Time"><RelativeTime at=event.timestamp/></td>
            <td data-label="Details"><EventDetails details=event.event_details.clone()/></td>
        </tr>
    }
}
