//! The loaded events as a filtered, sorted, paged list: the view comes from the URL, the flat
//! index is the store's (built once per change), and filtering runs in a memo over it.

use std::ops::Range;

use leptos::prelude::*;
use zt_risk_api::RiskEvent;

use super::filters::FilterBar;
use super::index::filter;
use super::table::DetectionsTable;
use super::view_state::DetectionFilters;
use crate::components::time::local_offset_minutes;
use crate::components::{EmptyState, PageInfo, Pager};
use crate::export::DetectionRows;
use crate::routes::Page;
use crate::state::event_index::Index;
use crate::state::events::{EventsStore, Loaded};
use crate::state::url_view::use_url_view;
use crate::state::use_events;

/// The events the Detections view shows, in display order: what an export writes. Provided as
/// context by the list (`use_context::<Shown>()` in a toolbar button).
#[derive(Clone, Copy)]
pub struct Shown {
    store: EventsStore,
    index: Memo<Index>,
    rows: Memo<Vec<u32>>,
}

impl Shown {
    /// How many events are shown (reactive).
    pub fn len(&self) -> usize {
        self.rows.with(Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `f` with the user and the event of each shown row in `range` (positions in display
    /// order; `0..len()` for all), in order.
    pub fn each(&self, range: Range<usize>, mut f: impl FnMut(&Loaded, &RiskEvent)) {
        self.rows.with(|rows| {
            self.index.with(|index| {
                self.store.with(|events| {
                    for &i in rows.get(range).unwrap_or_default() {
                        let row = index.rows[i as usize];
                        let user = &events.users()[row.user as usize];
                        f(user, &user.detail.events[row.event as usize]);
                    }
                })
            })
        });
    }

    /// Every shown event, in display order, as the export writes it: taken untracked at the
    /// click, sharing the loaded users (no event is copied).
    pub fn table(&self) -> DetectionRows {
        self.rows.with_untracked(|rows| {
            self.index.with_untracked(|index| {
                let users = self.store.with(|events| events.users().to_vec());
                let pairs = rows.iter().filter_map(|&i| index.rows.get(i as usize));
                DetectionRows::new(users, pairs.map(|r| (r.user, r.event)))
            })
        })
    }
}

/// The list, once events are loaded.
#[component]
pub fn DetectionsList() -> impl IntoView {
    let store = use_events();
    let url = use_url_view::<DetectionFilters>(Page::Detections);
    let filters = Memo::new(move |_| url.view.read().filters.clone());
    let sort = Memo::new(move |_| url.view.read().sort);
    let index = store.index();
    let offset = local_offset_minutes();
    let rows = Memo::new(move |_| {
        let now = js_sys::Date::now() as i64;
        let sort = sort.get();
        filters.with(|f| index.with(|i| filter(i, f, sort, f.bounds(now, offset))))
    });
    let info = Memo::new(move |_| PageInfo::of(rows.with(Vec::len), url.view.read().page));
    let shown = Shown { store, index, rows };
    provide_context(shown);

    let on_page = Callback::new(move |page| url.to_page(page));
    let on_sort = Callback::new(move |column| url.sort(column));
    let none = move || rows.with(Vec::is_empty);
    // Both stay mounted and only one shows: the table keeps focus and state across filters.
    view! {
        <FilterBar url index shown/>
        <div hidden=move || !none()>
            <EmptyState title="No events match these filters">
                <p>"No loaded event matches the behavior, level, time and user filters. Clear them above to see every event."</p>
            </EmptyState>
        </div>
        <div hidden=none>
            <DetectionsTable shown info sort on_sort/>
            <Pager info on_page/>
        </div>
    }
}
