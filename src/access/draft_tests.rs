//! Native tests of a risk rule draft: adding and removing risk rules only, refusals, the body
//! sent (every other rule and member as read, byte for byte), and rebasing on a policy changed
//! elsewhere.

use zt_risk_api::access::{Policy, Position, ScoreLevel};

use super::*;
use crate::access::fixtures::*;

fn draft_of(json: &str) -> RiskDraft {
    RiskDraft::new(serde_json::from_str::<Policy>(json).expect("policy"))
}

fn texts(rules: &[Rule]) -> Vec<String> {
    rules.iter().map(|r| r.raw().to_owned()).collect()
}

#[test]
fn adding_exclude_high_changes_only_that_list_and_sends_the_rest_as_read() {
    let mut d = draft_of(&contractors(r#","reusable":true,"app_count":0"#));
    assert!(!d.is_dirty());
    d.add(Position::Exclude, &[ScoreLevel::High])
        .expect("added");
    assert!(d.is_dirty());
    let after = d.after();
    assert_eq!(
        texts(&after.exclude),
        [r#"{"user_risk_score":{"user_risk_score":["high"]}}"#]
    );
    assert_eq!(
        after.include,
        d.before().include,
        "untouched, unknown rule too"
    );
    let body = serde_json::to_string(&d.body().expect("body")).expect("json");
    assert_eq!(
        body,
        concat!(
            r#"{"name":"Contractors","decision":"allow","#,
            r#""include":[{"email":{"email":"c1@example.com"}},{"future_rule":{"x":[1,2]}}],"#,
            r#""exclude":[{"user_risk_score":{"user_risk_score":["high"]}}],"#,
            r#""require":[{"user_risk_score":{"user_risk_score":["low"]}}],"#,
            r#""session_duration":"8h","purpose_justification_required":false}"#
        ),
        "id, reusable and app_count are read-only: left out"
    );
}

#[test]
fn levels_are_ordered_and_refusals_name_the_field() {
    let mut d = draft_of(&employees(""));
    let none = d.add(Position::Require, &[]).expect_err("no level");
    assert_eq!(none.field, LEVELS_FIELD);
    assert_eq!(none.message, "Choose at least one level.");
    let twice = d
        .add(Position::Exclude, &[ScoreLevel::High])
        .expect_err("there");
    assert_eq!(twice.message, "Exclude already has this rule.");
    d.add(
        Position::Require,
        &[ScoreLevel::Unscored, ScoreLevel::Low, ScoreLevel::Low],
    )
    .expect("added");
    assert_eq!(
        texts(&d.after().require),
        [r#"{"user_risk_score":{"user_risk_score":["low","unscored"]}}"#]
    );
}

#[test]
fn only_risk_rules_can_be_removed_and_undoing_is_not_a_change() {
    let mut d = draft_of(&employees(""));
    d.remove(Position::Include, 0);
    assert!(
        !d.is_dirty(),
        "the email domain rule is not the console's to remove"
    );
    d.remove(Position::Exclude, 0);
    assert!(d.after().exclude.is_empty());
    assert!(d.is_dirty());
    d.add(Position::Exclude, &[ScoreLevel::High]).expect("back");
    assert!(!d.is_dirty(), "the same lists as read");
    d.remove(Position::Exclude, 5);
    d.discard();
    assert_eq!(d.after(), d.before());
}

#[test]
fn rebasing_keeps_the_edits_on_their_version() {
    let mut d = draft_of(&employees(""));
    d.add(Position::Exclude, &[ScoreLevel::Medium])
        .expect("added");
    d.remove(Position::Exclude, 0);
    let theirs: Policy = serde_json::from_str(&employees(
        r#","require":[{"device_posture":{"integration_uid":"abc"}}]"#,
    ))
    .expect("theirs");
    d.rebase(theirs.clone());
    assert_eq!(d.base(), &theirs);
    assert_eq!(d.id(), EMPLOYEES_ID);
    let after = d.after();
    assert_eq!(
        texts(&after.exclude),
        [r#"{"user_risk_score":{"user_risk_score":["medium"]}}"#]
    );
    assert_eq!(
        texts(&after.require),
        [r#"{"device_posture":{"integration_uid":"abc"}}"#],
        "their new rule is kept"
    );
}

#[test]
fn a_policy_read_without_a_name_cannot_be_sent() {
    let d = draft_of(r#"{"id":"x","decision":"allow","include":[]}"#);
    assert_eq!(d.body().expect_err("no name").missing, "name");
}

#[test]
fn only_what_an_update_overwrites_counts_as_changed_elsewhere() {
    let d = draft_of(&employees(
        r#","reusable":true,"updated_at":"2026-01-01T00:00:00Z""#,
    ));
    let same: Policy = serde_json::from_str(&format!(
        r#"{{"updated_at":"2026-02-02T00:00:00Z","exclude":[{{"user_risk_score": {{"user_risk_score": ["high"]}}}}],"include":[{{"email_domain":{{"domain":"example.com"}}}}],"decision":"allow","name":"Employees","id":"{EMPLOYEES_ID}","require":null}}"#
    ))
    .expect("same");
    assert!(
        d.changed_since(&same).is_empty(),
        "order, spacing, null and read-only members aside"
    );
    let theirs: Policy = serde_json::from_str(&employees(
        r#","require":[{"user_risk_score":{"user_risk_score":["low"]}}],"session_duration":"1h""#,
    ))
    .expect("theirs");
    assert_eq!(d.changed_since(&theirs), ["require", "session_duration"]);
}
