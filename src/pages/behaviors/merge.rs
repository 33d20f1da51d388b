//! The three-way merge run before a save: what changed on the server since the draft was
//! started (original → theirs) against what the draft changes (original → yours).
//!
//! Pure data, no signals or requests; the page re-reads the server and applies the outcome.

use std::collections::BTreeMap;

use zt_risk_api::BehaviorUpdate;

use super::draft::Settings;

/// A behavior changed both on the server and in the draft, to different settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub id: String,
    /// As it was when the draft started (`None`: the behavior is new on the server).
    pub original: Option<BehaviorUpdate>,
    pub theirs: BehaviorUpdate,
    pub yours: BehaviorUpdate,
}

/// Which side of a conflict the admin keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Theirs,
    Yours,
}

/// The outcome of comparing the draft with the server's current settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Merge {
    /// The server's settings as just read.
    pub theirs: Settings,
    /// Behaviors changed on both sides to different settings, by id.
    pub conflicts: Vec<Conflict>,
    /// Draft edits of behaviors the server no longer has (dropped: the API would refuse them).
    pub gone: Vec<String>,
}

impl Merge {
    /// Whether `choices` settles every conflict.
    pub fn is_resolved(&self, choices: &BTreeMap<String, Side>) -> bool {
        self.conflicts.iter().all(|c| choices.contains_key(&c.id))
    }
}

/// Compares `edits` (the draft over `original`) with `theirs`. A behavior the server changed
/// that the draft did not touch merges silently (the draft adopts it and never sends it); the
/// same change made on both sides is no conflict.
pub fn three_way(original: &Settings, theirs: Settings, edits: &Settings) -> Merge {
    let mut conflicts = Vec::new();
    let mut gone = Vec::new();
    for (id, yours) in edits {
        match theirs.get(id) {
            None => gone.push(id.clone()),
            Some(t) if t != yours && original.get(id) != Some(t) => conflicts.push(Conflict {
                id: id.clone(),
                original: original.get(id).cloned(),
                theirs: t.clone(),
                yours: yours.clone(),
            }),
            Some(_) => {}
        }
    }
    Merge {
        theirs,
        conflicts,
        gone,
    }
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "merge_props.rs"]
mod props;
