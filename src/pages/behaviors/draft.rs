//! The Behaviors page's unsaved edits as pure data: the settings as loaded, the edits on top,
//! and the `PUT /behaviors` body they amount to.
//!
//! No signals, DOM or API calls here, so the rules can be tested on their own.

use std::collections::BTreeMap;

use zt_risk_api::{BehaviorUpdate, RiskLevel};

use super::merge::{three_way, Merge, Side};

/// Settings by behavior id.
pub type Settings = BTreeMap<String, BehaviorUpdate>;

/// The loaded settings and the admin's edits; only edits that differ from the original are kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BehaviorsDraft {
    original: Settings,
    edits: Settings,
}

impl BehaviorsDraft {
    /// A draft without edits over `original`.
    pub fn new(original: Settings) -> Self {
        Self {
            original,
            edits: Settings::new(),
        }
    }

    /// The setting as the admin currently sees it (edited, else as loaded).
    pub fn current(&self, id: &str) -> Option<&BehaviorUpdate> {
        self.edits.get(id).or_else(|| self.original.get(id))
    }

    /// The setting as loaded (the "before" of a change).
    pub fn original(&self, id: &str) -> Option<&BehaviorUpdate> {
        self.original.get(id)
    }

    /// Switches a behavior on or off; unknown ids are ignored.
    pub fn set_enabled(&mut self, id: &str, enabled: bool) {
        self.edit(id, |s| s.enabled = enabled);
    }

    /// Picks a level; an unknown level cannot be picked, so it is ignored.
    pub fn set_level(&mut self, id: &str, level: RiskLevel) {
        if level.is_known() {
            self.edit(id, |s| s.risk_level = level);
        }
    }

    fn edit(&mut self, id: &str, change: impl FnOnce(&mut BehaviorUpdate)) {
        let Some(mut setting) = self.current(id).cloned() else {
            return;
        };
        change(&mut setting);
        if self.original.get(id) == Some(&setting) {
            self.edits.remove(id);
        } else {
            self.edits.insert(id.to_owned(), setting);
        }
    }

    /// Whether this behavior differs from what was loaded.
    pub fn is_changed(&self, id: &str) -> bool {
        self.edits.contains_key(id)
    }

    /// How many behaviors differ from what was loaded.
    pub fn count(&self) -> usize {
        self.edits.len()
    }

    pub fn is_dirty(&self) -> bool {
        !self.edits.is_empty()
    }

    /// Only the behaviors whose `enabled` or level differs: the body of one `PUT /behaviors`.
    pub fn changes(&self) -> Settings {
        self.edits.clone()
    }

    /// Changed behaviors that still have an unknown level, which the API would reject:
    /// the admin must pick a level for them before saving.
    pub fn needs_level(&self) -> Vec<String> {
        self.edits
            .iter()
            .filter(|(_, s)| !s.risk_level.is_known())
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Takes an imported file's settings as edits (over any made by hand); ids the account
    /// does not have are ignored (the import check has refused them already).
    pub fn import(&mut self, file: Settings) {
        for (id, setting) in file {
            match self.original.get(&id) {
                Some(o) if *o == setting => {
                    self.edits.remove(&id);
                }
                Some(_) => {
                    self.edits.insert(id, setting);
                }
                None => {}
            }
        }
    }

    /// Compares the draft with the server's current settings (see `merge::three_way`).
    pub fn merge(&self, theirs: Settings) -> Merge {
        three_way(&self.original, theirs, &self.edits)
    }

    /// Settles `merge`'s conflicts as `choices` say (theirs drops the edit, yours keeps it)
    /// and rebases the draft onto the server's settings, so the next save compares with them.
    pub fn resolve(&mut self, merge: &Merge, choices: &BTreeMap<String, Side>) {
        for conflict in &merge.conflicts {
            if choices.get(&conflict.id) == Some(&Side::Theirs) {
                self.edits.remove(&conflict.id);
            }
        }
        self.rebase(merge.theirs.clone());
    }

    /// Drops every edit.
    pub fn discard(&mut self) {
        self.edits.clear();
    }

    /// Records `saved` as the new original; edits made since the save was sent stay.
    pub fn apply_saved(&mut self, saved: &Settings) {
        let mut original = self.original.clone();
        for (id, setting) in saved {
            if let Some(slot) = original.get_mut(id) {
                *slot = setting.clone();
            }
        }
        self.rebase(original);
    }

    /// Replaces the original (a reload); edits that now match it, or whose behavior is
    /// gone, are dropped.
    pub fn rebase(&mut self, original: Settings) {
        self.edits
            .retain(|id, s| original.get(id).is_some_and(|o| o != s));
        self.original = original;
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
