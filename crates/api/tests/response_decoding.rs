//! Responses decode tolerantly: values this build does not know (risk levels, integration
//! types) do not fail a whole list, optional parts may be absent, `event_details` may be any JSON,
//! and timestamps are RFC 3339 in any offset; what was decoded from an unknown value is not encoded.

use serde_json::{json, Value};
use zt_risk_api::{
    Behaviors, Envelope, Integration, IntegrationType, RiskEvent, RiskEvents, RiskLevel,
    RiskSummary,
};

fn integration_json(id: &str, integration_type: &str) -> Value {
    json!({
        "id": id,
        "account_tag": "023e105f4ecef8ad9ca31a8372d0c353",
        "active": true,
        "created_at": "2024-08-06T10:00:00Z",
        "integration_type": integration_type,
        "reference_id": "idp",
        "tenant_url": "https://acme.okta.com",
        "well_known_url": "https://ssf.risk-score.teams.cloudflare.com/.well-known/sse-configuration/x"
    })
}

#[test]
fn an_unknown_level_does_not_fail_the_summary() {
    let body = json!({"success": true, "errors": [], "messages": [], "result": {"users": [
        {"user_id": "u1", "name": "A", "email": "a@x.com", "max_risk_level": "critical",
         "event_count": 3, "last_event": "2024-08-06T10:00:00Z"},
        {"user_id": "u2", "name": "B", "email": "b@x.com", "max_risk_level": "high",
         "event_count": 1, "last_event": "2024-08-06T10:00:00+02:00"},
    ]}});
    let envelope: Envelope<RiskSummary> = serde_json::from_value(body).unwrap();
    let users = envelope.result.unwrap().users;
    assert_eq!(
        users[0].max_risk_level,
        RiskLevel::Unknown("critical".into())
    );
    assert_eq!(users[1].max_risk_level, RiskLevel::High);
    assert_eq!(
        users[1].last_event,
        "2024-08-06T08:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );
}

#[test]
fn unknown_levels_in_events_and_behaviors_decode() {
    let detail: RiskEvents = serde_json::from_value(json!({
        "name": "A", "email": "a@x.com", "risk_level": "",
        "events": [
            {"id": "e1", "name": "n", "risk_level": "HIGH", "timestamp": "2024-08-06T10:00:00Z"},
            {"id": "e2", "name": "n", "risk_level": "medium", "timestamp": "2024-08-06T10:00:00Z"},
        ]
    }))
    .unwrap();
    assert_eq!(detail.risk_level, Some(RiskLevel::Unknown(String::new())));
    assert_eq!(
        detail.events[0].risk_level,
        RiskLevel::Unknown("HIGH".into())
    );
    assert_eq!(detail.events[1].risk_level, RiskLevel::Medium);

    let behaviors: Behaviors = serde_json::from_value(json!({"behaviors": {
        "imp_travel": {"name": "Impossible Travel", "description": "d", "enabled": true, "risk_level": "severe"},
        "high_dlp": {"name": "DLP", "description": "d", "enabled": false, "risk_level": "low"},
    }}))
    .unwrap();
    assert_eq!(
        behaviors.behaviors["imp_travel"].risk_level,
        RiskLevel::Unknown("severe".into())
    );
    assert_eq!(behaviors.behaviors["high_dlp"].risk_level, RiskLevel::Low);
}

#[test]
fn an_unknown_integration_type_does_not_fail_the_list() {
    let body = json!({"success": true, "errors": [], "messages": [], "result": [
        integration_json("a", "Okta"),
        integration_json("b", "AzureAD"),
        integration_json("c", "okta"),
    ]});
    let envelope: Envelope<Vec<Integration>> = serde_json::from_value(body).unwrap();
    let types: Vec<IntegrationType> = envelope
        .result
        .unwrap()
        .into_iter()
        .map(|i| i.integration_type)
        .collect();
    assert_eq!(
        types,
        [
            IntegrationType::Okta,
            IntegrationType::Unknown("AzureAD".into()),
            IntegrationType::Unknown("okta".into()),
        ]
    );
    assert_eq!(types[1].as_str(), "AzureAD");
}

#[test]
fn an_integration_of_unknown_type_cannot_be_encoded() {
    let mut integration: Integration =
        serde_json::from_value(integration_json("a", "AzureAD")).unwrap();
    assert!(serde_json::to_string(&integration).is_err());
    integration.integration_type = IntegrationType::Okta;
    assert_eq!(
        serde_json::to_value(&integration).unwrap(),
        integration_json("a", "Okta")
    );
}

#[test]
fn event_details_may_be_any_json_or_absent() {
    let event = |details: Option<Value>| {
        let mut v = json!({"id": "e", "name": "n", "risk_level": "low", "timestamp": "2024-08-06T10:00:00Z"});
        if let Some(d) = details {
            v["event_details"] = d;
        }
        serde_json::from_value::<RiskEvent>(v)
            .unwrap()
            .event_details
    };
    assert_eq!(event(None), None);
    assert_eq!(event(Some(Value::Null)), None);
    for details in [
        json!({}),
        json!([1, "two", {"three": [3]}]),
        json!("<script>alert(1)</script>"),
        json!(42),
        json!({"a": {"b": {"c": {"d": {"e": [null, true]}}}}}),
    ] {
        assert_eq!(event(Some(details.clone())), Some(details));
    }
}

#[test]
fn user_detail_after_a_reset() {
    // `risk_level` absent, `last_reset_time` present or null, `events` possibly empty.
    let detail: RiskEvents = serde_json::from_value(json!({
        "name": "A", "email": "a@x.com", "events": [], "last_reset_time": "2024-08-06T10:00:00Z"
    }))
    .unwrap();
    assert_eq!(detail.risk_level, None);
    assert!(detail.last_reset_time.is_some());

    let detail: RiskEvents = serde_json::from_value(
        json!({"name": "A", "email": "a@x.com", "events": [], "last_reset_time": null}),
    )
    .unwrap();
    assert_eq!(detail.last_reset_time, None);
    let encoded = serde_json::to_value(&detail).unwrap();
    assert!(encoded.get("risk_level").is_none(), "{encoded}");
}

#[test]
fn timestamps_are_rfc_3339_in_any_offset_and_round_trip() {
    let event = |ts: &str| {
        serde_json::from_value::<RiskEvent>(
            json!({"id": "e", "name": "n", "risk_level": "low", "timestamp": ts}),
        )
        .map(|e| e.timestamp)
    };
    let utc = event("2024-08-06T10:00:00Z").unwrap();
    assert_eq!(event("2024-08-06T12:00:00+02:00").unwrap(), utc);
    assert_eq!(event("2024-08-06t10:00:00z").unwrap(), utc);
    let precise = event("2024-08-06T10:00:00.123456789Z").unwrap();
    assert_eq!(precise.timestamp_subsec_nanos(), 123_456_789);
    // What chrono writes (the emulator's output), this crate reads back.
    let written = serde_json::to_value(precise).unwrap();
    assert_eq!(event(written.as_str().unwrap()).unwrap(), precise);
    for bad in [
        "2024-08-06",
        "yesterday",
        "2024-08-06T10:00:00",
        "2024-13-06T10:00:00Z",
    ] {
        assert!(event(bad).is_err(), "{bad} must not decode");
    }
    let summary: RiskSummary = serde_json::from_value(json!({"users": [{"user_id": "u",
        "name": "n", "email": "e", "max_risk_level": "low", "event_count": 1,
        "last_event": "2024-08-06T10:00:00Z"}]}))
    .unwrap();
    assert_eq!(summary.users[0].last_event, utc);
    let absent: RiskEvents =
        serde_json::from_value(json!({"name": "A", "email": "a@x.com", "events": []})).unwrap();
    assert_eq!(absent.last_reset_time, None);
}
