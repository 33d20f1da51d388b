//! What each seed example (`tests/fixtures/seed/`, copies of the seed's `#### Response` blocks)
//! decodes to, field by field, in the envelope of its operation.

mod common;

use chrono::{DateTime, Utc};
use common::seed::fixture;
use serde::de::DeserializeOwned;
use serde_json::json;
use zt_risk_api::{
    ApiMessage, Behaviors, Empty, Envelope, ErrorSource, Integration, IntegrationType, ResultInfo,
    RiskEvents, RiskLevel, RiskSummary, UpdateBehaviors,
};

fn decode<T: DeserializeOwned>(name: &str) -> Envelope<T> {
    serde_json::from_str(&fixture(name))
        .unwrap_or_else(|e| panic!("seed example {name} does not decode: {e}"))
}

fn seed_time() -> DateTime<Utc> {
    "2019-12-27T18:11:19.117Z".parse().unwrap()
}

/// The `errors` and `messages` item every seed example carries.
fn seed_message() -> ApiMessage {
    ApiMessage {
        code: 1000,
        message: "message".into(),
        documentation_url: Some("documentation_url".into()),
        source: Some(ErrorSource {
            pointer: Some("pointer".into()),
        }),
    }
}

fn assert_common_parts<T>(name: &str, envelope: &Envelope<T>) {
    assert!(envelope.success, "{name}: success");
    assert_eq!(envelope.errors, vec![seed_message()], "{name}: errors");
    assert_eq!(envelope.messages, vec![seed_message()], "{name}: messages");
    assert_eq!(envelope.errors[0].pointer(), Some("pointer"), "{name}");
    assert!(envelope.result.is_some(), "{name}: result");
}

fn seed_integration() -> Integration {
    Integration {
        id: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e".into(),
        account_tag: "account_tag".into(),
        active: true,
        created_at: seed_time(),
        integration_type: IntegrationType::Okta,
        reference_id: "reference_id".into(),
        tenant_url: "tenant_url".into(),
        well_known_url: "well_known_url".into(),
    }
}

fn seed_result_info() -> ResultInfo {
    ResultInfo {
        count: Some(1),
        page: Some(1),
        per_page: Some(20),
        total_count: Some(2000),
        total_pages: Some(100),
    }
}

#[test]
fn summary() {
    let envelope: Envelope<RiskSummary> = decode("summary_get");
    assert_common_parts("summary_get", &envelope);
    assert_eq!(envelope.result_info, Some(seed_result_info()));
    let users = envelope.result.unwrap().users;
    assert_eq!(users.len(), 1);
    let user = &users[0];
    assert_eq!(user.user_id, "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e");
    assert_eq!(user.name, "name");
    assert_eq!(user.email, "email");
    assert_eq!(user.max_risk_level, RiskLevel::Low);
    assert_eq!(user.event_count, 0);
    assert_eq!(user.last_event, seed_time());
}

#[test]
fn user_detail() {
    let envelope: Envelope<RiskEvents> = decode("user_get");
    assert_common_parts("user_get", &envelope);
    assert_eq!(envelope.result_info, Some(seed_result_info()));
    let detail = envelope.result.unwrap();
    assert_eq!(detail.name, "name");
    assert_eq!(detail.email, "email");
    assert_eq!(detail.last_reset_time, Some(seed_time()));
    assert_eq!(detail.risk_level, Some(RiskLevel::Low));
    assert_eq!(detail.events.len(), 1);
    let event = &detail.events[0];
    assert_eq!(event.id, "id");
    assert_eq!(event.name, "name");
    assert_eq!(event.risk_level, RiskLevel::Low);
    assert_eq!(event.timestamp, seed_time());
    assert_eq!(event.event_details, Some(json!({})));
}

#[test]
fn reset_and_delete_return_an_empty_object() {
    for name in ["user_reset", "integration_delete"] {
        let envelope: Envelope<Empty> = decode(name);
        assert_common_parts(name, &envelope);
        assert_eq!(envelope.result, Some(json!({})), "{name}");
        assert_eq!(envelope.result_info, None, "{name}");
    }
}

#[test]
fn behaviors_get() {
    let envelope: Envelope<Behaviors> = decode("behaviors_get");
    assert_common_parts("behaviors_get", &envelope);
    let behaviors = envelope.result.unwrap().behaviors;
    assert_eq!(behaviors.keys().collect::<Vec<_>>(), ["foo"]);
    let foo = &behaviors["foo"];
    assert_eq!(foo.name, "name");
    assert_eq!(foo.description, "description");
    assert!(foo.enabled);
    assert_eq!(foo.risk_level, RiskLevel::Low);
}

#[test]
fn behaviors_update() {
    let envelope: Envelope<UpdateBehaviors> = decode("behaviors_update");
    assert_common_parts("behaviors_update", &envelope);
    let behaviors = envelope.result.unwrap().behaviors;
    assert_eq!(behaviors.len(), 1);
    assert!(behaviors["foo"].enabled);
    assert_eq!(behaviors["foo"].risk_level, RiskLevel::Low);
}

#[test]
fn integrations_list() {
    let envelope: Envelope<Vec<Integration>> = decode("integrations_list");
    assert_common_parts("integrations_list", &envelope);
    assert_eq!(envelope.result, Some(vec![seed_integration()]));
    assert_eq!(envelope.result_info, None);
}

#[test]
fn single_integration_operations() {
    for name in [
        "integration_create",
        "integration_by_reference",
        "integration_get",
        "integration_update",
    ] {
        let envelope: Envelope<Integration> = decode(name);
        assert_common_parts(name, &envelope);
        assert_eq!(envelope.result, Some(seed_integration()), "{name}");
    }
}
