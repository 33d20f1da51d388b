//! The overview's numbers as plain functions (no DOM, no signals): users by recency, the
//! users who became risky lately, events per day, per level and per behavior.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use zt_risk_api::UserRiskInfo;

use crate::state::event_index::Row;
use crate::state::events::Events;
use crate::view_state::Window;

const DAY_MS: i64 = 86_400_000;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Users per `Window::USERS` window, counted exactly as the users list filters
/// (`Window::contains`).
pub fn recency(users: &[UserRiskInfo], now: DateTime<Utc>) -> [(Window, usize); 4] {
    Window::USERS.map(|w| {
        let count = users
            .iter()
            .filter(|u| w.contains(u.last_event, now))
            .count();
        (w, count)
    })
}

/// Loaded users (positions in `Events::users`) whose first event since their last reset is at
/// most 24 hours old: they became risky in the last 24 hours. Most recent activity first
/// (`rows`, the events index, is newest first).
pub fn newly_risky(events: &Events, rows: &[Row], now: DateTime<Utc>) -> Vec<usize> {
    let mut flagged: Vec<bool> = events
        .users()
        .iter()
        .map(|l| {
            let reset = l.detail.last_reset_time;
            let first = l
                .detail
                .events
                .iter()
                .map(|e| e.timestamp)
                .filter(|t| reset.is_none_or(|r| *t > r))
                .min();
            first.is_some_and(|first| now - first <= Duration::hours(24))
        })
        .collect();
    let mut found = Vec::new();
    for row in rows {
        let user = row.user as usize;
        if flagged.get(user) == Some(&true) {
            flagged[user] = false;
            found.push(user);
        }
    }
    found
}

/// Events per local day over the last `days` days (today last): the day number (days since
/// 1970-01-01, local) and the count. `offset_min`: minutes the zone is ahead of UTC.
pub fn per_day(rows: &[Row], now_ms: i64, offset_min: i64, days: i64) -> Vec<(i64, usize)> {
    let day = |ms: i64| (ms + offset_min * 60_000).div_euclid(DAY_MS);
    let today = day(now_ms);
    let first = today - days + 1;
    let mut counts = vec![0; days.max(0) as usize];
    for r in rows {
        let d = day(r.at);
        if (first..=today).contains(&d) {
            counts[(d - first) as usize] += 1;
        }
    }
    (first..=today).zip(counts).collect()
}

/// The date of a day number of [`per_day`].
pub fn day_date(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(Duration::days(day))
}

/// "12 Nov" for a day number of [`per_day`].
pub fn day_label(day: i64) -> String {
    day_date(day).map_or_else(String::new, |d| {
        format!("{} {}", d.day(), MONTHS[d.month0() as usize])
    })
}

/// Events per level rank: `[unknown, low, medium, high]`.
pub fn per_level(rows: &[Row]) -> [usize; 4] {
    rows.iter().fold([0; 4], |mut n, r| {
        n[usize::from(r.level.min(3))] += 1;
        n
    })
}

/// The `k` behaviors with the most events, most first; ties keep the order of `behaviors`
/// (by name). A few passes, no sort: there are a handful of behaviors.
pub fn top(behaviors: &[(String, usize)], k: usize) -> Vec<(String, usize)> {
    let mut left = behaviors.to_vec();
    let mut top = Vec::new();
    while top.len() < k && !left.is_empty() {
        let mut best = 0;
        for (i, b) in left.iter().enumerate() {
            if b.1 > left[best].1 {
                best = i;
            }
        }
        top.push(left.remove(best));
    }
    top
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
