//! The Users list's filters and sort ([`UserFilters`], kept in the URL as `q`, `level`,
//! `within`, `sort`, `dir`, with the page: a [`View`]), and the rows a view shows (`rows`).
//! Plain data and plain functions, tested directly and fast at 50,000 users.

use std::borrow::Cow;

use zt_risk_api::RiskLevel;

use crate::sort::{Dir, Sort};
use crate::view_state::{Filters, QueryReader, QueryValue, QueryWriter, View, Window};

mod rows;
mod search;

pub use rows::{counts, filtered, matching, sorted, Counts};
pub use search::SearchIndex;

/// The Users list's view: its filters and page.
pub type UsersView = View<UserFilters>;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Email,
    Level,
    Events,
    LastEvent,
}

impl Column {
    const ALL: [Column; 5] = [
        Column::Name,
        Column::Email,
        Column::Level,
        Column::Events,
        Column::LastEvent,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Email => "email",
            Column::Level => "level",
            Column::Events => "events",
            Column::LastEvent => "last_event",
        }
    }
}

impl QueryValue for Column {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.as_str())
    }

    fn from_query(text: &str) -> Option<Self> {
        Column::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// What the list shows besides its sort and page, which a change here resets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserFilters {
    /// Search text, matched case-insensitively against name and email.
    pub q: String,
    /// Only this level, or all.
    pub level: Option<RiskLevel>,
    /// Only users whose last event is in this window (one of [`Window::USERS`]), or all.
    pub within: Option<Window>,
}

impl Filters for UserFilters {
    type Column = Column;

    /// Riskiest first.
    const SORT: Sort<Column> = Sort {
        key: Column::Level,
        dir: Dir::Desc,
    };

    /// Text A→Z, numbers and times biggest first.
    fn first_dir(column: Column) -> Dir {
        match column {
            Column::Name | Column::Email => Dir::Asc,
            Column::Level | Column::Events | Column::LastEvent => Dir::Desc,
        }
    }

    fn read(query: &QueryReader) -> Self {
        Self {
            q: query.text("q"),
            level: query.value("level"),
            within: query.value("within").filter(|w| Window::USERS.contains(w)),
        }
    }

    fn write(&self, query: &mut QueryWriter) {
        query.text("q", &self.q);
        query.value("level", self.level.as_ref());
        query.value("within", self.within.as_ref());
    }

    fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty() || self.level.is_some() || self.within.is_some()
    }
}
