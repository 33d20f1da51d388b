//! The rows a view shows: sorting, filtering, paging and per-level counts over the summary.
//! Plain functions over slices.
//!
//! Built for 50,000 users per keystroke: the sorted order depends only on the sort, so a page
//! keeps it and a keystroke only filters it ([`filtered`]); the lowercased search text is made
//! once per summary ([`SearchIndex`]), not per keystroke; sorting by level, events or time
//! lowers no text at all (a name is lowered only to break a tie).

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::search::SearchIndex;
use super::{Column, UserFilters};
use crate::sort::{Dir, Sort};
use crate::text::lowercase;

/// Indices into `users` of every user, in the order of `sort`. Ties: newest activity first,
/// then name, then id, so the order is always the same.
///
/// Sorting 50,000 users compares about 750,000 pairs, so the keys every comparison reads sit in
/// small arrays of their own (a level rank, a timestamp) instead of in the users themselves,
/// and the sort moves those numbers, not positions into them.
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
    let full = |a: usize, b: usize| {
        sort.dir
            .apply(primary(a, b))
            .then_with(|| last[b].cmp(&last[a]))
            .then_with(|| name(a).cmp(&name(b)))
            .then_with(|| users[a].user_id.cmp(&users[b].user_id))
            .then(a.cmp(&b))
    };
    // Each user's (primary, newest first) as two numbers, sorted in place with the user's
    // position: most pairs differ there and compare as integers; `full` decides the rest.
    let keys = |i: usize| -> (u64, u128) {
        let desc = |on: bool, x: u64| if on { !x } else { x };
        let newest_first = !instant(last[i]);
        let descending = sort.dir == Dir::Desc;
        match sort.key {
            // Unknown levels compare by text before time: only the rank is known here.
            Column::Level if ranks[i] == 0 => (desc(descending, 0), 0),
            Column::Level => (desc(descending, ranks[i]), newest_first),
            Column::Events => (desc(descending, counts[i]), newest_first),
            Column::LastEvent if descending => (0, newest_first),
            Column::LastEvent => (0, instant(last[i])),
            Column::Name | Column::Email => (0, 0),
        }
    };
    let mut keyed: Vec<((u64, u128), usize)> = (0..users.len()).map(|i| (keys(i), i)).collect();
    keyed.sort_unstable_by(|(x, a), (y, b)| x.cmp(y).then_with(|| full(*a, *b)));
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A time `(seconds, nanoseconds)` as one number in the same order.
fn instant((secs, nanos): (i64, u32)) -> u128 {
    (u128::from(secs.cast_unsigned() ^ (1 << 63)) << 32) | u128::from(nanos)
}

/// The rows of `order` (from [`sorted`]) that match the filters of `c`, in that order; `now`
/// anchors the recency filter. Search text is looked up in `index` (made once per summary);
/// without it each name and email is lowered on the spot.
pub fn filtered(
    users: &[UserRiskInfo],
    index: Option<&SearchIndex>,
    order: &[usize],
    c: &UserFilters,
    now: DateTime<Utc>,
) -> Vec<usize> {
    let needle = lowercase(c.q.trim());
    let hits = index.and_then(|index| index.hits(&needle));
    let text = |i: usize| match &hits {
        _ if needle.is_empty() => true,
        Some(hits) => hits[i],
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
            text(i)
                && c.level.as_ref().is_none_or(|l| &u.max_risk_level == l)
                && c.within.is_none_or(|w| w.contains(u.last_event, now))
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
