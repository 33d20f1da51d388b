//! The OpenAPI side of the example tests: every schema `example` of a contract by JSON pointer,
//! the fixture copy of them that remembers which ones a check read, and the checks both contracts
//! (current and 2024-08-06) share.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use zt_risk_api::{
    ApiMessage, Behaviors, Empty, Envelope, Integration, RiskEvents, RiskLevel, RiskSummary,
    UpdateBehaviors,
};

const SCHEMAS: &str = "/components/schemas";

/// Every `example` value in an OpenAPI document, keyed by the JSON pointer of the `example` key.
pub fn openapi_examples(doc: &Value) -> BTreeMap<String, Value> {
    fn walk(value: &Value, pointer: &str, out: &mut BTreeMap<String, Value>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    let child_pointer = format!("{pointer}/{escaped}");
                    if key == "example" {
                        out.insert(child_pointer.clone(), child.clone());
                    }
                    walk(child, &child_pointer, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{pointer}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    walk(doc, "", &mut out);
    out
}

/// The examples of one contract, remembering which ones a check has read.
pub struct Examples {
    pub all: BTreeMap<String, Value>,
    read: RefCell<BTreeSet<String>>,
}

impl Examples {
    pub fn load(fixture: &str) -> Self {
        let all = serde_json::from_value(super::fixture_json(fixture)).unwrap();
        Self {
            all,
            read: RefCell::default(),
        }
    }

    /// The example at `/components/schemas/<rel>/example`.
    pub fn get(&self, rel: &str) -> Value {
        let pointer = format!("{SCHEMAS}/{rel}/example");
        let value = self
            .all
            .get(&pointer)
            .unwrap_or_else(|| panic!("no example at {pointer}"))
            .clone();
        self.read.borrow_mut().insert(pointer);
        value
    }

    pub fn unread(&self) -> Vec<String> {
        let read = self.read.borrow();
        self.all
            .keys()
            .filter(|k| !read.contains(*k))
            .cloned()
            .collect()
    }
}

pub fn decode<T: DeserializeOwned>(value: Value) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| {
        panic!(
            "{value} does not decode as {}: {e}",
            std::any::type_name::<T>()
        )
    })
}

pub fn fixture_matches_contract(fixture: &str, contract: &str) {
    let Some(path) = super::shared_file(contract) else {
        return;
    };
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let from_contract = openapi_examples(&doc);
    let from_fixture: BTreeMap<String, Value> =
        serde_json::from_value(super::fixture_json(fixture)).unwrap();
    assert_eq!(from_fixture, from_contract, "{fixture} is out of date");
}

// ---- checks shared by both contracts ----

pub fn check_risk_level(ex: &Examples, schema: &str) {
    let value = ex.get(schema);
    let level: RiskLevel = decode(value.clone());
    assert_eq!(level, RiskLevel::Low);
    assert_eq!(serde_json::to_value(&level).unwrap(), value);
}

/// The failure envelope assembled from `dlp_api-response-common-failure`'s examples, with the
/// `result: null` its schema requires.
fn failure_envelope(ex: &Examples) -> Value {
    let failure = "dlp_api-response-common-failure/properties";
    json!({
        "success": ex.get(&format!("{failure}/success")),
        "errors": ex.get(&format!("{failure}/errors")),
        "messages": ex.get(&format!("{failure}/messages")),
        "result": null,
    })
}

fn assert_no_route<T: std::fmt::Debug>(envelope: &Envelope<T>) {
    assert!(!envelope.success);
    assert_eq!(
        envelope.errors,
        vec![ApiMessage::new(7003, "No route for the URI")]
    );
    assert_eq!(envelope.errors[0].documentation_url, None);
    assert_eq!(envelope.errors[0].pointer(), None);
    assert!(envelope.messages.is_empty());
    assert!(envelope.result.is_none(), "{:?}", envelope.result);
    assert_eq!(envelope.result_info, None);
}

/// The failure example decodes as the envelope of every operation's result type.
pub fn check_failure(ex: &Examples) {
    let body = failure_envelope(ex);
    assert_no_route(&decode::<Envelope<RiskSummary>>(body.clone()));
    assert_no_route(&decode::<Envelope<RiskEvents>>(body.clone()));
    assert_no_route(&decode::<Envelope<Behaviors>>(body.clone()));
    assert_no_route(&decode::<Envelope<UpdateBehaviors>>(body.clone()));
    assert_no_route(&decode::<Envelope<Vec<Integration>>>(body.clone()));
    assert_no_route(&decode::<Envelope<Integration>>(body.clone()));
    assert_no_route(&decode::<Envelope<Empty>>(body.clone()));
    // And it is exactly what `Envelope::failure` sends.
    let sent =
        Envelope::<Integration>::failure(vec![ApiMessage::new(7003, "No route for the URI")]);
    assert_eq!(serde_json::to_value(sent).unwrap(), body);
}

/// `dlp_api-response-common`'s `success` example with `dlp_messages`' example for both lists.
pub fn check_success_common(ex: &Examples) -> Value {
    let messages = ex.get("dlp_messages");
    assert!(decode::<Vec<ApiMessage>>(messages.clone()).is_empty());
    json!({
        "success": ex.get("dlp_api-response-common/properties/success"),
        "errors": messages,
        "messages": messages,
        "result": {"users": []},
    })
}
