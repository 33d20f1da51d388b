//! The Users list's view: search, level filter, sort and page, as plain data and plain
//! functions (no DOM, no signals), so they are tested directly and stay fast at 50,000 users.
//!
//! The state lives in the URL query (`q`, `level`, `within`, `sort`, `dir`, `page`); defaults are left
//! out so the bare `/users` link is the default view.

use zt_risk_api::paths::encode_segment;
use zt_risk_api::RiskLevel;

use crate::sort::{Dir, Sort};

mod rows;
mod within;

pub use rows::{
    counts, filtered, matching, page_info, sorted, Counts, PageInfo, SearchKeys, PAGE_SIZE,
};
pub use within::Within;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Email,
    Level,
    Events,
    LastEvent,
}

impl SortKey {
    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Email => "email",
            Self::Level => "level",
            Self::Events => "events",
            Self::LastEvent => "last_event",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Name,
            Self::Email,
            Self::Level,
            Self::Events,
            Self::LastEvent,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// The direction a first click sorts in: text A→Z, numbers and times biggest first.
    pub fn natural_dir(self) -> Dir {
        match self {
            Self::Name | Self::Email => Dir::Asc,
            Self::Level | Self::Events | Self::LastEvent => Dir::Desc,
        }
    }
}

/// What the list shows: everything but the page, which a change here resets.
#[derive(Debug, Clone, PartialEq)]
pub struct Criteria {
    /// Search text, matched case-insensitively against name and email.
    pub q: String,
    /// Only this level, or all.
    pub level: Option<RiskLevel>,
    /// Only users whose last event is in this window, or all.
    pub within: Option<Within>,
    pub sort: SortKey,
    pub dir: Dir,
}

impl Default for Criteria {
    fn default() -> Self {
        Self {
            q: String::new(),
            level: None,
            within: None,
            sort: SortKey::Level,
            dir: Dir::Desc,
        }
    }
}

/// The whole view: criteria and a 1-based page.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub criteria: Criteria,
    pub page: usize,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            criteria: Criteria::default(),
            page: 1,
        }
    }
}

impl ViewState {
    /// Reads the state from decoded query values; anything unreadable falls back to the default.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let sort = get("sort").as_deref().and_then(SortKey::parse);
        let dir = get("dir").as_deref().and_then(Dir::parse);
        let sort = sort.unwrap_or(Criteria::default().sort);
        Self {
            criteria: Criteria {
                q: get("q").unwrap_or_default(),
                level: get("level").as_deref().and_then(RiskLevel::parse_known),
                within: get("within").as_deref().and_then(Within::parse),
                sort,
                dir: dir.unwrap_or(sort.natural_dir()),
            },
            page: get("page")
                .and_then(|p| p.parse::<usize>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The query string (with `?`, or empty for the default view), values percent-encoded.
    pub fn to_query(&self) -> String {
        let c = &self.criteria;
        let mut parts = Vec::new();
        if !c.q.is_empty() {
            parts.push(format!("q={}", encode_segment(&c.q)));
        }
        if let Some(level) = &c.level {
            parts.push(format!("level={}", level.as_str()));
        }
        if let Some(within) = c.within {
            parts.push(format!("within={}", within.as_str()));
        }
        if c.sort != Criteria::default().sort {
            parts.push(format!("sort={}", c.sort.as_str()));
        }
        if c.dir != c.sort.natural_dir() {
            parts.push(format!("dir={}", c.dir.as_str()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The same view with other criteria, back on page 1.
    pub fn with(&self, change: impl FnOnce(&mut Criteria)) -> Self {
        let mut criteria = self.criteria.clone();
        change(&mut criteria);
        Self { criteria, page: 1 }
    }

    /// Sorted by `key`: a second click on the same column reverses it.
    pub fn sorted_by(&self, key: SortKey) -> Self {
        self.with(|c| {
            let next = c.sorting().clicked(key, key.natural_dir());
            (c.sort, c.dir) = (next.key, next.dir);
        })
    }

    /// Search, level and recency filters removed; sort kept.
    pub fn without_filters(&self) -> Self {
        self.with(|c| {
            c.q.clear();
            c.level = None;
            c.within = None;
        })
    }

    pub fn at_page(&self, page: usize) -> Self {
        Self {
            criteria: self.criteria.clone(),
            page: page.max(1),
        }
    }
}

impl Criteria {
    /// The sort column and direction, as the shared sortable header reads them.
    pub fn sorting(&self) -> Sort<SortKey> {
        Sort {
            key: self.sort,
            dir: self.dir,
        }
    }

    /// Whether search, level or recency narrows the list.
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty() || self.level.is_some() || self.within.is_some()
    }
}
