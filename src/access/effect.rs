//! What saving a risk rule draft would change in the matrix: every application that uses the
//! policy, evaluated again with the draft's rules in place of the policy's, cell by cell.
//! Plain functions; no DOM.

use zt_risk_api::access::{verdicts, Policy, Position, RawFields, RuleLists, ScoreLevel, Verdict};

use super::draft::RiskDraft;
use super::matrix::{Kind, Matrix};

/// One cell that would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellChange {
    /// The matrix row (application).
    pub row: usize,
    pub level: ScoreLevel,
    pub before: Kind,
    pub after: Kind,
}

/// The cells a draft changes, and what limits the answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effect {
    pub changes: Vec<CellChange>,
    /// Applications that use the policy (among those whose policies were read).
    pub apps: usize,
    /// Applications whose policies were not read: whether they use it cannot be told.
    pub unknown: usize,
}

/// `policy` with `rules` as its rule lists; every other member as read.
pub fn with_rules(policy: &Policy, rules: &RuleLists) -> Policy {
    let list = |p: Position| serde_json::value::to_raw_value(rules.get(p)).ok();
    let mut fields = RawFields::default();
    let mut seen = Vec::new();
    for (name, value) in policy.fields().iter() {
        let position = Position::ALL.into_iter().find(|p| p.as_str() == name);
        match position.and_then(|p| Some((p, list(p)?))) {
            Some((p, text)) => {
                seen.push(p);
                fields.push(name, text);
            }
            None => fields.push(name, value.to_owned()),
        }
    }
    for p in Position::ALL.into_iter().filter(|p| !seen.contains(p)) {
        if let Some(text) = list(p).filter(|_| !rules.get(p).is_empty()) {
            fields.push(p.as_str(), text);
        }
    }
    Policy::from_fields(fields).unwrap_or_else(|_| policy.clone())
}

/// What saving `draft` changes in `matrix`.
pub fn effect(matrix: &Matrix, draft: &RiskDraft) -> Effect {
    let (id, after) = (draft.id(), draft.after());
    let mut out = Effect::default();
    for row in &matrix.rows {
        let Some(policies) = row.policies.known() else {
            out.unknown += 1;
            continue;
        };
        if !policies.iter().any(|p| p.id() == Some(id)) {
            continue;
        }
        out.apps += 1;
        let edited: Vec<Policy> = policies
            .iter()
            .map(|p| {
                if p.id() == Some(id) {
                    with_rules(p, &after)
                } else {
                    p.clone()
                }
            })
            .collect();
        let new: [Verdict; 4] = verdicts(Some(&edited));
        for (i, level) in ScoreLevel::ALL.into_iter().enumerate() {
            let (before, after) = (Kind::of(&row.verdicts[i]), Kind::of(&new[i]));
            if before != after {
                out.changes.push(CellChange {
                    row: row.app,
                    level,
                    before,
                    after,
                });
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "effect_tests.rs"]
mod tests;
