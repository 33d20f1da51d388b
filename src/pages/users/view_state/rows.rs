//! The rows a view shows: filtering, sorting, paging and per-level counts over the summary.
//! Plain functions over slices; text keys are lowered once so 10,000 users sort quickly.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::{Criteria, SortKey};
use crate::text::lowercase;

/// Rows per page.
pub const PAGE_SIZE: usize = 50;

/// Indices into `users` of the rows that match, in display order; `now` anchors the recency
/// filter.
pub fn matching(users: &[UserRiskInfo], c: &Criteria, now: DateTime<Utc>) -> Vec<usize> {
    let needle = lowercase(c.q.trim());
    let mut rows: Vec<usize> = (0..users.len())
        .filter(|&i| {
            let u = &users[i];
            c.level.as_ref().is_none_or(|l| &u.max_risk_level == l)
                && c.within.is_none_or(|w| w.contains(u.last_event, now))
                && (needle.is_empty()
                    || lowercase(&u.name).contains(&needle)
                    || lowercase(&u.email).contains(&needle))
        })
        .collect();
    // Text keys are lowered once, not in every comparison.
    let lowered = |f: fn(&UserRiskInfo) -> &str| -> Vec<String> {
        users.iter().map(|u| lowercase(f(u))).collect()
    };
    let names = lowered(|u| &u.name);
    let newest_first = |a: &UserRiskInfo, b: &UserRiskInfo| b.last_event.cmp(&a.last_event);
    let by_name = |a: usize, b: usize| names[a].cmp(&names[b]);
    let primary: Box<dyn Fn(usize, usize) -> Ordering> = match c.sort {
        SortKey::Name => Box::new(by_name),
        SortKey::Email => {
            let emails = lowered(|u| &u.email);
            Box::new(move |a, b| emails[a].cmp(&emails[b]))
        }
        SortKey::Level => Box::new(|a, b| users[a].max_risk_level.cmp(&users[b].max_risk_level)),
        SortKey::Events => Box::new(|a, b| users[a].event_count.cmp(&users[b].event_count)),
        SortKey::LastEvent => Box::new(|a, b| users[a].last_event.cmp(&users[b].last_event)),
    };
    rows.sort_by(|&a, &b| {
        let first = c.dir.apply(primary(a, b));
        // Ties: newest activity first, then name, then id, so the order is always the same.
        first
            .then_with(|| newest_first(&users[a], &users[b]))
            .then_with(|| by_name(a, b))
            .then_with(|| users[a].user_id.cmp(&users[b].user_id))
    });
    rows
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
