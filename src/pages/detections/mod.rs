//! The Detections page (`/detections`): one row per loaded event, across users, filtered by
//! behavior, level, time and user, sorted by time or level, paged, all kept in the URL.
//!
//! It reads the events store and never fetches by itself: with nothing loaded it offers
//! "Load events". `view_state` holds the URL rules, `index` the filter over the store's flat
//! index (both plain Rust), `list` the memos, `filters` the toolbar, `table` the rows.
//!
//! Export (CSV/JSON, the shared `ExportButtons` at the end of the toolbar in `filters`) writes
//! what the view shows: [`Shown::table`], every matching event in display order. `list` also
//! provides [`Shown`] as context to everything under it.

mod filters;
pub mod index;
mod list;
mod table;
pub mod view_state;

use leptos::prelude::*;

pub use list::Shown;

use crate::components::{EmptyState, LoadEvents};
use crate::state::use_events;
use list::DetectionsList;

/// The Detections page.
#[component]
pub fn DetectionsPage() -> impl IntoView {
    let store = use_events();
    let empty = move || store.index().with(|i| i.rows.is_empty());
    view! {
        <div class="page-head"><h1>"Detections"</h1></div>
        <div hidden=move || !empty()>
            <EmptyState title="No events loaded yet">
                <p>"Detections lists the risk events of the users whose events are loaded in this tab. Load them below; they stay loaded while the tab is open."</p>
            </EmptyState>
        </div>
        <div hidden=empty>
            <DetectionsList/>
        </div>
        <LoadEvents/>
    }
}
