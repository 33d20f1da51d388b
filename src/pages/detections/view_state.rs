//! The Detections view as plain data: behaviors (several), level, time range (a window or
//! custom dates), user search, sort and page, read from and written to the URL query
//! (`behavior` repeated, `level`, `range`, `from`, `to`, `q`, `sort`, `dir`, `page`). Defaults
//! are left out, so `/detections` is the default view. No DOM, no signals.

use chrono::{Datelike, NaiveDate};
use zt_risk_api::paths::encode_segment;
use zt_risk_api::RiskLevel;

use crate::sort::{Dir, Sort};

/// A time range back from now, or custom dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    Day,
    Week,
    Month,
    Quarter,
    /// From `from` to `to` (local dates, both included, either open).
    Custom,
}

impl Range {
    pub const ALL: [Self; 5] = [
        Self::Day,
        Self::Week,
        Self::Month,
        Self::Quarter,
        Self::Custom,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "24h",
            Self::Week => "7d",
            Self::Month => "30d",
            Self::Quarter => "90d",
            Self::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "Last 24 hours",
            Self::Week => "Last 7 days",
            Self::Month => "Last 30 days",
            Self::Quarter => "Last 90 days",
            Self::Custom => "Custom dates",
        }
    }

    /// The window's length in hours (none for custom dates).
    fn hours(self) -> Option<i64> {
        match self {
            Self::Day => Some(24),
            Self::Week => Some(24 * 7),
            Self::Month => Some(24 * 30),
            Self::Quarter => Some(24 * 90),
            Self::Custom => None,
        }
    }
}

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Time,
    Level,
}

/// What the list shows (everything but the page).
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// Behavior names (the API's events carry names, not ids), sorted; empty means all.
    pub behaviors: Vec<String>,
    pub level: Option<RiskLevel>,
    pub range: Option<Range>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Matched case-insensitively against the user's name and email.
    pub q: String,
    pub sort: SortKey,
    pub dir: Dir,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            behaviors: Vec::new(),
            level: None,
            range: None,
            from: None,
            to: None,
            q: String::new(),
            sort: SortKey::Time,
            dir: Dir::Desc,
        }
    }
}

/// The whole view: filters and a 1-based page.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectionsView {
    pub filters: Filters,
    pub page: usize,
}

impl Default for DetectionsView {
    fn default() -> Self {
        Self {
            filters: Filters::default(),
            page: 1,
        }
    }
}

/// `YYYY-MM-DD`, as `<input type=date>` writes it.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-').map(str::parse::<u32>);
    let (y, m, d) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `YYYY-MM-DD`.
pub fn format_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

impl DetectionsView {
    /// Reads the view from the query's values (`get` gives every value of a key); anything
    /// unreadable falls back to the default.
    pub fn from_query(get: impl Fn(&str) -> Vec<String>) -> Self {
        let one = |k: &str| get(k).into_iter().next();
        let mut behaviors: Vec<String> = get("behavior")
            .into_iter()
            .filter(|b| !b.is_empty())
            .collect();
        behaviors.sort();
        behaviors.dedup();
        let sort = match one("sort").as_deref() {
            Some("level") => SortKey::Level,
            _ => SortKey::Time,
        };
        let dates = |k: &str| one(k).as_deref().and_then(parse_date);
        let range = one("range").as_deref().and_then(Range::parse);
        let custom = range == Some(Range::Custom);
        Self {
            filters: Filters {
                behaviors,
                level: one("level").as_deref().and_then(RiskLevel::parse_known),
                range,
                from: dates("from").filter(|_| custom),
                to: dates("to").filter(|_| custom),
                q: one("q").unwrap_or_default(),
                sort,
                dir: one("dir")
                    .as_deref()
                    .and_then(Dir::parse)
                    .unwrap_or(Dir::Desc),
            },
            page: one("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The query string (with `?`, or empty for the default view), values percent-encoded.
    pub fn to_query(&self) -> String {
        let f = &self.filters;
        let mut parts: Vec<String> = f
            .behaviors
            .iter()
            .map(|b| format!("behavior={}", encode_segment(b)))
            .collect();
        let mut add = |k: &str, v: String| parts.push(format!("{k}={v}"));
        if let Some(level) = &f.level {
            add("level", level.as_str().to_owned());
        }
        if let Some(range) = f.range {
            add("range", range.as_str().to_owned());
        }
        for (k, d) in [("from", f.from), ("to", f.to)] {
            if let Some(d) = d {
                add(k, format_date(d));
            }
        }
        if !f.q.is_empty() {
            add("q", encode_segment(&f.q));
        }
        if f.sort == SortKey::Level {
            add("sort", "level".into());
        }
        if f.dir != Dir::Desc {
            add("dir", f.dir.as_str().into());
        }
        if self.page > 1 {
            add("page", self.page.to_string());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The same view with other filters, back on page 1.
    pub fn with(&self, change: impl FnOnce(&mut Filters)) -> Self {
        let mut filters = self.filters.clone();
        change(&mut filters);
        if filters.range != Some(Range::Custom) {
            (filters.from, filters.to) = (None, None);
        }
        Self { filters, page: 1 }
    }

    /// Sorted by `key`: a second click reverses; a new column starts highest or newest first.
    pub fn sorted_by(&self, key: SortKey) -> Self {
        self.with(|f| {
            let next = f.sorting().clicked(key, Dir::Desc);
            (f.sort, f.dir) = (next.key, next.dir);
        })
    }

    /// Every filter removed; sort kept.
    pub fn without_filters(&self) -> Self {
        let Filters { sort, dir, .. } = self.filters;
        Self {
            filters: Filters {
                sort,
                dir,
                ..Filters::default()
            },
            page: 1,
        }
    }

    pub fn at_page(&self, page: usize) -> Self {
        Self {
            filters: self.filters.clone(),
            page: page.max(1),
        }
    }
}

impl Filters {
    /// The sort as the shared sortable header reads it.
    pub fn sorting(&self) -> Sort<SortKey> {
        Sort {
            key: self.sort,
            dir: self.dir,
        }
    }

    /// The time bounds in epoch milliseconds `[start, end)` at `now_ms`; custom dates are
    /// local days (`offset_min`: minutes the browser's zone is ahead of UTC).
    pub fn bounds(&self, now_ms: i64, offset_min: i64) -> (i64, i64) {
        let day_start = |d: NaiveDate| {
            let days = i64::from(d.num_days_from_ce() - 719_163);
            days * 86_400_000 - offset_min * 60_000
        };
        match self.range {
            None => (i64::MIN, i64::MAX),
            Some(Range::Custom) => (
                self.from.map_or(i64::MIN, day_start),
                self.to.map_or(i64::MAX, |d| day_start(d) + 86_400_000),
            ),
            Some(range) => {
                let hours = range.hours().unwrap_or(0);
                (now_ms - hours * 3_600_000, i64::MAX)
            }
        }
    }

    /// Whether anything narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.behaviors.is_empty()
            || self.level.is_some()
            || self.range.is_some()
            || !self.q.trim().is_empty()
    }
}

#[cfg(test)]
#[path = "view_state_tests.rs"]
mod tests;
