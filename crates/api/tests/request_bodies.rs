//! Request bodies encode exactly as the contract says (no extra keys, optional keys omitted),
//! values this build does not know are refused rather than sent, and the bodies decode as the
//! server receives them.

use std::collections::BTreeMap;

use serde_json::json;
use zt_risk_api::validate::IntegrationDraft;
use zt_risk_api::{
    BehaviorUpdate, Behaviors, CreateIntegration, IntegrationType, RiskLevel, UpdateBehaviors,
    UpdateIntegration,
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
