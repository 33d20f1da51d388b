//! `use_url_view`: a list page's view ([`View`]) read from the address's query and changed by
//! navigating, the one way a list keeps its filters, sort and page in the URL.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::routes::Page;
use crate::view_state::{Filters, QueryReader, View};

/// The view of a list page, and the way to change it.
pub struct UrlView<F: Filters + Send + Sync + 'static> {
    /// The view shown: the address's (typing writes it before the router hears of it).
    pub view: Memo<View<F>>,
    go: Callback<(View<F>, bool)>,
}

impl<F: Filters + Send + Sync + 'static> Clone for UrlView<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Filters + Send + Sync + 'static> Copy for UrlView<F> {}

impl<F: Filters + Send + Sync + 'static> UrlView<F> {
    /// Shows `next`. `replace` replaces the history entry (typing); every other change adds
    /// one, so Back undoes it.
    pub fn go(self, next: View<F>, replace: bool) {
        self.go.run((next, replace));
    }

    /// Applies `change` to the current filters and shows the result from page 1.
    pub fn change(self, replace: bool, change: impl FnOnce(&mut F)) {
        self.go(self.view.get_untracked().with(change), replace);
    }

    /// Shows the current view at `page`.
    pub fn to_page(self, page: usize) {
        self.go(self.view.get_untracked().at_page(page), false);
    }

    /// Sorts by `column` (a second click reverses).
    pub fn sort(self, column: F::Column) {
        self.go(self.view.get_untracked().sorted_by(column), false);
    }

    /// Removes every filter, keeping the sort.
    pub fn clear(self) {
        self.go(self.view.get_untracked().without_filters(), false);
    }
}

/// The view of the list on `page`, from the address's query.
///
/// Typing (a change with `replace`) shows its view at once and writes the address with
/// `history.replaceState` itself: the router's navigation (parsing, its signals, the route
/// match) cost about 2 ms of every keystroke. The router hears of the typed address before the
/// next change that adds a history entry; that change, Back and Forward show the address
/// again.
pub fn use_url_view<F: Filters + Send + Sync + 'static>(page: Page) -> UrlView<F> {
    let query = use_query_map();
    let from_url = Memo::new(move |_| {
        query.with(|q| {
            let get = |key: &str| q.get_all(key).unwrap_or_default();
            View::from_query(&QueryReader::new(&get))
        })
    });
    // What typing shows while the router still holds the address before it; Back and Forward
    // show the address again.
    let typed = RwSignal::new(None::<View<F>>);
    let back = window_event_listener(leptos::ev::popstate, move |_| typed.set(None));
    on_cleanup(move || back.remove());
    let view = Memo::new(move |_| typed.get().unwrap_or_else(|| from_url.get()));
    let navigate = use_navigate();
    let go = Callback::new(move |(next, replace): (View<F>, bool)| {
        let url = page.with_query(&next.to_query());
        if replace && replace_address(&url) {
            typed.set(Some(next));
            return;
        }
        let options = |replace| NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        if let Some(shown) = typed.get_untracked() {
            navigate(&page.with_query(&shown.to_query()), options(true));
            typed.set(None);
        }
        navigate(&url, options(replace));
    });
    UrlView { view, go }
}

/// Replaces the address with `url` (same page, another query), keeping the history entry's
/// state; false if the browser refused.
fn replace_address(url: &str) -> bool {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return false;
    };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    history
        .replace_state_with_url(&state, "", Some(url))
        .is_ok()
}
