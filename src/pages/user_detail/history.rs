//! A user's risk history from what this browser kept: their level over time as an inline-SVG
//! step chart with the resets marked and the events per day beneath, the same as a table, and
//! the whole of it as a JSON download.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde_json::{json, Value};
use zt_risk_api::{RiskEvent, RiskEvents, RiskLevel};

use crate::components::time::absolute;
use crate::export::{self, Format};
use crate::memory::record::{Change, Entry};
use crate::memory::timeline::{timeline, Timeline};
use crate::memory::{KeptEvent, UserMemory};
use crate::text::plural;

/// The chart's drawing area (SVG user units).
const W: f64 = 600.0;
const LEVELS_H: f64 = 90.0;
const BARS_H: f64 = 30.0;

/// The chart's shapes, computed from a timeline (pure: tested natively).
#[derive(Debug, Default, PartialEq)]
pub struct Chart {
    /// The level's step line, an SVG path.
    pub path: String,
    /// Resets: x and the date.
    pub resets: Vec<(f64, DateTime<Utc>)>,
    /// Days with events: x, width, height and count.
    pub bars: Vec<(f64, f64, f64, usize)>,
}

/// The y of a level: High at the top, not in the summary at the bottom.
fn y(level: Option<&RiskLevel>) -> f64 {
    let rank = level.map_or(0, |l| u32::from(l.rank().max(1)));
    LEVELS_H - 10.0 - f64::from(rank) * ((LEVELS_H - 20.0) / 3.0)
}

/// The shapes of `t` from its first moment to `now`.
pub fn chart(t: &Timeline, now: DateTime<Utc>) -> Chart {
    let start = t
        .steps
        .first()
        .map(|s| s.at)
        .into_iter()
        .chain(
            t.per_day
                .first()
                .and_then(|(d, _)| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc()),
        )
        .min();
    let Some(start) = start else {
        return Chart::default();
    };
    let span = (now - start).num_seconds().max(1) as f64;
    let x = |at: DateTime<Utc>| ((at - start).num_seconds() as f64 / span * W).clamp(0.0, W);
    let mut path = String::new();
    let mut last_y = y(None);
    for (i, step) in t.steps.iter().enumerate() {
        let (sx, sy) = (x(step.at), y(step.level.as_ref()));
        if i == 0 {
            path.push_str(&format!("M{sx:.1} {sy:.1}"));
        } else {
            path.push_str(&format!(" H{sx:.1} V{sy:.1}"));
        }
        last_y = sy;
    }
    if !path.is_empty() {
        path.push_str(&format!(" H{W:.1} V{last_y:.1}"));
    }
    let days = t.per_day.len().max(1) as f64;
    let most = t.per_day.iter().map(|d| d.1).max().unwrap_or(0).max(1) as f64;
    let bars = t
        .per_day
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| *n > 0)
        .map(|(i, (_, n))| {
            let width = (W / days).max(1.0);
            (
                i as f64 * W / days,
                width,
                (*n as f64 / most * BARS_H).max(1.0),
                *n,
            )
        })
        .collect();
    Chart {
        path,
        resets: t.resets.iter().map(|at| (x(*at), *at)).collect(),
        bars,
    }
}

/// The change in words, for the table and the download.
fn words(change: &Change) -> String {
    match change {
        Change::Appeared { level, count } => format!(
            "Appeared in the summary at {} ({})",
            level.label(),
            plural(*count as usize, "event", "events")
        ),
        Change::Level { from, to } => format!("Level {} → {}", from.label(), to.label()),
        Change::Count { from, to } => format!("Events {from} → {to}"),
        Change::Left { level } => format!("Left the summary (was {})", level.label()),
        Change::Reset { at } => format!("Reset on {}", absolute(*at)),
        _ => String::new(),
    }
}

/// The user's history as a JSON document: who, every change, the events listed and kept.
pub fn document(id: &str, user: &RiskEvents, entries: &[Entry], kept: &[KeptEvent]) -> Value {
    let event = |e: &RiskEvent| json!({"id": e.id, "name": e.name, "risk_level": e.risk_level.as_str(), "timestamp": e.timestamp, "event_details": e.event_details});
    let change = |c: &Change| match c {
        Change::Appeared { level, count } => {
            json!({"change": "appeared", "level": level.as_str(), "event_count": count})
        }
        Change::Level { from, to } => {
            json!({"change": "level", "from": from.as_str(), "to": to.as_str()})
        }
        Change::Count { from, to } => json!({"change": "event_count", "from": from, "to": to}),
        Change::Left { level } => json!({"change": "left", "level": level.as_str()}),
        Change::Reset { at } => json!({"change": "reset", "reset_at": at}),
        _ => Value::Null,
    };
    json!({
        "user": {"id": id, "name": user.name, "email": user.email, "last_reset_time": user.last_reset_time, "risk_level": user.risk_level.as_ref().map(RiskLevel::as_str)},
        "history": entries.iter().flat_map(|e| e.changes.iter().map(move |c| {
            let mut v = change(c);
            if let Some(map) = v.as_object_mut() { map.insert("recorded_at".into(), json!(e.at)); }
            v
        })).collect::<Vec<_>>(),
        "events": user.events.iter().map(event).collect::<Vec<_>>(),
        "kept_events": kept.iter().map(|(e, reset)| json!({"event": event(e), "before_reset_of": reset})).collect::<Vec<_>>(),
    })
}

