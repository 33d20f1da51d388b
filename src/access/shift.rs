//! What a behaviors change does to access: the loaded users whose level would move, grouped by
//! from → to (`zt_risk_api::scoring::user_level` before and after), and for each move the
//! applications those users would lose or gain, from the matrix's verdicts at both levels.
//! Plain functions; no DOM.

use std::collections::BTreeMap;

use zt_risk_api::access::ScoreLevel;
use zt_risk_api::scoring::{levels_before_after, Settings};
use zt_risk_api::{Behaviors, RiskEvents, RiskLevel};

use super::matrix::{Kind, Matrix};

/// Users moving from one level to another (`None`: not scored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub from: Option<RiskLevel>,
    pub to: Option<RiskLevel>,
    pub users: usize,
}

/// The moves `changes` would cause among `users`, highest "from" level first (ids left out of
/// `changes` keep their settings, as `PUT /behaviors` merges).
pub fn moves<'a>(
    users: impl IntoIterator<Item = &'a RiskEvents>,
    behaviors: &Behaviors,
    changes: &Settings,
) -> Vec<Move> {
    let mut counts: BTreeMap<(Option<RiskLevel>, Option<RiskLevel>), usize> = BTreeMap::new();
    for (from, to) in levels_before_after(users, behaviors, changes) {
        if from != to {
            *counts.entry((from, to)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .rev()
        .map(|((from, to), users)| Move { from, to, users })
        .collect()
}

/// The applications (matrix rows) a move loses and gains, and how many cannot be told.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessChange {
    /// Not kept out before, kept out after.
    pub lost: Vec<usize>,
    /// Kept out before, not after (let in, or up to who they are).
    pub gained: Vec<usize>,
    /// Unknown at either level.
    pub unknown: usize,
}

/// What moving from `from` to `to` changes in `matrix`; `None` when either level is one the
/// console does not know (then nothing can be told).
pub fn access_change(
    matrix: &Matrix,
    from: Option<&RiskLevel>,
    to: Option<&RiskLevel>,
) -> Option<AccessChange> {
    let (from, to) = (ScoreLevel::of_user(from)?, ScoreLevel::of_user(to)?);
    let kept = |kind: Kind| matches!(kind, Kind::Out | Kind::Closed);
    let mut change = AccessChange::default();
    for (i, row) in matrix.rows.iter().enumerate() {
        match (row.kind(from), row.kind(to)) {
            (Kind::Unknown, _) | (_, Kind::Unknown) => change.unknown += 1,
            (a, b) if !kept(a) && kept(b) => change.lost.push(i),
            (a, b) if kept(a) && !kept(b) => change.gained.push(i),
            _ => {}
        }
    }
    Some(change)
}

#[cfg(test)]
#[path = "shift_tests.rs"]
mod tests;
