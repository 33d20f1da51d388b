//! A flat index over every loaded event, kept up to date as the events store changes
//! (`EventsStore::index`) and read by Detections' filter and Overview's charts. Rows are small
//! numbers (positions, epoch millis, level rank) kept newest first, so a pass over 100,000
//! events allocates nothing per row.
//!
//! While a load runs, results arrive a few hundred at a time: [`update`] takes in only the users
//! that changed since the index it is given (their rows sorted, then merged into the others in
//! one pass) instead of sorting every event again, so each publish stays a few milliseconds at
//! 170,000 events.

use std::cmp::Reverse;
use std::sync::Arc;

use super::events::{Events, Loaded};
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

impl Row {
    /// Newest first; ties by user, then by event: a total order.
    fn key(&self) -> (Reverse<i64>, u32, u32) {
        (Reverse(self.at), self.user, self.event)
    }
}

/// Every loaded event as a [`Row`], newest first.
#[derive(Debug, Default)]
pub struct Index {
    pub rows: Vec<Row>,
    /// Behavior names, sorted, with how many events each has.
    pub behaviors: Vec<(String, usize)>,
    /// Per user: name and email, lowercased, for the search.
    pub users: Vec<Arc<str>>,
    /// The state of the store this index holds: its emptying count and how many of its
    /// changes it took in.
    covers: (u64, usize),
}

/// Builds the index of everything in `events`.
pub fn build(events: &Events) -> Index {
    let (epoch, changed) = events.changes();
    let users = events.users();
    let mut names: Vec<&str> = Vec::new();
    for l in users {
        add_names(&mut names, l);
    }
    let mut rows = Vec::with_capacity(events.event_count());
    for (u, l) in users.iter().enumerate() {
        push_rows(&mut rows, u as u32, l, &names);
    }
    rows.sort_unstable_by_key(Row::key);
    Index {
        behaviors: counted(names, &rows),
        rows,
        users: users.iter().map(|l| search_text(l)).collect(),
        covers: (epoch, changed.len()),
    }
}

/// `previous` brought up to `events`: the users changed since it was made are taken out and put
/// back with their current events; a whole build when there is no previous index, the store was
/// emptied since, or most users changed.
pub fn update(previous: Option<&Index>, events: &Events) -> Index {
    let (epoch, changed) = events.changes();
    let Some(previous) = previous.filter(|p| p.covers.0 == epoch && p.covers.1 <= changed.len())
    else {
        return build(events);
    };
    let users = events.users();
    let fresh = &changed[previous.covers.1..];
    if fresh.len() * 2 > users.len() {
        return build(events);
    }
    let mut dirty = vec![false; users.len()];
    let mut order: Vec<u32> = Vec::with_capacity(fresh.len());
    for &u in fresh {
        if !std::mem::replace(&mut dirty[u as usize], true) {
            order.push(u);
        }
    }
    // Names: the previous ones plus any new; old positions are mapped onto the new list.
    let mut names: Vec<&str> = previous.behaviors.iter().map(|(n, _)| n.as_str()).collect();
    for &u in &order {
        add_names(&mut names, &users[u as usize]);
    }
    let remap: Vec<u16> = previous
        .behaviors
        .iter()
        .map(|(n, _)| names.binary_search(&n.as_str()).unwrap_or(0) as u16)
        .collect();
    let mut added = Vec::new();
    for &u in &order {
        push_rows(&mut added, u, &users[u as usize], &names);
    }
    added.sort_unstable_by_key(Row::key);
    let kept = previous
        .rows
        .iter()
        .filter(|r| !dirty.get(r.user as usize).copied().unwrap_or(true))
        .map(|r| Row {
            behavior: remap.get(r.behavior as usize).copied().unwrap_or(0),
            ..*r
        });
    let mut rows = merge(kept, added, previous.rows.len());
    let mut behaviors = counted(names, &rows);
    if behaviors.iter().any(|(_, n)| *n == 0) {
        drop_unused(&mut behaviors, &mut rows);
    }
    // Same emptying count: the store only grew or replaced users since `previous`.
    let mut texts = previous.users.clone();
    for &u in &order {
        let text = search_text(&users[u as usize]);
        match texts.get_mut(u as usize) {
            Some(slot) => *slot = text,
            None => texts.push(text),
        }
    }
    Index {
        behaviors,
        rows,
        users: texts,
        covers: (epoch, changed.len()),
    }
}

/// Adds the names of `l`'s events that `names` (sorted) does not hold yet.
fn add_names<'a>(names: &mut Vec<&'a str>, l: &'a Loaded) {
    for event in &l.detail.events {
        if let Err(i) = names.binary_search(&event.name.as_str()) {
            names.insert(i, &event.name);
        }
    }
}

/// Appends the rows of user `u`'s events (`names` holds every name they use).
fn push_rows(rows: &mut Vec<Row>, u: u32, l: &Loaded, names: &[&str]) {
    rows.extend(l.detail.events.iter().enumerate().map(|(e, event)| Row {
        user: u,
        event: e as u32,
        at: event.timestamp.timestamp_millis(),
        level: event.risk_level.rank(),
        behavior: names.binary_search(&event.name.as_str()).unwrap_or(0) as u16,
    }));
}

/// Two runs newest first merged into one.
fn merge(kept: impl Iterator<Item = Row>, added: Vec<Row>, capacity: usize) -> Vec<Row> {
    let mut rows = Vec::with_capacity(capacity.max(added.len()));
    let mut added = added.into_iter().peekable();
    for row in kept {
        while let Some(next) = added.next_if(|a| a.key() < row.key()) {
            rows.push(next);
        }
        rows.push(row);
    }
    rows.extend(added);
    rows
}

/// `names` with how many of `rows` each one has.
fn counted(names: Vec<&str>, rows: &[Row]) -> Vec<(String, usize)> {
    let mut counts = vec![0; names.len()];
    for r in rows {
        if let Some(c) = counts.get_mut(r.behavior as usize) {
            *c += 1;
        }
    }
    names.into_iter().map(str::to_owned).zip(counts).collect()
}

/// Takes out the names no row has any more (the users who had them were loaded again).
fn drop_unused(behaviors: &mut Vec<(String, usize)>, rows: &mut [Row]) {
    let mut next = 0u16;
    let remap: Vec<u16> = behaviors
        .iter()
        .map(|(_, n)| {
            let at = next;
            next += u16::from(*n > 0);
            at
        })
        .collect();
    for r in rows {
        r.behavior = remap[r.behavior as usize];
    }
    behaviors.retain(|(_, n)| *n > 0);
}

/// What the search looks in: the user's name and email, lowercased.
fn search_text(l: &Loaded) -> Arc<str> {
    lowercase(&format!("{}\n{}", l.detail.name, l.detail.email)).into()
}

#[cfg(test)]
#[path = "event_index_tests.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "event_index_props.rs"]
mod props;
