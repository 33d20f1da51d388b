//! A user's events as a table sortable by time and level; each event's details are shown as
//! formatted JSON text (never HTML), collapsed by default.

use leptos::prelude::*;
use zt_risk_api::RiskEvent;

use crate::components::{RelativeTime, RiskBadge};
use crate::pages::users::view_state::Dir;

/// A sortable column of the events table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Level,
    Time,
}

/// Event indices in display order; ties fall back to newest first.
fn order(events: &[RiskEvent], column: Column, dir: Dir) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..events.len()).collect();
    rows.sort_by(|&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        let first = match column {
            Column::Level => x.risk_level.cmp(&y.risk_level),
            Column::Time => x.timestamp.cmp(&y.timestamp),
        };
        let first = if dir == Dir::Desc {
            first.reverse()
        } else {
            first
        };
        first
            .then_with(|| y.timestamp.cmp(&x.timestamp))
            .then_with(|| x.id.cmp(&y.id))
    });
    rows
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
    let sort = RwSignal::new((Column::Time, Dir::Desc));
    let events = StoredValue::new(events);
    let rows = Memo::new(move |_| {
        let (column, dir) = sort.get();
        events.with_value(|e| order(e, column, dir))
    });
    let header = move |column: Column, label: &'static str| {
        let aria_sort = move || match sort.get() {
            (c, dir) if c == column => dir.aria(),
            _ => "none",
        };
        let on_click = move |_| {
            sort.update(|(c, dir)| {
                *dir = match (*c == column, *dir) {
                    (true, Dir::Desc) => Dir::Asc,
                    _ => Dir::Desc,
                };
                *c = column;
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" on:click=on_click>{label}</button>
            </th>
        }
    };
    let body =
        move || events.with_value(|e| rows.read().iter().map(|&i| event_row(&e[i])).collect_view());
    view! {
        <div class="table-wrap">
            <table aria-label="Risk events">
                <thead>
                    <tr>
                        <th scope="col">"Behavior"</th>
                        {header(Column::Level, "Risk level")}
                        {header(Column::Time, "Time")}
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
    let details = match &event.event_details {
        // Pretty JSON as a text node: markup inside strings stays text.
        Some(value) => {
            let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
            view! {
                <details class="json">
                    <summary>"Show details"</summary>
                    <pre>{text}</pre>
                </details>
            }
            .into_any()
        }
        None => "—".into_any(),
    };
    view! {
        <tr>
            <td>{event.name.clone()}</td>
            <td><RiskBadge level=Some(event.risk_level.clone())/></td>
            <td><RelativeTime at=event.timestamp/></td>
            <td>{details}</td>
        </tr>
    }
}
