//! The Detections toolbar: user search, risk level, time range (with custom dates) and the
//! behaviors, several at once (checkboxes in a fieldset). Every change goes to the URL. The
//! export buttons at its end write every event the filters match, not only the page shown.

use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::RiskLevel;

use super::list::Shown;
use super::view_state::{format_date, parse_date, DetectionsView, Filters, Range};
use crate::components::ExportButtons;
use crate::export::Table;
use crate::state::event_index::Index;
use crate::text::thousands;

type Go = Callback<(DetectionsView, bool)>;

/// `<option>`s for `items` (value, label), the one `current(filters)` names selected.
fn options(
    view: Memo<DetectionsView>,
    current: fn(&Filters) -> &str,
    items: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    items
        .into_iter()
        .map(|(value, label)| {
            let selected = move || view.with(|v| current(&v.filters) == value);
            view! { <option value=value prop:selected=selected>{label}</option> }
        })
        .collect_view()
}

/// The filters of `view`; `go` navigates to a changed view (`true`: replace the history entry).
#[component]
pub fn DetectionFilters(
    /// The current view.
    view: Memo<DetectionsView>,
    /// The loaded events (for the behaviors and their counts).
    index: Memo<Index>,
    /// What the view shows, for the export.
    shown: Shown,
    /// Navigates to a view.
    go: Go,
) -> impl IntoView {
    let change = move |f: fn(&mut Filters, String), replace: bool| {
        move |ev| {
            let value = event_target_value(&ev);
            go.run((
                view.get_untracked().with(|filters| f(filters, value)),
                replace,
            ));
        }
    };
    let date = move |get: fn(&Filters) -> Option<chrono::NaiveDate>| {
        move || view.with(|v| get(&v.filters).map(format_date).unwrap_or_default())
    };
    let export = Callback::new(move |()| Arc::new(shown.table()) as Arc<dyn Table>);
    let mut ranges = vec![("", "Any time")];
    ranges.extend(Range::ALL.map(|r| (r.as_str(), r.label())));
    let boxes = move || {
        index.with(|i| {
            i.behaviors
                .iter()
                .map(|(name, count)| {
                    let name = name.clone();
                    let checked = {
                        let name = name.clone();
                        move || view.with(|v| v.filters.behaviors.contains(&name))
                    };
                    let label = format!(" {name} ({})", thousands(*count));
                    let toggle = move |_| {
                        let next = view.get_untracked().with(|f| match f.behaviors.binary_search(&name) {
                            Ok(at) => drop(f.behaviors.remove(at)),
                            Err(at) => f.behaviors.insert(at, name.clone()),
                        });
                        go.run((next, false));
                    };
                    view! { <label><input type="checkbox" prop:checked=checked on:change=toggle/>{label}</label> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="toolbar" role="search">
            <div class="field">
                <label for="detections-search">"Search users"</label>
                <input id="detections-search" type="search" placeholder="Name or email" autocomplete="off"
                    prop:value=move || view.with(|v| v.filters.q.clone())
                    on:input=change(|f, s| f.q = s, true)/>
            </div>
            <div class="field">
                <label for="detections-level">"Risk level"</label>
                <select id="detections-level" on:change=change(|f, s| f.level = RiskLevel::parse_known(&s), false)>
                    {options(view, |f| f.level.as_ref().map_or("", RiskLevel::as_str),
                        vec![("", "All"), ("high", "High"), ("medium", "Medium"), ("low", "Low")])}
                </select>
            </div>
            <div class="field">
                <label for="detections-range">"Time"</label>
                <select id="detections-range" on:change=change(|f, s| f.range = Range::parse(&s), false)>
                    {options(view, |f| f.range.map_or("", Range::as_str), ranges)}
                </select>
            </div>
            <div class="toolbar" hidden=move || view.with(|v| v.filters.range != Some(Range::Custom))>
                <div class="field">
                    <label for="detections-from">"From"</label>
                    <input id="detections-from" type="date" prop:value=date(|f| f.from)
                        on:change=change(|f, s| f.from = parse_date(&s), false)/>
                </div>
                <div class="field">
                    <label for="detections-to">"To"</label>
                    <input id="detections-to" type="date" prop:value=date(|f| f.to)
                        on:change=change(|f, s| f.to = parse_date(&s), false)/>
                </div>
            </div>
            <button type="button" class="button secondary" hidden=move || view.with(|v| !v.filters.is_filtered())
                on:click=move |_| go.run((view.get_untracked().without_filters(), false))>"Clear filters"</button>
            <ExportButtons rows=export/>
        </div>
        <fieldset class="behaviors-filter">
            <legend>"Behaviors (none checked: all)"</legend>
            {boxes}
        </fieldset>
    }
}
