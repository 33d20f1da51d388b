//! The matrix's toolbar: the level whose column shows, the kind of cell, and the search over
//! applications; each change goes to the URL (typing replaces the history entry).

use leptos::prelude::*;
use zt_risk_api::access::ScoreLevel;

use super::view_state::AccessFilters;
use crate::access::words::kind_label;
use crate::access::Kind;
use crate::state::url_view::UrlView;
use crate::view_state::{Filters, QueryValue};

/// The cell filter's options: the kinds, "Kept out" told apart by why.
fn kind_option(kind: Kind) -> &'static str {
    match kind {
        Kind::Out => "Kept out by risk",
        Kind::Closed => "Closed to everyone",
        other => kind_label(other),
    }
}

/// A `<select>` whose options are `None` ("All") and `values`, bound to one filter.
fn select<T: QueryValue + Copy + PartialEq + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    values: Vec<(T, &'static str)>,
    current: Signal<Option<T>>,
    set: Callback<Option<T>>,
) -> impl IntoView {
    let options = values
        .into_iter()
        .map(|(value, text)| {
            let selected = move || current.get() == Some(value);
            view! { <option value=value.to_query().into_owned() prop:selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| set.run(T::from_query(&event_target_value(&ev)))>
                <option value="" prop:selected=move || current.get().is_none()>"All"</option>
                {options}
            </select>
        </div>
    }
}

/// The toolbar over the matrix.
#[component]
pub fn Toolbar(
    /// The matrix's view in the URL.
    url: UrlView<AccessFilters>,
) -> impl IntoView {
    let filters = Memo::new(move |_| url.view.read().filters.clone());
    let level = Signal::derive(move || filters.read().level);
    let cell = Signal::derive(move || filters.read().cell);
    let levels = ScoreLevel::ALL.map(|l| (l, l.label())).to_vec();
    let kinds = Kind::ALL.map(|k| (k, kind_option(k))).to_vec();
    view! {
        <div class="toolbar" role="search" aria-label="Filter applications">
            <div class="field">
                <label for="access-search">"Search applications"</label>
                <input id="access-search" type="search" prop:value=move || filters.read().q.clone()
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        url.change(true, |f| f.q = q);
                    }/>
            </div>
            {select("access-level", "Risk level", levels, level,
                Callback::new(move |l| url.change(false, |f| f.level = l)))}
            {select("access-cell", "Decision", kinds, cell,
                Callback::new(move |k| url.change(false, |f| f.cell = k)))}
            <button type="button" class="button secondary" hidden=move || !filters.read().is_filtered()
                on:click=move |_| url.clear()>"Clear filters"</button>
        </div>
    }
}
