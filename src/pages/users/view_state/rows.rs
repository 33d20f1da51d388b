//! The rows a view shows: sorting, filtering, paging and per-level counts over the summary.
//! Plain functions over slices.
//!
//! Built for 50,000 users per keystroke: the sorted order depends only on the sort, so a page
//! keeps it and a keystroke only filters it ([`filtered`]); the lowercased search keys are
//! made once per summary ([`SearchKeys`]), not per keystroke; sorting by level, events or time
//! lowers no text at all (a name is lowered only to break a tie).

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::{Criteria, SortKey};
use crate::sort::order;
use crate::sort::Sort;
use crate::text::lowercase;

/// Rows per page.
pub const PAGE_SIZE: usize = 50;

/// Every user's name and email, lowercased once, for case-insensitive search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKeys {
    names: Vec<String>,
    emails: Vec<String>,
}

impl SearchKeys {
    pub fn new(users: &[UserRiskInfo]) -> Self {
        Self {
            names: users.iter().map(|u| lowercase(&u.name)).collect(),
            emails: users.iter().map(|u| lowercase(&u.email)).collect(),
        }
    }

    /// Whether user `i`'s name or email contains `needle` (already lowercased).
    fn matches(&self, i: usize, needle: &str) -> bool {
        self.names[i].contains(needle) || self.emails[i].contains(needle)
    }
}

/// Indices into `users` of every user, in the order of `sort`. Ties: newest activity first,
/// then name, then id, so the order is always the same.
///
/// Sorting 50,000 users compares about 750,000 pairs, so the keys every comparison reads sit in
/// small arrays of their own (a level rank, a timestamp) instead of in the users themselves.
pub fn sorted(users: &[UserRiskInfo], sort: Sort<SortKey>) -> Vec<usize> {
    let key = |on: bool, f: fn(&UserRiskInfo) -> u64| -> Vec<u64> {
        if on {
            users.iter().map(f).collect()
        } else {
            Vec::new()
        }
    };
    // Unknown levels rank 0 and, among themselves, compare as `RiskLevel` does (by text).
    let ranks = key(sort.key == SortKey::Level, |u| {
        u64::from(u.max_risk_level.rank())
    });
    let counts = key(sort.key == SortKey::Events, |u| u.event_count);
    let last: Vec<(i64, u32)> = users
        .iter()
        .map(|u| {
            (
                u.last_event.timestamp(),
                u.last_event.timestamp_subsec_nanos(),
            )
        })
        .collect();
    let lowered = |f: fn(&UserRiskInfo) -> &str| -> Vec<String> {
        users.iter().map(|u| lowercase(f(u))).collect()
    };
    // Text keys are lowered once, and only for the text column being sorted.
    let names = (sort.key == SortKey::Name).then(|| lowered(|u| &u.name));
    let emails = (sort.key == SortKey::Email).then(|| lowered(|u| &u.email));
    let name = |i: usize| -> Cow<str> {
        match &names {
            Some(names) => Cow::Borrowed(&names[i]),
            None => Cow::Owned(lowercase(&users[i].name)),
        }
    };
    let primary = |a: usize, b: usize| -> Ordering {
        match (sort.key, &emails) {
            (SortKey::Name, _) => name(a).cmp(&name(b)),
            (SortKey::Email, Some(emails)) => emails[a].cmp(&emails[b]),
            (SortKey::Email, None) => Ordering::Equal,
            (SortKey::Level, _) => ranks[a].cmp(&ranks[b]).then_with(|| match ranks[a] {
                0 => users[a].max_risk_level.cmp(&users[b].max_risk_level),
                _ => Ordering::Equal,
            }),
            (SortKey::Events, _) => counts[a].cmp(&counts[b]),
            (SortKey::LastEvent, _) => last[a].cmp(&last[b]),
        }
    };
    order(users.len(), &|a, b| {
        sort.dir
            .apply(primary(a, b))
            .then_with(|| last[b].cmp(&last[a]))
            .then_with(|| name(a).cmp(&name(b)))
            .then_with(|| users[a].user_id.cmp(&users[b].user_id))
    })
}

/// The rows of `order` (from [`sorted`]) that match the filters of `c`, in that order; `now`
/// anchors the recency filter. Search text is looked up in `keys` (made once per summary);
/// without them each name and email is lowered on the spot.
pub fn filtered(
    users: &[UserRiskInfo],
    keys: Option<&SearchKeys>,
    order: &[usize],
    c: &Criteria,
    now: DateTime<Utc>,
) -> Vec<usize> {
    let needle = lowercase(c.q.trim());
    let text = |i: usize| match keys {
        _ if needle.is_empty() => true,
        Some(keys) => keys.matches(i, &needle),
        None => {
            lowercase(&users[i].name).contains(&needle)
                || lowercase(&users[i].email).contains(&needle)
        }
    };
    order
        .iter()
        .copied()
        .filter(|&i| {
            let u = &users[i];
            c.level.as_ref().is_none_or(|l| &u.max_risk_level == l)
                && c.within.is_none_or(|w| w.contains(u.last_event, now))
                && text(i)
        })
        .collect()
}

/// Indices into `users` of the rows that match `c`, in display order: [`sorted`] then
/// [`filtered`] in one call, for a one-off list (a page keeps the order between keystrokes).
pub fn matching(users: &[UserRiskInfo], c: &Criteria, now: DateTime<Utc>) -> Vec<usize> {
    filtered(users, None, &sorted(users, c.sorting()), c, now)
}

/// Where a page sits in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    /// The shown page (1-based), clamped to the last one.
    pub page: usize,
    pub pages: usize,
    /// Index range of the rows on this page.
    pub start: usize,
    pub end: usize,
    pub total: usize,
}

/// The page `requested` of a list of `total` rows.
pub fn page_info(total: usize, requested: usize) -> PageInfo {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = requested.clamp(1, pages);
    let start = ((page - 1) * PAGE_SIZE).min(total);
    PageInfo {
        page,
        pages,
        start,
        end: (start + PAGE_SIZE).min(total),
        total,
    }
}

/// Users per level, over the whole summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub total: usize,
}

pub fn counts(users: &[UserRiskInfo]) -> Counts {
    users.iter().fold(
        Counts {
            total: users.len(),
            ..Counts::default()
        },
        |mut n, u| {
            match u.max_risk_level {
                RiskLevel::High => n.high += 1,
                RiskLevel::Medium => n.medium += 1,
                RiskLevel::Low => n.low += 1,
                RiskLevel::Unknown(_) => {}
            }
            n
        },
    )
}
