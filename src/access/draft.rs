//! A draft of risk rule changes to one reusable policy: the policy as read when editing began
//! (its base) and the edits made since, each adding or removing a `user_risk_score` rule. The
//! rule lists to send are the base's with the edits applied; every other rule, and every other
//! member, goes back as read (`zt_risk_api::access::update_body`).
//!
//! Kept as edits, not as edited lists, so that when the policy changed elsewhere meanwhile the
//! same edits can be applied to the new version ([`RiskDraft::rebase`]). Plain data, no DOM.

use zt_risk_api::access::{
    update_body, Policy, PolicyUpdate, Position, Rule, RuleLists, ScoreLevel, UpdateError,
    UPDATE_MEMBERS,
};
use zt_risk_api::validate::FieldError;

/// The form field an added rule's levels are checked as (`FormErrors`).
pub const LEVELS_FIELD: &str = "levels";

/// One change to the rule lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Appends `user_risk_score` of these levels at `position`.
    Add {
        position: Position,
        levels: Vec<ScoreLevel>,
    },
    /// Removes the first rule at `position` whose JSON text is this rule's.
    Remove { position: Position, rule: Rule },
}

/// The edits to one reusable policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskDraft {
    base: Policy,
    edits: Vec<Edit>,
}

impl RiskDraft {
    /// A draft of `base` (the policy as just read) with no edit yet.
    pub fn new(base: Policy) -> Self {
        Self {
            base,
            edits: Vec::new(),
        }
    }

    /// The policy as read when editing began (or as rebased on).
    pub fn base(&self) -> &Policy {
        &self.base
    }

    /// The base policy's id.
    pub fn id(&self) -> &str {
        self.base.id().unwrap_or_default()
    }

    /// The base's rule lists.
    pub fn before(&self) -> RuleLists {
        RuleLists::of(&self.base)
    }

    /// The rule lists with every edit applied.
    pub fn after(&self) -> RuleLists {
        let mut lists = self.before();
        for edit in &self.edits {
            match edit {
                Edit::Add { position, levels } => {
                    lists.get_mut(*position).push(Rule::user_risk_score(levels))
                }
                Edit::Remove { position, rule } => {
                    let list = lists.get_mut(*position);
                    if let Some(i) = list.iter().position(|r| r == rule) {
                        list.remove(i);
                    }
                }
            }
        }
        lists
    }

    /// Whether saving would change the policy's rules.
    pub fn is_dirty(&self) -> bool {
        self.after() != self.before()
    }

    /// Adds a risk rule of `levels` at `position` (levels in the console's order, each once).
    /// Refused when no level is chosen or the same rule is already there.
    pub fn add(&mut self, position: Position, levels: &[ScoreLevel]) -> Result<(), FieldError> {
        let levels: Vec<ScoreLevel> = ScoreLevel::ALL
            .into_iter()
            .filter(|l| levels.contains(l))
            .collect();
        if levels.is_empty() {
            return Err(FieldError::new(LEVELS_FIELD, "Choose at least one level."));
        }
        let rule = Rule::user_risk_score(&levels);
        if self.after().get(position).contains(&rule) {
            return Err(FieldError::new(
                LEVELS_FIELD,
                format!("{} already has this rule.", position.label()),
            ));
        }
        self.edits.push(Edit::Add { position, levels });
        Ok(())
    }

    /// Removes the rule at `index` of the edited list at `position`, if it is a risk rule (the
    /// console changes no other rule).
    pub fn remove(&mut self, position: Position, index: usize) {
        let after = self.after();
        if let Some(rule) = after
            .get(position)
            .get(index)
            .filter(|r| r.risk_levels().is_some())
        {
            self.edits.push(Edit::Remove {
                position,
                rule: rule.clone(),
            });
        }
    }

    /// Forgets every edit.
    pub fn discard(&mut self) {
        self.edits.clear();
    }

    /// Makes `theirs` (the policy as re-read, changed elsewhere) the base and keeps the edits:
    /// they apply to it as they did to the old base (a removal of a rule that is gone does
    /// nothing).
    pub fn rebase(&mut self, theirs: Policy) {
        self.base = theirs;
    }

    /// The members an update sends that `theirs` (the policy as re-read) holds otherwise than
    /// the base: empty when nothing that saving would overwrite changed elsewhere. Compared as
    /// JSON values (member order and spacing aside; absent and `null` alike), so a list entry
    /// and the same policy read alone compare equal.
    pub fn changed_since(&self, theirs: &Policy) -> Vec<&'static str> {
        let value = |p: &Policy, name: &str| {
            p.fields()
                .parse::<serde_json::Value>(name)
                .unwrap_or_default()
        };
        UPDATE_MEMBERS
            .into_iter()
            .filter(|name| value(&self.base, name) != value(theirs, name))
            .collect()
    }

    /// The body of the `PUT` that saves the draft: the base as read, with the edited rule
    /// lists. Send it only once a re-read found the base unchanged.
    pub fn body(&self) -> Result<PolicyUpdate, UpdateError> {
        update_body(&self.base, &self.after())
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