/// The history section: chart, table and download.
#[component]
pub fn RiskHistory(
    /// The user id.
    id: String,
    /// The user as the API returned them.
    user: RiskEvents,
    /// What this browser kept: the user's history and the events the API no longer lists
    /// (`None` while it is read, or when the browser keeps nothing).
    kept: Signal<Option<UserMemory>>,
    /// The account, for the download's name.
    account: String,
) -> impl IntoView {
    let user = StoredValue::new(user);
    let id = StoredValue::new(id);
    let problem = RwSignal::new(None::<String>);
    let body = move || {
        let UserMemory {
            history: entries,
            kept,
        } = kept.get()?;
        let now = Utc::now();
        let times: Vec<DateTime<Utc>> = user.with_value(|u| {
            u.events
                .iter()
                .map(|e| e.timestamp)
                .chain(kept.iter().map(|(e, _)| e.timestamp))
                .collect()
        });
        let t = timeline(&entries, &times, now);
        let c = chart(&t, now);
        let account = account.clone();
        let table = rows(&entries);
        let download = move |_| {
            let doc = user.with_value(|u| id.with_value(|id| document(id, u, &entries, &kept)));
            let name = export::file_name("user-history", &account, Utc::now(), Format::Json);
            let saved = serde_json::to_string_pretty(&doc)
                .map_err(|e| e.to_string())
                .and_then(|text| export::save_text(&name, Format::Json, &text));
            problem.set(saved.err());
        };
        Some(view! {
            {drawing(&t, &c)}
            {table}
            <div class="actions">
                <button type="button" class="button secondary" on:click=download>"Download history (JSON)"</button>
            </div>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        })
    };
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">"Risk history"</h2>
            <p class="hint">"What this browser saw of the user: every summary it read and every load of their events, kept for this profile."</p>
            {body}
        </section>
    }
}

fn drawing(t: &Timeline, c: &Chart) -> impl IntoView {
    let described = format!(
        "Level over time: {} changes, {} resets, {} events over {} days.",
        t.steps.len(),
        t.resets.len(),
        t.per_day.iter().map(|d| d.1).sum::<usize>(),
        t.per_day.len()
    );
    let view_box = format!("0 0 {W} {}", LEVELS_H + BARS_H + 4.0);
    let labels = [
        ("High", Some(RiskLevel::High)),
        ("Medium", Some(RiskLevel::Medium)),
        ("Low", Some(RiskLevel::Low)),
        ("None", None),
    ];
    view! {
        <svg class="history-chart" viewBox=view_box role="img" aria-label=described preserveAspectRatio="none">
            {labels.map(|(name, level)| view! {
                <line class="grid" x1="0" x2=W y1=y(level.as_ref()) y2=y(level.as_ref())><title>{name}</title></line>
            })}
            <path class="level" d=c.path.clone()/>
            {c.resets.iter().map(|(x, at)| view! {
                <line class="reset" x1=*x x2=*x y1="0" y2=LEVELS_H><title>{format!("Reset on {}", absolute(*at))}</title></line>
            }).collect_view()}
            {c.bars.iter().map(|(x, w, h, n)| view! {
                <rect class="day" x=*x y=LEVELS_H + BARS_H - h width=*w height=*h><title>{plural(*n, "event", "events")}</title></rect>
            }).collect_view()}
        </svg>
    }
}

fn rows(entries: &[Entry]) -> impl IntoView {
    let lines: Vec<(DateTime<Utc>, String)> = entries
        .iter()
        .flat_map(|e| e.changes.iter().map(move |c| (e.at, words(c))))
        .collect();
    view! {
        <details>
            <summary>{format!("The history as a table ({})", plural(lines.len(), "change", "changes"))}</summary>
            <table>
                <caption class="visually-hidden">"Risk history"</caption>
                <thead><tr><th scope="col">"Recorded"</th><th scope="col">"Change"</th></tr></thead>
                <tbody>
                    {lines.into_iter().map(|(at, text)| view! { <tr><td>{absolute(at)}</td><td>{text}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::memory::timeline::Step;

    #[test]
    fn the_chart_steps_through_the_levels_and_marks_resets_and_days() {
        let at = |day: u32| {
            Utc.with_ymd_and_hms(2026, 12, day, 0, 0, 0)
                .single()
                .expect("t")
        };
        let t = Timeline {
            steps: vec![
                Step {
                    at: at(1),
                    level: Some(RiskLevel::Low),
                },
                Step {
                    at: at(3),
                    level: Some(RiskLevel::High),
                },
                Step {
                    at: at(4),
                    level: None,
                },
            ],
            resets: vec![at(4)],
            per_day: vec![
                (at(1).date_naive(), 2),
                (at(2).date_naive(), 0),
                (at(3).date_naive(), 1),
            ],
        };
        let c = chart(&t, at(5));
        let (low, high, none) = (y(Some(&RiskLevel::Low)), y(Some(&RiskLevel::High)), y(None));
        assert!(high < low && low < none, "higher levels are drawn higher");
        assert_eq!(
            c.path,
            format!("M0.0 {low:.1} H300.0 V{high:.1} H450.0 V{none:.1} H600.0 V{none:.1}")
        );
        assert_eq!(c.resets, [(450.0, at(4))]);
        assert_eq!(c.bars.len(), 2, "days without events draw nothing");
        assert_eq!(chart(&Timeline::default(), at(1)), Chart::default());
    }
}
