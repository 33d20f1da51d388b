//! Checking imported files: one test per rule of the behaviors file (JSON, shape, levels,
//! unknown ids, size), the JSON pointer escaping, the integrations backup and its plan.

use chrono::{TimeZone, Utc};
use zt_risk_api::import::{
    behaviors_file, check_size, integrations_file, plan, pointer, Backup, Problem, Step, MAX_BYTES,
};
use zt_risk_api::{BehaviorUpdate, Integration, IntegrationType, RiskLevel, UpdateIntegration};

fn known(id: &str) -> bool {
    ["imp_travel", "high_dlp", "a/b~c"].contains(&id)
}

fn pointers(problems: &[Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.pointer.as_str()).collect()
}

fn behaviors_problems(text: &str) -> Vec<Problem> {
    behaviors_file(text, known).expect_err("the file is refused")
}

#[test]
fn a_valid_behaviors_file_becomes_settings() {
    let text = r#"{"behaviors": {
        "imp_travel": {"enabled": true, "risk_level": "high"},
        "high_dlp": {"enabled": false, "risk_level": "low"}}}"#;
    let settings = behaviors_file(text, known).expect("valid");
    assert_eq!(settings.len(), 2);
    assert_eq!(
        settings.get("imp_travel"),
        Some(&BehaviorUpdate {
            enabled: true,
            risk_level: RiskLevel::High
        })
    );
    assert_eq!(
        behaviors_file(r#"{"behaviors":{}}"#, known),
        Ok(Default::default())
    );
}

#[test]
fn rule_the_file_must_be_json() {
    let problems = behaviors_problems("{\"behaviors\": {");
    assert_eq!(pointers(&problems), [""]);
    assert!(
        problems[0].message.contains("not valid JSON"),
        "{problems:?}"
    );
    assert!(
        problems[0].message.contains("line 1"),
        "says where: {problems:?}"
    );
}

#[test]
fn rule_the_file_must_have_the_put_body_shape() {
    assert_eq!(pointers(&behaviors_problems("[]")), [""]);
    assert_eq!(pointers(&behaviors_problems("{}")), ["/behaviors"]);
    assert_eq!(
        pointers(&behaviors_problems(r#"{"behaviors": []}"#)),
        ["/behaviors"]
    );
    assert_eq!(
        pointers(&behaviors_problems(r#"{"behaviors": {}, "extra": 1}"#)),
        ["/extra"]
    );
    let text = r#"{"behaviors": {
        "imp_travel": true,
        "high_dlp": {"risk_level": "low", "name": "x"}}}"#;
    assert_eq!(
        pointers(&behaviors_problems(text)),
        [
            "/behaviors/high_dlp/name",
            "/behaviors/high_dlp/enabled",
            "/behaviors/imp_travel"
        ]
    );
    let text = r#"{"behaviors": {"imp_travel": {"enabled": "yes", "risk_level": "low"}}}"#;
    assert_eq!(
        pointers(&behaviors_problems(text)),
        ["/behaviors/imp_travel/enabled"]
    );
}

#[test]
fn rule_each_level_is_low_medium_or_high() {
    for level in [r#""critical""#, r#""High""#, "3", "null"] {
        let text = format!(
            r#"{{"behaviors": {{"imp_travel": {{"enabled": true, "risk_level": {level}}}}}}}"#
        );
        let problems = behaviors_problems(&text);
        assert_eq!(
            pointers(&problems),
            ["/behaviors/imp_travel/risk_level"],
            "{level}"
        );
        assert!(problems[0]
            .message
            .contains("\"low\", \"medium\" or \"high\""));
    }
}

#[test]
fn rule_ids_the_account_does_not_have_are_listed_and_refused() {
    let text = r#"{"behaviors": {
        "imp_travel": {"enabled": true, "risk_level": "high"},
        "made_up": {"enabled": true, "risk_level": "high"},
        "also/new~": {"enabled": true, "risk_level": "high"}}}"#;
    let problems = behaviors_problems(text);
    assert_eq!(
        pointers(&problems),
        ["/behaviors/also~1new~0", "/behaviors/made_up"]
    );
    assert!(problems[1].message.contains("no behavior \"made_up\""));
}

