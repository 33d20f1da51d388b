//! The Detections list's filters and sort ([`DetectionFilters`], kept in the URL as `behavior`
//! (repeated), `level`, `range`, `from`, `to`, `q`, `sort`, `dir`, with the page: a [`View`]).
//! No DOM, no signals.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use zt_risk_api::RiskLevel;

use crate::sort::{Dir, Sort};
use crate::view_state::{Filters, QueryReader, QueryValue, QueryWriter, View, Window};

/// The Detections list's view: its filters and page.
pub type DetectionsView = View<DetectionFilters>;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Time,
    Level,
}

impl QueryValue for Column {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Column::Time => "time",
            Column::Level => "level",
        })
    }

    fn from_query(text: &str) -> Option<Self> {
        match text {
            "time" => Some(Column::Time),
            "level" => Some(Column::Level),
            _ => None,
        }
    }
}

/// What the list shows besides its sort and page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DetectionFilters {
    /// Behavior names (the API's events carry names, not ids), sorted; empty means all.
    pub behaviors: Vec<String>,
    pub level: Option<RiskLevel>,
    /// One of [`Window::DETECTIONS`], or any time.
    pub range: Option<Window>,
    /// With the custom range: from this local day, to this one (both included, either open).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Matched case-insensitively against the user's name and email.
    pub q: String,
}

impl Filters for DetectionFilters {
    type Column = Column;

    /// Newest first.
    const SORT: Sort<Column> = Sort {
        key: Column::Time,
        dir: Dir::Desc,
    };

    /// Highest or newest first.
    fn first_dir(_: Column) -> Dir {
        Dir::Desc
    }

    fn read(query: &QueryReader) -> Self {
        let mut behaviors: Vec<String> = query
            .all("behavior")
            .into_iter()
            .filter(|b| !b.is_empty())
            .collect();
        behaviors.sort();
        behaviors.dedup();
        Self {
            behaviors,
            level: query.value("level"),
            range: query
                .value("range")
                .filter(|w| Window::DETECTIONS.contains(w)),
            from: query.value("from"),
            to: query.value("to"),
            q: query.text("q"),
        }
    }

    fn write(&self, query: &mut QueryWriter) {
        for behavior in &self.behaviors {
            query.text("behavior", behavior);
        }
        query.value("level", self.level.as_ref());
        query.value("range", self.range.as_ref());
        query.value("from", self.from.as_ref());
        query.value("to", self.to.as_ref());
        query.text("q", &self.q);
    }

    fn is_filtered(&self) -> bool {
        !self.behaviors.is_empty()
            || self.level.is_some()
            || self.range.is_some()
            || !self.q.trim().is_empty()
    }

    /// Dates count only with the custom range.
    fn tidy(&mut self) {
        if self.range != Some(Window::Custom) {
            (self.from, self.to) = (None, None);
        }
    }
}

impl DetectionFilters {
    /// The time bounds in epoch milliseconds `[start, end)` at `now_ms`; custom dates are
    /// local days (`offset_min`: minutes the browser's zone is ahead of UTC).
    pub fn bounds(&self, now_ms: i64, offset_min: i64) -> (i64, i64) {
        let day_start = |d: NaiveDate| {
            let days = i64::from(d.num_days_from_ce() - 719_163);
            days * 86_400_000 - offset_min * 60_000
        };
        match self.range {
            None => (i64::MIN, i64::MAX),
            Some(Window::Custom) => (
                self.from.map_or(i64::MIN, day_start),
                self.to.map_or(i64::MAX, |d| day_start(d) + 86_400_000),
            ),
            Some(window) => {
                let length = window.length().map_or(0, |l| l.num_milliseconds());
                (now_ms - length, i64::MAX)
            }
        }
    }
}

#[cfg(test)]
#[path = "view_state_tests.rs"]
mod tests;
