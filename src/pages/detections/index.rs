//! The Detections filter over the events index: one pass on every keystroke, never a sort
//! (the index is newest first; by level is four passes that keep that order).

use super::view_state::{Column, DetectionFilters};
use crate::sort::{Dir, Sort};
use crate::state::event_index::Index;
use crate::text::lowercase;
use zt_risk_api::RiskLevel;

/// Positions in `index.rows` of the events `f` shows, in display order; `bounds` are the time
/// range's `[start, end)` in epoch milliseconds (`DetectionFilters::bounds`).
pub fn filter(
    index: &Index,
    f: &DetectionFilters,
    sort: Sort<Column>,
    (start, end): (i64, i64),
) -> Vec<u32> {
    let behaviors: Vec<bool> = index
        .behaviors
        .iter()
        .map(|(name, _)| f.behaviors.is_empty() || f.behaviors.binary_search(name).is_ok())
        .collect();
    let needle = lowercase(f.q.trim());
    let users: Vec<bool> = index
        .users
        .iter()
        .map(|text| needle.is_empty() || text.contains(&needle))
        .collect();
    let level = f.level.as_ref().map(RiskLevel::rank);
    let mut shown: Vec<u32> = (0..index.rows.len() as u32)
        .filter(|&i| {
            let r = &index.rows[i as usize];
            r.at >= start
                && r.at < end
                && level.is_none_or(|l| r.level == l)
                && behaviors[r.behavior as usize]
                && users[r.user as usize]
        })
        .collect();
    match (sort.key, sort.dir) {
        (Column::Time, Dir::Desc) => shown,
        (Column::Time, Dir::Asc) => {
            shown.reverse();
            shown
        }
        // By level, newest first within a level: four passes keep the time order, no sort.
        (Column::Level, dir) => {
            let mut ranks = [3u8, 2, 1, 0];
            if dir == Dir::Asc {
                ranks.reverse();
            }
            let level = |i: &u32| index.rows[*i as usize].level;
            ranks
                .iter()
                .flat_map(|&rank| shown.iter().filter(move |i| level(i) == rank).copied())
                .collect()
        }
    }
}
