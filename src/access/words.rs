//! The matrix in words: what a cell says, which policy and rule decide it, the figures above
//! the matrix, and the one line a section shows when Access cannot be read. Plain functions
//! over the matrix; every name in them comes from the API and is shown as text.

use zt_risk_api::access::{Cause, Decision, Policy, ScoreLevel, Verdict};

use super::matrix::{Kind, Matrix, Row};
use crate::api::ApiError;
use crate::text::{plural, thousands};

/// The cell's headline.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Out | Kind::Closed => "Kept out",
        Kind::In => "Let in",
        Kind::Identity => "Depends on identity",
        Kind::Unknown => "Unknown",
    }
}

/// A policy's name for people, marked reusable or the application's own when known.
pub fn policy_label(matrix: &Matrix, policy: &Policy) -> String {
    let name = policy
        .name()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or("Unnamed policy");
    match matrix.is_reusable(policy.id()) {
        Some(true) => format!("{name} (reusable)"),
        Some(false) => format!("{name} (this application's own)"),
        None => name.to_owned(),
    }
}

/// The decision in the dashboard's words ("Block"); a policy without one says so, never guessed.
fn decision_label(policy: &Policy) -> String {
    policy
        .decision()
        .map_or_else(|| "no decision".to_owned(), Decision::label)
}

/// "Employees (reusable), Allow: Exclude Risk score is High".
pub fn cause_text(matrix: &Matrix, policies: &[Policy], cause: &Cause) -> String {
    let Some(policy) = cause.policy(policies) else {
        return "A policy".to_owned();
    };
    let head = format!(
        "{}, {}",
        policy_label(matrix, policy),
        decision_label(policy)
    );
    match (cause.rule, cause.rule(policies)) {
        (Some(at), Some(rule)) => format!("{head}: {} {rule}", at.position.label()),
        _ => format!("{head}: no Include rule"),
    }
}

/// Why the cell says what it says, one line per policy that decides.
pub fn reasons(matrix: &Matrix, row: &Row, level: ScoreLevel) -> Vec<String> {
    let policies = row.policies.known().unwrap_or_default();
    match row.verdict(level) {
        Verdict::KeptOut(causes) if causes.is_empty() => {
            vec!["No policy lets anyone in: closed to everyone".to_owned()]
        }
        Verdict::KeptOut(causes) => causes
            .iter()
            .map(|c| cause_text(matrix, policies, c))
            .collect(),
        Verdict::LetIn(cause) => vec![cause_text(matrix, policies, cause)],
        Verdict::DependsOnIdentity => {
            vec!["Who the user is decides (emails, groups, devices…)".to_owned()]
        }
        Verdict::Unknown => vec![unknown_reason(row)],
    }
}

fn unknown_reason(row: &Row) -> String {
    use super::matrix::Policies;
    match &row.policies {
        Policies::Loading => "Its policies are still loading".to_owned(),
        Policies::Missing(why) => format!("Its policies could not be loaded: {why}"),
        Policies::Known(policies) => {
            let odd = policies
                .iter()
                .find(|p| matches!(p.decision(), None | Some(Decision::Unknown(_))));
            match odd {
                Some(p) => format!(
                    "{} has a decision this console does not know ({})",
                    p.name().unwrap_or("A policy"),
                    p.decision().map_or("none", Decision::as_str)
                ),
                None => "Cannot be told".to_owned(),
            }
        }
    }
}

/// "112 High users are kept out of 4 applications" (`users`: how many the summary lists at
/// that level; `None` for Unscored, which the summary does not list).
pub fn kept_out_sentence(level: ScoreLevel, users: Option<usize>, apps: usize) -> String {
    let who = match users {
        Some(n) => {
            let noun = format!("{} user", level.label());
            let nouns = format!("{} users", level.label());
            let verb = if n == 1 { "is" } else { "are" };
            format!("{} {verb}", plural(n, &noun, &nouns))
        }
        None => format!("{} users are", level.label()),
    };
    match apps {
        0 => format!("{who} kept out of no application by their risk score"),
        n => format!(
            "{who} kept out of {} by their risk score",
            plural(n, "application", "applications")
        ),
    }
}

/// "2 applications could not be checked" (empty for none).
pub fn unknown_sentence(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "1 application could not be checked.".to_owned(),
        n => format!("{} applications could not be checked.", thousands(n)),
    }
}

/// The one line a section shows instead of applications when Access cannot be read: the
/// missing permission, by name, for a 403.
pub fn unavailable(error: &ApiError) -> String {
    match error {
        ApiError::Unauthorized {
            status: 403,
            permission,
            ..
        } => format!(
            "Applications are not shown: the API token lacks the \u{201c}{permission}\u{201d} permission."
        ),
        other => format!("Applications could not be loaded: {}.", other.title()),
    }
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
