//! The charts drawn from loaded events: events per day for the last 30 days (each day a link
//! into Detections for that day), the behaviors that fired most (links into Detections
//! filtered to the behavior) and the share of events per level. Redrawn as results arrive.

use leptos::prelude::*;
use zt_risk_api::RiskLevel;

use super::figures::{day_date, day_label, per_day, per_level, top};
use super::new_risk::from_events;
use crate::components::chart::percent;
use crate::components::time::local_offset_minutes;
use crate::components::{Bar, BarChart};
use crate::pages::detections::view_state::{DetectionFilters, DetectionsView};
use crate::routes::Page;
use crate::state::event_index::Index;
use crate::state::events::Events;
use crate::state::use_events;
use crate::text::plural;
use crate::view_state::Window;

/// Behaviors shown, at most.
const TOP: usize = 8;

/// Detections with `filters`.
fn detections_where(filters: DetectionFilters) -> String {
    Page::Detections.with_query(&DetectionsView::of(filters).to_query())
}

/// The event charts, once events are loaded.
#[component]
pub fn EventFigures() -> impl IntoView {
    let store = use_events();
    let offset = local_offset_minutes();
    view! {
        <h2>"Events"</h2>
        <p class="hint">"Events per day, the behaviors that fired most and the share of events per level come from the events loaded below; each figure links into Detections."</p>
        {move || {
            store.index().with(|index| {
                (!index.rows.is_empty()).then(|| store.with(|events| charts(events, index, offset)))
            })
        }}
    }
}

fn charts(loaded: &Events, index: &Index, offset: i64) -> impl IntoView {
    let rows = &index.rows;
    let total = rows.len();
    let events = |n| plural(n, "event", "events");
    let share = |n| format!("{} ({})", events(n), percent(n, total));
    let days = per_day(rows, js_sys::Date::now() as i64, offset, 30)
        .into_iter()
        .map(|(day, count)| {
            let date = day_date(day);
            Bar {
                label: day_label(day),
                value: count,
                text: events(count),
                href: detections_where(DetectionFilters {
                    range: Some(Window::Custom),
                    from: date,
                    to: date,
                    ..DetectionFilters::default()
                }),
                class: "",
            }
        })
        .collect();
    let behaviors = top(&index.behaviors, TOP)
        .into_iter()
        .map(|(name, count)| Bar {
            text: share(count),
            href: detections_where(DetectionFilters {
                behaviors: vec![name.clone()],
                ..DetectionFilters::default()
            }),
            label: name,
            value: count,
            class: "",
        })
        .collect();
    let n = per_level(rows);
    let levels = [
        (RiskLevel::High, 3, "high"),
        (RiskLevel::Medium, 2, "medium"),
        (RiskLevel::Low, 1, "low"),
    ]
    .map(|(level, rank, class)| Bar {
        label: level.label(),
        value: n[rank],
        text: share(n[rank]),
        href: detections_where(DetectionFilters {
            level: Some(level),
            ..DetectionFilters::default()
        }),
        class,
    });
    view! {
        <p>{format!("{} of loaded users.", events(total))}</p>
        {from_events(loaded, index)}
        <BarChart caption="Events per day, last 30 days" bars=days columns=true/>
        <div class="charts">
            <BarChart caption="Behaviors that fired most" bars=behaviors/>
            <BarChart caption="Share of events per level" bars=levels.to_vec()/>
        </div>
    }
}
