//! A flat index over every loaded event, built once each time the events store changes
//! (`EventsStore::index`) and read by Detections' filter and Overview's charts. Rows are small
//! numbers (positions, epoch millis, level rank) kept newest first, so a pass over 100,000
//! events allocates nothing per row.

use super::events::Events;
use crate::sort::{order, permute};
use crate::text::lowercase;

/// One event: where it is in the store, and what the filters look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Position of the user in `Events::users()`.
    pub user: u32,
    /// Position of the event in that user's events.
    pub event: u32,
    /// Epoch milliseconds.
    pub at: i64,
    /// [`RiskLevel::rank`](zt_risk_api::RiskLevel::rank): 0 unknown, 1 low, 2 medium, 3 high.
    pub level: u8,
    /// Position of the event's name in [`Index::behaviors`].
    pub behavior: u16,
}

/// Every loaded event as a [`Row`], newest first.
#[derive(Debug, Default)]
pub struct Index {
    pub rows: Vec<Row>,
    /// Behavior names, sorted, with how many events each has.
    pub behaviors: Vec<(String, usize)>,
    /// Per user: name and email, lowercased, for the search.
    pub users: Vec<String>,
}

/// Builds the index of everything in `events`.
pub fn build(events: &Events) -> Index {
    let users = events.users();
    let all = || {
        users.iter().enumerate().flat_map(|(u, l)| {
            l.detail
                .events
                .iter()
                .enumerate()
                .map(move |(e, ev)| (u, e, ev))
        })
    };
    let mut names: Vec<&str> = Vec::new();
    for (_, _, event) in all() {
        if let Err(i) = names.binary_search(&event.name.as_str()) {
            names.insert(i, &event.name);
        }
    }
    let mut counts = vec![0; names.len()];
    let rows: Vec<Row> = all()
        .map(|(u, e, event)| {
            let behavior = names.binary_search(&event.name.as_str()).unwrap_or(0);
            counts[behavior] += 1;
            Row {
                user: u as u32,
                event: e as u32,
                at: event.timestamp.timestamp_millis(),
                level: event.risk_level.rank(),
                behavior: behavior as u16,
            }
        })
        .collect();
    let key = |r: &Row| (std::cmp::Reverse(r.at), r.user, r.event);
    let newest_first = order(rows.len(), &|a, b| key(&rows[a]).cmp(&key(&rows[b])));
    Index {
        rows: permute(rows, &newest_first),
        behaviors: names.into_iter().map(str::to_owned).zip(counts).collect(),
        users: users
            .iter()
            .map(|l| lowercase(&format!("{}\n{}", l.detail.name, l.detail.email)))
            .collect(),
    }
}
