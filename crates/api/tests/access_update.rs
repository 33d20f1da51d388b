//! The body of `PUT /access/policies/{id}` built from a policy as read and changed rule lists:
//! every other member and rule goes back unchanged, byte for byte, and only what the SDK's
//! update parameters take is sent.

mod common;

use zt_risk_api::access::{
    update_body, Policy, Position, Rule, RuleLists, ScoreLevel, UpdateError,
};

fn read(text: &str) -> Policy {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn body(policy: &Policy, rules: &RuleLists) -> String {
    let update = update_body(policy, rules).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_string(&update).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn adding_a_risk_rule_sends_everything_else_as_read() {
    let policy = read(common::fixture_text("access/policy_reusable.json").trim());
    let mut rules = RuleLists::of(&policy);
    rules
        .exclude
        .push(Rule::user_risk_score(&[ScoreLevel::Medium]));
    let expected = concat!(
        r#"{"name":"Engineers, not at high risk","decision":"allow","#,
        r#""include":[{"email_domain":{"domain":"acme.example"}},{"group":{"id":"aa0e8400-e29b-41d4-a716-446655440000"}},{ "device_posture" : { "integration_uid" : "1b2c3d" , "future_flag": true } },"not even an object"],"#,
        r#""exclude":[{"user_risk_score":{"user_risk_score":["high"]}},{"email":{"email":"ex-employee@acme.example"}},{"user_risk_score":{"user_risk_score":["medium"]}}],"#,
        r#""require":[{"auth_method":{"auth_method":"mfa"}}],"#,
        r#""approval_groups":[{"approvals_needed":1,"email_addresses":["lead@acme.example"]}],"approval_required":false,"isolation_required":false,"#,
        r#""mfa_config":{"allowed_authenticators":["totp","security_key"],"session_duration":"24h"},"#,
        r#""purpose_justification_prompt":"Why?","purpose_justification_required":false,"session_duration":"24h"}"#,
    );
    assert_eq!(body(&policy, &rules), expected);
    // Unchanged lists give back the policy's own updatable members.
    let same = body(&policy, &RuleLists::of(&policy));
    assert!(same.contains(r#""exclude":[{"user_risk_score":{"user_risk_score":["high"]}},{"email":{"email":"ex-employee@acme.example"}}],"#));
}

#[test]
fn removing_a_rule_and_what_is_never_sent() {
    let policy = read(
        r#"{"id":"x","created_at":"2025-01-01T00:00:00Z","decision":"deny","name":"Block high","include":[{"user_risk_score":{"user_risk_score":["high"]}},{"ip":{"ip":"10.0.0.0/8"}}],"approval_groups":null,"session_duration":null,"reusable":true,"app_count":2,"precedence":4}"#,
    );
    let mut rules = RuleLists::of(&policy);
    rules.get_mut(Position::Include).remove(0);
    assert_eq!(
        body(&policy, &rules),
        r#"{"decision":"deny","name":"Block high","include":[{"ip":{"ip":"10.0.0.0/8"}}],"session_duration":null}"#
    );
    // Lists the policy did not have are sent once they hold rules.
    rules.require.push(Rule::everyone());
    assert_eq!(
        body(&policy, &rules),
        r#"{"decision":"deny","name":"Block high","include":[{"ip":{"ip":"10.0.0.0/8"}}],"session_duration":null,"require":[{"everyone":{}}]}"#
    );
}

#[test]
fn include_is_always_sent_and_duplicates_once() {
    let bare = read(r#"{"name":"n","decision":"allow"}"#);
    assert_eq!(
        body(&bare, &RuleLists::of(&bare)),
        r#"{"name":"n","decision":"allow","include":[]}"#
    );
    let twice = read(r#"{"name":"a","decision":"allow","name":"b","include":[]}"#);
    assert_eq!(
        body(&twice, &RuleLists::of(&twice)),
        r#"{"name":"b","decision":"allow","include":[]}"#
    );
}

#[test]
fn a_policy_without_name_or_decision_cannot_be_updated() {
    for (text, missing) in [
        (r#"{"decision":"allow","include":[]}"#, "name"),
        (r#"{"name":"n","decision":null}"#, "decision"),
        (r#"{"name":"n"}"#, "decision"),
    ] {
        let policy = read(text);
        let got = update_body(&policy, &RuleLists::of(&policy)).map(|_| ());
        assert_eq!(got, Err(UpdateError { missing }), "{text}");
    }
    let message = UpdateError { missing: "name" }.to_string();
    assert!(message.contains("name"), "{message}");
}