#[test]
fn rule_a_file_over_1_mb_is_refused() {
    assert_eq!(MAX_BYTES, 1_048_576);
    assert!(check_size(0).is_ok());
    assert!(check_size(MAX_BYTES).is_ok());
    let problem = check_size(MAX_BYTES + 1).expect_err("too big");
    assert_eq!(problem.pointer, "");
    assert!(problem.message.contains("1 MB"), "{problem:?}");
}

#[test]
fn pointers_escape_tilde_and_slash() {
    assert_eq!(pointer("/behaviors", "a/b~c"), "/behaviors/a~1b~0c");
    assert_eq!(pointer("", "~1"), "/~01");
    let text = r#"{"behaviors": {"a/b~c": {"enabled": 1, "risk_level": "low"}}}"#;
    assert_eq!(
        pointers(&behaviors_problems(text)),
        ["/behaviors/a~1b~0c/enabled"]
    );
}

const U1: &str = "5f2b6a34-7c1d-4e8f-9a0b-1c2d3e4f5a6b";

fn existing(reference: &str, tenant: &str, active: bool) -> Integration {
    Integration {
        id: U1.into(),
        account_tag: "0123456789abcdef0123456789abcdef".into(),
        active,
        created_at: Utc
            .with_ymd_and_hms(2026, 1, 2, 3, 4, 5)
            .single()
            .expect("time"),
        integration_type: IntegrationType::Okta,
        reference_id: reference.into(),
        tenant_url: tenant.into(),
        well_known_url: format!("https://ssf.example/{U1}"),
    }
}

#[test]
fn an_exported_list_is_a_valid_backup() {
    let list = vec![existing("idp-1", "https://acme.okta.com", false)];
    let text = serde_json::to_string(&list).expect("export");
    assert_eq!(
        integrations_file(&text),
        Ok(vec![Backup {
            tenant_url: "https://acme.okta.com".into(),
            reference_id: Some("idp-1".into()),
            active: false
        }])
    );
    let minimal =
        r#"[{"integration_type":"Okta","tenant_url":"https://b.okta.com/","reference_id":null}]"#;
    assert_eq!(
        integrations_file(minimal),
        Ok(vec![Backup {
            tenant_url: "https://b.okta.com".into(),
            reference_id: None,
            active: true
        }])
    );
}

#[test]
fn a_backup_is_checked_field_by_field() {
    let problems = |text: &str| integrations_file(text).expect_err("refused");
    assert_eq!(pointers(&problems("{}")), [""]);
    assert_eq!(pointers(&problems("nope")), [""]);
    assert_eq!(pointers(&problems("[1]")), ["/0"]);
    let text = r#"[
        {"integration_type":"Azure","tenant_url":"https://a.okta.com"},
        {"integration_type":"Okta","tenant_url":"http://a.okta.com","reference_id":7,"active":"yes"},
        {"integration_type":"Okta","tenant_url":"https://a.okta.com","reference_id":"r"},
        {"integration_type":"Okta","tenant_url":"https://b.okta.com","reference_id":"r"}]"#;
    let found = problems(text);
    assert_eq!(
        pointers(&found),
        [
            "/0/integration_type",
            "/1/tenant_url",
            "/1/reference_id",
            "/1/active",
            "/3/reference_id"
        ]
    );
    assert!(found[1].message.contains("https://"), "{found:?}");
}

#[test]
fn a_backup_creates_the_missing_and_updates_the_matching() {
    let backup = [
        Backup {
            tenant_url: "https://new.okta.com".into(),
            reference_id: Some("idp-new".into()),
            active: true,
        },
        Backup {
            tenant_url: "https://moved.okta.com".into(),
            reference_id: Some("idp-1".into()),
            active: true,
        },
        Backup {
            tenant_url: "https://acme.okta.com".into(),
            reference_id: Some("idp-1".into()),
            active: false,
        },
        Backup {
            tenant_url: "https://gen.okta.com".into(),
            reference_id: None,
            active: true,
        },
    ];
    let now = [existing("idp-1", "https://acme.okta.com", false)];
    let steps = plan(&backup, &now);
    assert_eq!(steps[0], Step::Create);
    assert_eq!(
        steps[1],
        Step::Update {
            id: U1.into(),
            body: UpdateIntegration {
                active: true,
                tenant_url: "https://moved.okta.com".into(),
                reference_id: Some("idp-1".into()),
            },
            changed: vec!["active", "tenant_url"],
        }
    );
    assert_eq!(steps[2], Step::Unchanged);
    assert_eq!(steps[3], Step::Create);
}
