//! The matrix's filters and sort ([`AccessFilters`], kept in the URL as `level`, `cell`, `q`,
//! `sort`, `dir`, with the page: a [`View`]), and the rows a view shows ([`matching`]). Plain
//! data and plain functions, tested natively.

use std::borrow::Cow;

use zt_risk_api::access::ScoreLevel;

use crate::access::{Kind, Matrix};
use crate::sort::{order, Dir, Sort};
use crate::text::lowercase;
use crate::view_state::{Filters, QueryReader, QueryValue, QueryWriter, View};

/// The matrix's view: its filters, sort and page.
pub type AccessView = View<AccessFilters>;

/// The one sortable column: the application's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
}

impl QueryValue for Column {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed("name")
    }

    fn from_query(text: &str) -> Option<Self> {
        (text == "name").then_some(Column::Name)
    }
}

impl QueryValue for ScoreLevel {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.as_str())
    }

    fn from_query(text: &str) -> Option<Self> {
        ScoreLevel::ALL.into_iter().find(|l| l.as_str() == text)
    }
}

/// The URL value of each kind of cell.
const KINDS: [(Kind, &str); 5] = [
    (Kind::Out, "out"),
    (Kind::Closed, "closed"),
    (Kind::In, "in"),
    (Kind::Identity, "identity"),
    (Kind::Unknown, "unknown"),
];

impl QueryValue for Kind {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed(KINDS.iter().find(|(k, _)| k == self).map_or("", |(_, v)| v))
    }

    fn from_query(text: &str) -> Option<Self> {
        KINDS.iter().find(|(_, v)| *v == text).map(|(k, _)| *k)
    }
}

/// What the matrix shows besides its sort and page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccessFilters {
    /// Only this level's column, or all four.
    pub level: Option<ScoreLevel>,
    /// Only applications with a cell of this kind (at `level`, or at any level).
    pub cell: Option<Kind>,
    /// Matched case-insensitively against the application's name, domain and type.
    pub q: String,
}

impl Filters for AccessFilters {
    type Column = Column;

    /// A→Z.
    const SORT: Sort<Column> = Sort {
        key: Column::Name,
        dir: Dir::Asc,
    };

    fn first_dir(_: Column) -> Dir {
        Dir::Asc
    }

    fn read(query: &QueryReader) -> Self {
        Self {
            level: query.value("level"),
            cell: query.value("cell"),
            q: query.text("q"),
        }
    }

    fn write(&self, query: &mut QueryWriter) {
        query.value("level", self.level.as_ref());
        query.value("cell", self.cell.as_ref());
        query.text("q", &self.q);
    }

    fn is_filtered(&self) -> bool {
        self.level.is_some() || self.cell.is_some() || !self.q.trim().is_empty()
    }
}

impl AccessFilters {
    /// The levels whose columns show.
    pub fn levels(&self) -> Vec<ScoreLevel> {
        match self.level {
            Some(level) => vec![level],
            None => ScoreLevel::ALL.to_vec(),
        }
    }
}

/// The view listing the applications `level`'s users get `cell` from (the figures' links).
pub fn view_of(level: Option<ScoreLevel>, cell: Option<Kind>) -> AccessView {
    View::of(AccessFilters {
        level,
        cell,
        q: String::new(),
    })
}

/// The rows of `matrix` the view shows, in display order.
pub fn matching(matrix: &Matrix, filters: &AccessFilters, sort: Sort<Column>) -> Vec<usize> {
    let names: Vec<String> = matrix
        .apps
        .iter()
        .map(|a| lowercase(crate::access::matrix::app_name(a)))
        .collect();
    let needle = lowercase(filters.q.trim());
    let levels = filters.levels();
    let searched = |i: usize| {
        let app = &matrix.apps[i];
        needle.is_empty()
            || names[i].contains(&needle)
            || app.domain().is_some_and(|d| lowercase(d).contains(&needle))
            || app
                .app_type()
                .is_some_and(|t| lowercase(&t.label()).contains(&needle))
    };
    order(matrix.rows.len(), &|a, b| {
        sort.dir.apply(names[a].cmp(&names[b]))
    })
    .into_iter()
    .filter(|&i| {
        let row = &matrix.rows[i];
        filters
            .cell
            .is_none_or(|cell| levels.iter().any(|l| row.kind(*l) == cell))
            && searched(i)
    })
    .collect()
}

#[cfg(test)]
#[path = "view_state_tests.rs"]
mod tests;
