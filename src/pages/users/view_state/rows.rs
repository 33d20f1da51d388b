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

use super::{Column, UserFilters};
use crate::sort::{order, Sort};
use crate::text::lowercase;

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
pub fn sorted(users: &[UserRiskInfo], sort: Sort<Column>) -> Vec<usize> {
    let key = |on: bool, f: fn(&UserRiskInfo) -> u64| -> Vec<u64> {
        if on {
            users.iter().map(f).collect()
        } else {
            Vec::new()
        }
    };
    // Unknown levels rank 0 and, among themselves, compare as `RiskLevel` does (by text).
    let ranks = key(sort.key == Column::Level, |u| {
        u64::from(u.max_risk_level.rank())
    });
    let counts = key(sort.key == Column::Events, |u| u.event_count);
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
    let names = (sort.key == Column::Name).then(|| lowered(|u| &u.name));
    let emails = (sort.key == Column::Email).then(|| lowered(|u| &u.email));
    let name = |i: usize| -> Cow<str> {
        match &names {
            Some(names) => Cow::Borrowed(&names[i]),
            None => Cow::Owned(lowercase(&users[i].name)),
        }
    };
    let primary = |a: usize, b: usize| -> Ordering {
        match (sort.key, &emails) {
            (Column::Name, _) => name(a).cmp(&name(b)),
            (Column::Email, Some(emails)) => emails[a].cmp(&emails[b]),
            (Column::Email, None) => Ordering::Equal,
            (Column::Level, _) => ranks[a].cmp(&ranks[b]).then_with(|| match ranks[a] {
                0 => users[a].max_risk_level.cmp(&users[b].max_risk_level),
                _ => Ordering::Equal,
            }),
            (Column::Events, _) => counts[a].cmp(&counts[b]),
            (Column::LastEvent, _) => last[a].cmp(&last[b]),
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
    c: &UserFilters,
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
pub fn matching(
    users: &[UserRiskInfo],
    c: &UserFilters,
    sort: Sort<Column>,
    now: DateTime<Utc>,
) -> Vec<usize> {
    filtered(users, None, &sorted(users, sort), c, now)
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
