//! Access applications, policies and rules as the API returns them: the typed views, unknown
//! rule types, application types and members kept, and everything written back as read.

mod common;

use serde_json::value::RawValue;
use zt_risk_api::access::{
    AppType, Application, Decision, Policy, Position, Rule, RuleKind, ScoreLevel,
};
use zt_risk_api::{Envelope, RiskLevel};

fn reusable() -> (String, Policy) {
    let text = common::fixture_text("access/policy_reusable.json");
    let text = text.trim().to_owned();
    let policy = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    (text, policy)
}

#[test]
fn a_policy_reads_its_views_and_keeps_unknown_rules() {
    let (_, p) = reusable();
    assert_eq!(p.id(), Some("f174e90a-fafe-4643-bbbc-4a0ed4fc8415"));
    assert_eq!(p.name(), Some("Engineers, not at high risk"));
    assert_eq!(p.decision(), Some(&Decision::Allow));
    assert_eq!(
        (p.reusable(), p.app_count(), p.precedence()),
        (Some(true), Some(3), None)
    );
    let include: Vec<&RuleKind> = p.rules(Position::Include).iter().map(Rule::kind).collect();
    assert_eq!(
        include,
        [
            &RuleKind::EmailDomain("acme.example".into()),
            &RuleKind::Group("aa0e8400-e29b-41d4-a716-446655440000".into()),
            &RuleKind::Other(Some("device_posture".into())),
            &RuleKind::Other(None),
        ]
    );
    let exclude = p.rules(Position::Exclude);
    assert_eq!(exclude[0].risk_levels(), Some(&[ScoreLevel::High][..]));
    assert_eq!(
        exclude[1].kind(),
        &RuleKind::Email("ex-employee@acme.example".into())
    );
    assert_eq!(
        p.rules(Position::Require)[0].type_name(),
        Some("auth_method")
    );
    // The unknown rule is kept exactly, inner spaces included.
    assert_eq!(
        p.rules(Position::Include)[2].raw(),
        r#"{ "device_posture" : { "integration_uid" : "1b2c3d" , "future_flag": true } }"#
    );
    let words: Vec<String> = p
        .rules(Position::Include)
        .iter()
        .chain(exclude)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        words,
        [
            "Email ends in @acme.example",
            "Member of group aa0e8400-e29b-41d4-a716-446655440000",
            "device_posture rule",
            "Unrecognised rule",
            "Risk score is High",
            "Email is ex-employee@acme.example",
        ]
    );
}

#[test]
fn a_policy_is_written_back_byte_for_byte() {
    let (text, p) = reusable();
    assert_eq!(serde_json::to_string(&p).ok(), Some(text.clone()));
    // What a re-read conflict check compares: the same text is the same policy, one byte is not.
    let again: Policy = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, p);
    let changed: Policy = serde_json::from_str(&text.replace("\"Why?\"", "\"Why!\""))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(changed, p);
}

#[test]
fn shapes_evaluation_cannot_read_are_refused() {
    for bad in [
        r#"{"decision":"allow","include":"everyone"}"#,
        r#"{"decision":"allow","include":{"everyone":{}}}"#,
        r#"{"decision":7,"include":[]}"#,
        r#"[]"#,
    ] {
        assert!(serde_json::from_str::<Policy>(bad).is_err(), "{bad}");
    }
    // Null and absent lists are empty; an unknown decision is kept.
    let p: Policy = serde_json::from_str(r#"{"decision":"quarantine","include":null}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(p.rules(Position::Include).is_empty() && p.rules(Position::Require).is_empty());
    assert_eq!(
        p.decision().map(Decision::label),
        Some("Unknown (quarantine)".into())
    );
    assert_eq!(Decision::from_wire("deny").label(), "Block");
    assert_eq!(Decision::from_wire("non_identity").as_str(), "non_identity");
}

#[test]
fn applications_of_any_type_are_read_and_written_back() {
    let text = common::fixture_text("access/apps_page.json");
    let page: Envelope<Vec<Application>> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let info = page.result_info.unwrap_or_default();
    assert_eq!((info.total_count, info.total_pages), (Some(7), Some(3)));
    let apps = page.result.unwrap_or_default();
    assert_eq!(apps.len(), 3);
    let grafana = &apps[0];
    assert_eq!(grafana.app_type(), Some(&AppType::SelfHosted));
    assert_eq!(grafana.domain(), Some("grafana.acme.example"));
    assert_eq!(grafana.name(), Some("Grafana"));
    let policies = grafana.policies().unwrap_or_default();
    assert_eq!(policies.len(), 1);
    assert_eq!(policies[0].precedence(), Some(1));
    // Embedded policies that cannot be read are unknown, not "none".
    assert_eq!(apps[1].app_type().map(AppType::label), Some("SaaS".into()));
    assert!(apps[1].policies().is_none() && apps[1].domain().is_none());
    // An application type the SDK does not list, and a member of an odd shape.
    assert_eq!(
        apps[2].app_type(),
        Some(&AppType::Unknown("holodeck".into()))
    );
    assert_eq!(
        apps[2].app_type().map(AppType::label),
        Some("Unknown (holodeck)".into())
    );
    assert_eq!(apps[2].domain(), None);
    // Written back as read, member by member.
    let raw: Envelope<Box<RawValue>> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let result = raw.result.map(|r| r.get().to_owned());
    assert_eq!(serde_json::to_string(&apps).ok(), result);
    for (wire, t) in [
        ("self_hosted", AppType::SelfHosted),
        ("mcp_portal", AppType::McpPortal),
    ] {
        assert_eq!(AppType::from_wire(wire), t);
        assert_eq!(t.as_str(), wire);
    }
}

#[test]
fn rules_made_here_are_the_wire_shapes() {
    let rule = Rule::user_risk_score(&[ScoreLevel::High, ScoreLevel::Unscored]);
    assert_eq!(
        rule.raw(),
        r#"{"user_risk_score":{"user_risk_score":["high","unscored"]}}"#
    );
    assert_eq!(
        rule.risk_levels(),
        Some(&[ScoreLevel::High, ScoreLevel::Unscored][..])
    );
    assert_eq!(rule.to_string(), "Risk score is High or Unscored");
    assert_eq!(Rule::everyone().kind(), &RuleKind::Everyone);
    let email = Rule::email("a\"b@acme.example");
    assert_eq!(email.raw(), r#"{"email":{"email":"a\"b@acme.example"}}"#);
    assert_eq!(email.kind(), &RuleKind::Email("a\"b@acme.example".into()));
    assert_eq!(
        Rule::email_domain("acme.example").type_name(),
        Some("email_domain")
    );
    assert_eq!(Rule::group("g").kind(), &RuleKind::Group("g".into()));
    // Equal rules are the same text.
    let spaced: Rule =
        serde_json::from_str(r#"{ "everyone": {} }"#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(spaced.kind(), &RuleKind::Everyone);
    assert_ne!(spaced, Rule::everyone());
}

#[test]
fn users_have_the_score_level_of_their_risk_level() {
    assert_eq!(ScoreLevel::of_user(None), Some(ScoreLevel::Unscored));
    assert_eq!(
        ScoreLevel::of_user(Some(&RiskLevel::High)),
        Some(ScoreLevel::High)
    );
    assert_eq!(
        ScoreLevel::of_user(Some(&RiskLevel::Unknown("x".into()))),
        None
    );
    let wire: Vec<&str> = ScoreLevel::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(wire, ["low", "medium", "high", "unscored"]);
}
