//! A list page's view kept in the URL: its filters and sort (a type of the page's own, the
//! [`Filters`]) and a page number, read from and written to the query through one reader and
//! writer ([`query`]), with one time-window type ([`Window`]). Plain data and plain functions:
//! no DOM, no signals, tested natively. Defaults are left out of the query, so the bare page
//! link is the default view.
//!
//! ```ignore
//! let view: View<UserFilters> = View::from_query(&QueryReader::new(&get));
//! navigate(&Page::Users.with_query(&view.sorted_by(Column::Name).to_query()));
//! ```

pub mod query;
pub mod window;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;

pub use query::{parse_query, values_of, QueryReader, QueryValue, QueryWriter};
pub use window::Window;

use crate::sort::{Dir, Sort};

/// What a list shows besides its sort and page: its filters, as the page defines them, and
/// the columns it sorts by.
pub trait Filters: Clone + PartialEq + Default {
    /// The columns the list sorts by.
    type Column: Copy + PartialEq + std::fmt::Debug + QueryValue + Send + Sync + 'static;

    /// The sort of the default view.
    const SORT: Sort<Self::Column>;

    /// The direction a first click on `column` sorts in (and its direction when the query
    /// names none).
    fn first_dir(column: Self::Column) -> Dir;
    /// Reads the filters from the query; anything unreadable is the default.
    fn read(query: &QueryReader) -> Self;
    /// Writes the filters that differ from the default.
    fn write(&self, query: &mut QueryWriter);
    /// Whether anything narrows the list.
    fn is_filtered(&self) -> bool;
    /// Makes the filters consistent after a change (a view may drop values that no longer
    /// apply, such as dates outside a custom range).
    fn tidy(&mut self) {}
}

/// A list's whole view: its filters, its sort (`sort`, `dir`) and a 1-based page.
#[derive(Debug, Clone, PartialEq)]
pub struct View<F: Filters> {
    pub filters: F,
    pub sort: Sort<F::Column>,
    pub page: usize,
}

impl<F: Filters> Default for View<F> {
    fn default() -> Self {
        Self::of(F::default())
    }
}

impl<F: Filters> View<F> {
    /// The view of `filters` in the default sort, at the first page.
    pub fn of(filters: F) -> Self {
        Self {
            filters,
            sort: F::SORT,
            page: 1,
        }
    }

    /// Reads the view from a query.
    pub fn from_query(query: &QueryReader) -> Self {
        let mut filters = F::read(query);
        filters.tidy();
        let key = query.value("sort").unwrap_or(F::SORT.key);
        let dir = query.value("dir").unwrap_or(F::first_dir(key));
        Self {
            filters,
            sort: Sort { key, dir },
            page: query.page(),
        }
    }

    /// Reads the view from a query string (`?level=high`), as the browser would decode it.
    pub fn from_query_str(query: &str) -> Self {
        let pairs = parse_query(query);
        let get = |key: &str| values_of(&pairs, key);
        Self::from_query(&QueryReader::new(&get))
    }

    /// The query string (with `?`, or empty for the default view), values percent-encoded.
    pub fn to_query(&self) -> String {
        let mut query = QueryWriter::default();
        self.filters.write(&mut query);
        let Sort { key, dir } = self.sort;
        query.value("sort", Some(&key).filter(|k| **k != F::SORT.key));
        query.value("dir", Some(&dir).filter(|d| **d != F::first_dir(key)));
        query.page(self.page);
        query.finish()
    }

    /// The same view with other filters, back on page 1.
    pub fn with(&self, change: impl FnOnce(&mut F)) -> Self {
        let mut filters = self.filters.clone();
        change(&mut filters);
        filters.tidy();
        Self {
            filters,
            sort: self.sort,
            page: 1,
        }
    }

    /// Sorted by `column`: a second click on the same column reverses it; another column
    /// starts in its first direction. Back on page 1.
    pub fn sorted_by(&self, column: F::Column) -> Self {
        Self {
            filters: self.filters.clone(),
            sort: self.sort.clicked(column, F::first_dir(column)),
            page: 1,
        }
    }

    /// Every filter removed; the sort kept.
    pub fn without_filters(&self) -> Self {
        self.with(|f| *f = F::default())
    }

    /// The same view at `page` (at least 1).
    pub fn at_page(&self, page: usize) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }
}
