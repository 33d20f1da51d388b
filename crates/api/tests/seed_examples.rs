//! Every `#### Response` example of the seed (`shared/seed/risk-scoring-api.md`) decodes into the
//! envelope of its operation and encodes back unchanged. The examples are kept in
//! `tests/fixtures/seed/`, one file per operation; `fixtures_match_the_seed_file` checks them
//! against the seed when it is present. What each example decodes to is `seed_values.rs`.

mod common;

use std::collections::BTreeSet;

use common::seed::fixture;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use zt_risk_api::{
    Behaviors, Empty, Envelope, Integration, RiskEvents, RiskSummary, UpdateBehaviors,
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
    let examples = common::seed::seed_examples(&markdown);
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
    let examples = common::seed::seed_examples(markdown);
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
