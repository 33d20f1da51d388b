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

pub use query::{parse_query, values_of, QueryReader, QueryValue, QueryWriter};
pub use window::Window;

use crate::sort::{Dir, Sort};

/// What a list shows besides the page: its filters and its sort, as the page defines them.
pub trait Filters: Clone + PartialEq + Default {
    /// The columns the list sorts by.
    type Column: Copy + PartialEq;

    /// Reads the filters from the query; anything unreadable is the default.
    fn read(query: &QueryReader) -> Self;
    /// Writes the filters that differ from the default.
    fn write(&self, query: &mut QueryWriter);
    /// The sort.
    fn sorting(&self) -> Sort<Self::Column>;
    /// Sets the sort.
    fn sort_by(&mut self, sort: Sort<Self::Column>);
    /// The direction a first click on `column` sorts in.
    fn first_dir(column: Self::Column) -> Dir;
    /// Whether anything narrows the list.
    fn is_filtered(&self) -> bool;
    /// The same sort with every filter removed.
    fn cleared(&self) -> Self {
        let mut cleared = Self::default();
        cleared.sort_by(self.sorting());
        cleared
    }
    /// Makes the filters consistent after a change (a view may drop values that no longer
    /// apply, such as dates outside a custom range).
    fn tidy(&mut self) {}
}

/// A list's whole view: its filters and a 1-based page.
#[derive(Debug, Clone, PartialEq)]
pub struct View<F> {
    pub filters: F,
    pub page: usize,
}

impl<F: Filters> Default for View<F> {
    fn default() -> Self {
        Self {
            filters: F::default(),
            page: 1,
        }
    }
}

impl<F: Filters> View<F> {
    /// The view at the first page with `filters`.
    pub fn of(filters: F) -> Self {
        Self { filters, page: 1 }
    }

    /// Reads the view from a query.
    pub fn from_query(query: &QueryReader) -> Self {
        let mut filters = F::read(query);
        filters.tidy();
        Self {
            filters,
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
        query.page(self.page);
        query.finish()
    }

    /// The same view with other filters, back on page 1.
    pub fn with(&self, change: impl FnOnce(&mut F)) -> Self {
        let mut filters = self.filters.clone();
        change(&mut filters);
        filters.tidy();
        Self::of(filters)
    }

    /// Sorted by `column`: a second click on the same column reverses it; another column
    /// starts in its first direction.
    pub fn sorted_by(&self, column: F::Column) -> Self {
        self.with(|f| f.sort_by(f.sorting().clicked(column, F::first_dir(column))))
    }

    /// Every filter removed; the sort kept.
    pub fn without_filters(&self) -> Self {
        Self::of(self.filters.cleared())
    }

    /// The same view at `page` (at least 1).
    pub fn at_page(&self, page: usize) -> Self {
        Self {
            filters: self.filters.clone(),
            page: page.max(1),
        }
    }
}
