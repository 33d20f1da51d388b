//! Every `#### Response` example of the seed (`shared/seed/risk-scoring-api.md`) decodes into the
//! envelope of its operation. The examples are kept in `tests/fixtures/seed/`, one file per
//! operation; `fixtures_match_the_seed_file` checks them against the seed when it is present.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use zt_risk_api::{
    ApiMessage, Behaviors, Empty, Envelope, ErrorSource, Integration, IntegrationType, ResultInfo,
    RiskEvents, RiskLevel, RiskSummary, UpdateBehaviors,
};

/// Decodes `text` as `Envelope<T>` and encodes it again.
type Roundtrip = fn(&str) -> Result<Value, String>;

fn roundtrip<T: DeserializeOwned + Serialize>(text: &str) -> Result<Value, String> {
    let envelope: Envelope<T> = serde_json::from_str(text).map_err(|e| format!("decode: {e}"))?;
    serde_json::to_value(&envelope).map_err(|e| format!("encode: {e}"))
}

/// The 11 operations: fixture name, seed heading, method, path under `zt_risk_scoring`, result type.
const OPERATIONS: [(&str, &str, &str, &str, Roundtrip); 11] = [
    (
        "summary_get",
        "Get risk score info for all users in the account",
        "get",
        "/summary",
        roundtrip::<RiskSummary>,
    ),
    (
        "user_get",
        "Get risk event/score information for a specific user",
        "get",
        "/{user_id}",
        roundtrip::<RiskEvents>,
    ),
    (
        "user_reset",
        "Clear the risk score for a particular user",
        "post",
        "/{user_id}/reset",
        roundtrip::<Empty>,
    ),
    (
        "behaviors_get",
        "Get all behaviors and associated configuration",
        "get",
        "/behaviors",
        roundtrip::<Behaviors>,
    ),
    (
        "behaviors_update",
        "Update configuration for risk behaviors",
        "put",
        "/behaviors",
        roundtrip::<UpdateBehaviors>,
    ),
    (
        "integrations_list",
        "List all risk score integrations for the account.",
        "get",
        "/integrations",
        roundtrip::<Vec<Integration>>,
    ),
    (
        "integration_create",
        "Create new risk score integration.",
        "post",
        "/integrations",
        roundtrip::<Integration>,
    ),
    (
        "integration_by_reference",
        "Get risk score integration by reference id.",
        "get",
        "/integrations/reference_id/{reference_id}",
        roundtrip::<Integration>,
    ),
    (
        "integration_get",
        "Get risk score integration by id.",
        "get",
        "/integrations/{integration_id}",
        roundtrip::<Integration>,
    ),
    (
        "integration_update",
        "Update a risk score integration.",
        "put",
        "/integrations/{integration_id}",
        roundtrip::<Integration>,
    ),
    (
        "integration_delete",
        "Delete a risk score integration.",
        "delete",
        "/integrations/{integration_id}",
        roundtrip::<Empty>,
    ),
];

fn fixture(name: &str) -> String {
    common::fixture_text(&format!("seed/{name}.json"))
}

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
fn every_fixture_decodes_and_reencodes_unchanged() {
    for (name, _, _, _, roundtrip) in OPERATIONS {
        let text = fixture(name);
        let original: Value = serde_json::from_str(&text).unwrap();
        let reencoded = roundtrip(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(reencoded, original, "{name}: nothing lost or added");
    }
}

#[test]
fn fixtures_cover_the_eleven_operations_once() {
    let names: BTreeSet<&str> = OPERATIONS.iter().map(|op| op.0).collect();
    assert_eq!(names.len(), 11);
    let dir = common::manifest_dir().join("tests/fixtures/seed");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    let expected: BTreeSet<String> = names.iter().map(|n| format!("{n}.json")).collect();
    assert_eq!(on_disk, expected, "one fixture per operation, no strays");
}

#[test]
fn fixtures_match_the_seed_file() {
    let Some(path) = common::shared_file("seed/risk-scoring-api.md") else {
        return;
    };
    let markdown = std::fs::read_to_string(path).unwrap();
    let examples = common::seed_examples(&markdown);
    assert_eq!(examples.len(), 11, "one response example per operation");
    let mut seen = BTreeSet::new();
    for example in &examples {
        let op = OPERATIONS
            .iter()
            .find(|op| op.2 == example.method && op.3 == example.path)
            .unwrap_or_else(|| {
                panic!(
                    "seed example for {} {} matches no operation",
                    example.method, example.path
                )
            });
        assert_eq!(example.heading, op.1, "heading of {}", op.0);
        assert!(seen.insert(op.0), "two seed examples for {}", op.0);
        let from_seed: Value = serde_json::from_str(&example.json)
            .unwrap_or_else(|e| panic!("seed example {} is not JSON: {e}", op.0));
        let from_fixture: Value = serde_json::from_str(&fixture(op.0)).unwrap();
        assert_eq!(
            from_fixture, from_seed,
            "fixture {} differs from the seed",
            op.0
        );
        roundtrip_of(op.0)(&example.json).unwrap_or_else(|e| panic!("seed {}: {e}", op.0));
    }
}

fn roundtrip_of(name: &str) -> Roundtrip {
    OPERATIONS.iter().find(|op| op.0 == name).unwrap().4
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

#[test]
fn the_extractor_reads_what_it_should() {
    // A small markdown in the seed's shape, to show the extractor's rules on their own.
    let markdown = "\
## Get thing

`x.get()` **get** `/accounts/{account_id}/zt_risk_scoring/summary` Gets it.

### Example
```json
{\"not\": \"a response\"}
```

#### Response
```json
{\"success\": true}
```

## Delete thing

`x.delete()` **delete** `/accounts/{account_id}/zt_risk_scoring/integrations/{integration_id}` Deletes.

#### Response

```json
{
  \"success\": false
}
```
";
    let examples = common::seed_examples(markdown);
    assert_eq!(examples.len(), 2);
    assert_eq!(
        (examples[0].heading.as_str(), examples[0].method.as_str()),
        ("Get thing", "get")
    );
    assert_eq!(examples[0].path, "/summary");
    assert_eq!(examples[0].json, "{\"success\": true}");
    assert_eq!(examples[1].method, "delete");
    assert_eq!(examples[1].path, "/integrations/{integration_id}");
    assert_eq!(examples[1].json, "{\n  \"success\": false\n}");
}
