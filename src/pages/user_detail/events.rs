//! A user's events as a table sortable by time and level: the events the API lists, each saying
//! whether it counts toward the level and why not, and the events this browser kept from
//! before (the API drops them on a reset), marked as such. Details are shown with the shared
//! `EventDetails` (JSON text, collapsed).

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use zt_risk_api::scoring::{by_name, classify, Counts};
use zt_risk_api::{Behaviors, RiskEvent, RiskEvents};

use crate::api::ApiError;
use crate::components::time::absolute;
use crate::components::{EventDetails, RelativeTime, RiskBadge, SortHeader};
use crate::sort::{Dir, Sort};

/// A sortable column of the events table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Level,
    Time,
}

/// Whether an event counts toward the level, and why not.
#[derive(Debug, Clone, PartialEq)]
enum Reason {
    /// Listed by the API; `None` while the behaviors are not known.
    Listed(Option<Counts>),
    /// Kept by this browser after the API stopped listing it, with the reset that dropped it.
    Kept(Option<DateTime<Utc>>),
}

impl Reason {
    fn words(&self, last_reset: Option<DateTime<Utc>>) -> String {
        let reset = |at: Option<DateTime<Utc>>| {
            at.map_or(String::new(), |at| format!(" of {}", absolute(at)))
        };
        match self {
            Reason::Listed(None) => "Not known".to_owned(),
            Reason::Listed(Some(Counts::Yes)) => "Yes".to_owned(),
            Reason::Listed(Some(Counts::BeforeReset)) => {
                format!("No: before the reset{}", reset(last_reset))
            }
            Reason::Listed(Some(Counts::BehaviorOff)) => {
                "No: the behavior is turned off".to_owned()
            }
            Reason::Listed(Some(Counts::UnknownBehavior)) => {
                "No: the account does not list this behavior".to_owned()
            }
            Reason::Kept(Some(at)) => format!(
                "No: before the reset{} (kept by this browser; the API no longer lists it)",
                reset(Some(*at))
            ),
            Reason::Kept(None) => {
                "No: the API no longer lists it (kept by this browser)".to_owned()
            }
        }
    }
}

/// Event indices in display order; ties fall back to newest first.
fn order(events: &[(RiskEvent, Reason)], sort: Sort<Column>) -> Vec<usize> {
    crate::sort::order(events.len(), &|a, b| {
        let (x, y) = (&events[a].0, &events[b].0);
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

/// The listed events with their reasons, then the kept ones.
fn rows(
    user: &RiskEvents,
    kept: &[(RiskEvent, Option<DateTime<Utc>>)],
    behaviors: Option<&Behaviors>,
) -> Vec<(RiskEvent, Reason)> {
    let counts = behaviors.map(|b| {
        let settings = b.settings();
        classify(user, &by_name(b, &settings))
    });
    let listed = user.events.iter().enumerate().map(|(i, e)| {
        let counts = counts.as_ref().and_then(|c| c.get(i).copied());
        (e.clone(), Reason::Listed(counts))
    });
    let kept = kept
        .iter()
        .map(|(e, reset)| (e.clone(), Reason::Kept(*reset)));
    listed.chain(kept).collect()
}

/// The events table (newest first until a header is clicked).
#[component]
pub fn EventsTable(
    /// The user as the API returned them.
    user: RiskEvents,
    /// Events this browser kept that the API no longer lists.
    #[prop(into)]
    kept: Signal<Vec<(RiskEvent, Option<DateTime<Utc>>)>>,
    /// The account's behaviors (`None` while loading), to say which events count.
    behaviors: Signal<Option<Result<Behaviors, ApiError>>>,
) -> impl IntoView {
    let last_reset = user.last_reset_time;
    let user = StoredValue::new(user);
    let all = Memo::new(move |_| {
        let behaviors = behaviors.get().and_then(Result::ok);
        kept.with(|k| user.with_value(|u| rows(u, k, behaviors.as_ref())))
    });
    let sort = RwSignal::new(Sort {
        key: Column::Time,
        dir: Dir::Desc,
    });
    // Either column starts with the highest level or the newest event first.
    let on_sort = Callback::new(move |column| sort.update(|s| *s = s.clicked(column, Dir::Desc)));
    let order = Memo::new(move |_| all.with(|e| order(e, sort.get())));
    let body = move || {
        all.with(|e| {
            order
                .read()
                .iter()
                .map(|&i| event_row(&e[i].0, &e[i].1, last_reset))
                .collect_view()
        })
    };
    move || {
        if all.with(Vec::is_empty) {
            return view! { <p>"No events recorded."</p> }.into_any();
        }
        view! {
            <div class="table-wrap">
                <table aria-label="Risk events">
                    <thead>
                        <tr>
                            <th scope="col">"Behavior"</th>
                            <SortHeader column=Column::Level label="Risk level" sort on_sort/>
                            <SortHeader column=Column::Time label="Time" sort on_sort/>
                            <th scope="col">"Counts toward the level"</th>
                            <th scope="col">"Details"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

fn event_row(
    event: &RiskEvent,
    reason: &Reason,
    last_reset: Option<DateTime<Utc>>,
) -> impl IntoView {
    let kept = matches!(reason, Reason::Kept(_));
    view! {
        <tr class:kept=kept>
            <td>{event.name.clone()}</td>
            <td data-label="Risk level"><RiskBadge level=Some(event.risk_level.clone())/></td>
            <td data-label="Time"><RelativeTime at=event.timestamp/></td>
            <td data-label="Counts toward the level">{reason.words(last_reset)}</td>
            <td data-label="Details"><EventDetails details=event.event_details.clone()/></td>
        </tr>
    }
}
