//! The Detections toolbar: user search, risk level, time range (with custom dates) and the
//! behaviors, several at once (checkboxes in a fieldset). Every change goes to the URL. The
//! export buttons at its end write every event the filters match, not only the page shown.

use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::RiskLevel;

use super::list::Shown;
use super::view_state::{DetectionFilters, DetectionsView};
use crate::components::{ExportButtons, LevelSelect};
use crate::export::Table;
use crate::state::event_index::Index;
use crate::state::url_view::UrlView;
use crate::text::thousands;
use crate::view_state::{QueryValue, Window};

/// `<option>`s for `items` (value, label), the one `current(filters)` names selected.
fn options(
    view: Memo<DetectionsView>,
    current: fn(&DetectionFilters) -> &str,
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

/// The filters of the list's view (`url`), each change a new address.
#[component]
pub fn FilterBar(
    /// The list's view in the URL.
    url: UrlView<DetectionFilters>,
    /// The loaded events (for the behaviors and their counts).
    index: Memo<Index>,
    /// What the view shows, for the export.
    shown: Shown,
) -> impl IntoView {
    let view = url.view;
    let change = move |f: fn(&mut DetectionFilters, String), replace: bool| {
        move |ev| {
            let value = event_target_value(&ev);
            url.change(replace, |filters| f(filters, value));
        }
    };
    let date = move |get: fn(&DetectionFilters) -> Option<chrono::NaiveDate>| {
        move || {
            view.with(|v| {
                get(&v.filters)
                    .map(|d| d.to_query().into_owned())
                    .unwrap_or_default()
            })
        }
    };
    let level = Signal::derive(move || view.with(|v| v.filters.level.clone()));
    let on_level =
        Callback::new(move |level: Option<RiskLevel>| url.change(false, |f| f.level = level));
    let export = Callback::new(move |()| Arc::new(shown.table()) as Arc<dyn Table>);
    let mut ranges = vec![("", "Any time")];
    ranges.extend(Window::DETECTIONS.map(|r| (r.as_str(), r.label())));
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
                        url.change(false, |f| match f.behaviors.binary_search(&name) {
                            Ok(at) => drop(f.behaviors.remove(at)),
                            Err(at) => f.behaviors.insert(at, name.clone()),
                        });
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
            <LevelSelect id="detections-level" level on_level/>
            <div class="field">
                <label for="detections-range">"Time"</label>
                <select id="detections-range" on:change=change(|f, s| f.range = Window::from_query(&s), false)>
                    {options(view, |f| f.range.map_or("", Window::as_str), ranges)}
                </select>
            </div>
            <div class="toolbar" hidden=move || view.with(|v| v.filters.range != Some(Window::Custom))>
                <div class="field">
                    <label for="detections-from">"From"</label>
                    <input id="detections-from" type="date" prop:value=date(|f| f.from)
                        on:change=change(|f, s| f.from = QueryValue::from_query(&s), false)/>
                </div>
                <div class="field">
                    <label for="detections-to">"To"</label>
                    <input id="detections-to" type="date" prop:value=date(|f| f.to)
                        on:change=change(|f, s| f.to = QueryValue::from_query(&s), false)/>
                </div>
            </div>
            <button type="button" class="button secondary" hidden=move || view.with(|v| !crate::view_state::Filters::is_filtered(&v.filters))
                on:click=move |_| url.clear()>"Clear filters"</button>
            <ExportButtons rows=export/>
        </div>
        <fieldset class="behaviors-filter">
            <legend>"Behaviors (none checked: all)"</legend>
            {boxes}
        </fieldset>
    }
}
