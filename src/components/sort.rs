//! Sortable tables: a direction, the column a table is sorted by, and the header cell
//! (`aria-sort` and a button) that changes it. Every sortable table uses these, whatever its
//! column type; where the sort is kept (a signal, the URL) stays with the table.

use std::cmp::Ordering;

use leptos::prelude::*;

/// A sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Asc,
    Desc,
}

impl Dir {
    /// The URL value: "asc" or "desc".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }

    /// Reads a URL value written by `as_str`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "asc" => Some(Self::Asc),
            "desc" => Some(Self::Desc),
            _ => None,
        }
    }

    /// The `aria-sort` value for a header sorted this way.
    pub fn aria(self) -> &'static str {
        match self {
            Self::Asc => "ascending",
            Self::Desc => "descending",
        }
    }

    /// The other direction.
    pub fn flipped(self) -> Self {
        match self {
            Self::Asc => Self::Desc,
            Self::Desc => Self::Asc,
        }
    }

    /// `ascending` (an ordering of two rows in ascending order) in this direction.
    pub fn apply(self, ascending: Ordering) -> Ordering {
        match self {
            Self::Asc => ascending,
            Self::Desc => ascending.reverse(),
        }
    }
}

/// The column `K` a table is sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<K> {
    pub key: K,
    pub dir: Dir,
}

impl<K: Copy + PartialEq> Sort<K> {
    /// The sort after a click on `key`'s header: the same column reverses, another column starts
    /// in its `first` direction (text A→Z, numbers and times biggest first, say).
    pub fn clicked(self, key: K, first: Dir) -> Self {
        let dir = if self.key == key {
            self.dir.flipped()
        } else {
            first
        };
        Self { key, dir }
    }

    /// The `aria-sort` value of `key`'s header: its direction, or "none".
    pub fn aria(self, key: K) -> &'static str {
        if self.key == key {
            self.dir.aria()
        } else {
            "none"
        }
    }
}

/// A column header that sorts its table: `<th scope="col" aria-sort>` holding a button named
/// by `label`. Clicking runs `on_sort(column)`; the table decides the new sort, usually with
/// [`Sort::clicked`].
///
/// ```ignore
/// <SortHeader column=Column::Time label="Time" sort on_sort/>
/// ```
#[component]
pub fn SortHeader<K>(
    /// The column this header sorts by.
    column: K,
    /// The column's name, shown on the button.
    label: &'static str,
    /// The table's current sort.
    #[prop(into)]
    sort: Signal<Sort<K>>,
    /// Called with `column` when the header is clicked.
    on_sort: Callback<K>,
    /// Right-aligns the header of a numeric column.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView
where
    K: Copy + PartialEq + Send + Sync + 'static,
{
    // Only these two lines depend on `K`: the markup below exists once in the binary.
    let aria = Signal::derive(move || sort.get().aria(column));
    header_cell(
        label,
        numeric,
        aria,
        Callback::new(move |()| on_sort.run(column)),
    )
}

fn header_cell(
    label: &'static str,
    numeric: bool,
    aria: Signal<&'static str>,
    on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <th scope="col" class:num=numeric aria-sort=aria>
            <button type="button" on:click=move |_| on_click.run(())>{label}</button>
        </th>
    }
}

#[cfg(test)]
#[path = "sort_tests.rs"]
mod tests;
