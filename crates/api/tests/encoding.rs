//! Request bodies encode exactly as the contract says (no extra keys, optional keys omitted), and
//! decoding is tolerant of values this build does not know while encoding refuses them.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use zt_risk_api::validate::IntegrationDraft;
use zt_risk_api::{
    BehaviorUpdate, Behaviors, CreateIntegration, Envelope, Integration, IntegrationType,
    RiskEvent, RiskEvents, RiskLevel, RiskSummary, UpdateBehaviors, UpdateIntegration,
};

fn encode<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("encodes")
}

fn behaviors(entries: &[(&str, bool, RiskLevel)]) -> UpdateBehaviors {
    UpdateBehaviors {
        behaviors: entries
            .iter()
            .map(|(id, enabled, level)| {
                (
                    (*id).to_owned(),
                    BehaviorUpdate {
                        enabled: *enabled,
                        risk_level: level.clone(),
                    },
                )
            })
            .collect(),
    }
}

// ---- request bodies ----

#[test]
fn update_behaviors_body() {
    let body = behaviors(&[("imp_travel", true, RiskLevel::High)]);
    assert_eq!(
        encode(&body),
        r#"{"behaviors":{"imp_travel":{"enabled":true,"risk_level":"high"}}}"#
    );
}

#[test]
fn update_behaviors_body_with_several_ids_and_levels() {
    let body = behaviors(&[
        ("sentinel_one", false, RiskLevel::Medium),
        ("high_dlp", true, RiskLevel::Low),
        ("imp_travel", false, RiskLevel::High),
    ]);
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"behaviors": {
            "high_dlp": {"enabled": true, "risk_level": "low"},
            "imp_travel": {"enabled": false, "risk_level": "high"},
            "sentinel_one": {"enabled": false, "risk_level": "medium"},
        }})
    );
}

#[test]
fn empty_update_behaviors_body_still_has_the_required_key() {
    assert_eq!(encode(&UpdateBehaviors::default()), r#"{"behaviors":{}}"#);
}

#[test]
fn update_behaviors_with_an_unknown_level_is_not_sent() {
    let body = behaviors(&[
        ("imp_travel", true, RiskLevel::High),
        ("high_dlp", true, RiskLevel::Unknown("critical".into())),
    ]);
    let err = serde_json::to_string(&body).unwrap_err();
    assert!(err.to_string().contains("critical"), "{err}");
    assert!(serde_json::to_value(&body).is_err());
}

#[test]
fn create_integration_without_reference_id_omits_the_key() {
    let body = CreateIntegration {
        integration_type: IntegrationType::Okta,
        tenant_url: "https://acme.okta.com".into(),
        reference_id: None,
    };
    assert_eq!(
        encode(&body),
        r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com"}"#
    );
}

#[test]
fn create_integration_with_reference_id() {
    let body = CreateIntegration {
        integration_type: IntegrationType::Okta,
        tenant_url: "https://acme.okta.com".into(),
        reference_id: Some("f174e90a-fafe-4643-bbbc-4a0ed4fc8415".into()),
    };
    assert_eq!(
        encode(&body),
        r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"f174e90a-fafe-4643-bbbc-4a0ed4fc8415"}"#
    );
}

#[test]
fn create_integration_with_an_unknown_type_is_not_sent() {
    let body = CreateIntegration {
        integration_type: IntegrationType::Unknown("Azure".into()),
        tenant_url: "https://acme.okta.com".into(),
        reference_id: None,
    };
    let err = serde_json::to_string(&body).unwrap_err();
    assert!(err.to_string().contains("Azure"), "{err}");
}

#[test]
fn update_integration_without_reference_id_omits_the_key() {
    let body = UpdateIntegration {
        active: false,
        tenant_url: "https://acme.okta.com".into(),
        reference_id: None,
    };
    assert_eq!(
        encode(&body),
        r#"{"active":false,"tenant_url":"https://acme.okta.com"}"#
    );
}

#[test]
fn update_integration_with_reference_id() {
    let body = UpdateIntegration {
        active: true,
        tenant_url: "https://acme.okta.com:8443".into(),
        reference_id: Some("idp-1".into()),
    };
    assert_eq!(
        encode(&body),
        r#"{"active":true,"tenant_url":"https://acme.okta.com:8443","reference_id":"idp-1"}"#
    );
}

#[test]
fn drafts_encode_to_the_same_bodies() {
    let draft = IntegrationDraft {
        tenant_url: " HTTPS://Acme.Okta.com/ ".into(),
        reference_id: "   ".into(),
        active: true,
    };
    assert_eq!(
        encode(&draft.to_create().unwrap()),
        r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com"}"#
    );
    assert_eq!(
        encode(&draft.to_update().unwrap()),
        r#"{"active":true,"tenant_url":"https://acme.okta.com"}"#
    );

    let draft = IntegrationDraft {
        reference_id: " idp-1 ".into(),
        active: false,
        ..draft
    };
    assert_eq!(
        encode(&draft.to_create().unwrap()),
        r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"idp-1"}"#
    );
    assert_eq!(
        encode(&draft.to_update().unwrap()),
        r#"{"active":false,"tenant_url":"https://acme.okta.com","reference_id":"idp-1"}"#
    );
}

#[test]
fn request_bodies_decode_as_the_server_receives_them() {
    // `reference_id` is nullable on the wire: null and absent both mean "none".
    for body in [
        json!({"integration_type": "Okta", "tenant_url": "https://acme.okta.com"}),
        json!({"integration_type": "Okta", "tenant_url": "https://acme.okta.com", "reference_id": null}),
    ] {
        let create: CreateIntegration = serde_json::from_value(body).unwrap();
        assert_eq!(create.integration_type, IntegrationType::Okta);
        assert_eq!(create.reference_id, None);
    }
    let update: UpdateIntegration = serde_json::from_value(
        json!({"active": true, "tenant_url": "https://acme.okta.com", "reference_id": null}),
    )
    .unwrap();
    assert_eq!(update.reference_id, None);
    // `active` and `tenant_url` are required in an update.
    assert!(serde_json::from_value::<UpdateIntegration>(json!({"active": true})).is_err());
    assert!(
        serde_json::from_value::<UpdateIntegration>(json!({"tenant_url": "https://a.b.com"}))
            .is_err()
    );
}

// ---- tolerant decoding ----

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
fn a_behavior_map_round_trips_through_update() {
    // What the console sends back after editing what it read keeps only the settable fields.
    let read: Behaviors = serde_json::from_value(json!({"behaviors": {
        "imp_travel": {"name": "Impossible Travel", "description": "d", "enabled": false, "risk_level": "high"},
    }}))
    .unwrap();
    let body = UpdateBehaviors {
        behaviors: read
            .behaviors
            .into_iter()
            .map(|(id, b)| {
                (
                    id,
                    BehaviorUpdate {
                        enabled: true,
                        risk_level: b.risk_level,
                    },
                )
            })
            .collect::<BTreeMap<_, _>>(),
    };
    assert_eq!(
        encode(&body),
        r#"{"behaviors":{"imp_travel":{"enabled":true,"risk_level":"high"}}}"#
    );
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
