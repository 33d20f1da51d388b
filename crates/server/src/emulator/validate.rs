//! Request bodies and path ids checked the way Cloudflare does: every problem is a 4xx v4 error
//! with a code ≥ 1000, a message naming the field and `source.pointer` to it. Never panics.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{Map, Value};
use zt_risk_api::{validate, ApiMessage, BehaviorUpdate, RiskLevel, UpdateBehaviors};

use crate::envelope::{ApiError, BAD_JSON, INVALID, MISSING};

/// Parses the body as a JSON object.
pub fn object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            BAD_JSON,
            "Request body is empty; expected a JSON object",
        )
        .at(""));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::bad_request(
            INVALID,
            format!("Request body must be a JSON object, not {}", kind(&other)),
        )
        .at("")),
        Err(e) => Err(ApiError::bad_request(
            BAD_JSON,
            format!("Malformed JSON in request body: {e}"),
        )
        .at("")),
    }
}

/// Collects field errors so one response lists every problem at once.
#[derive(Default)]
pub(crate) struct Problems(Vec<ApiMessage>);

impl Problems {
    pub(crate) fn add(&mut self, code: i64, pointer: &str, message: String) {
        self.0.push(ApiMessage::new(code, message).at(pointer));
    }

    pub(crate) fn missing(&mut self, pointer: &str, field: &str) {
        self.add(MISSING, pointer, format!("{field} is required"));
    }

    pub(crate) fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            return Ok(());
        }
        Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            errors: self.0,
            allow: None,
        })
    }
}

/// What a JSON value is, for messages ("a string", "an array"…).
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn boolean(
    p: &mut Problems,
    map: &Map<String, Value>,
    key: &str,
    at: &str,
) -> Option<bool> {
    match map.get(key) {
        None => p.missing(at, key),
        Some(Value::Bool(b)) => return Some(*b),
        Some(v) => p.add(
            INVALID,
            at,
            format!("{key} must be a boolean, not {}", kind(v)),
        ),
    }
    None
}

fn risk_level(p: &mut Problems, map: &Map<String, Value>, at: &str) -> Option<RiskLevel> {
    match map.get("risk_level") {
        None => p.missing(at, "risk_level"),
        Some(Value::String(s)) => match RiskLevel::parse_known(s) {
            Some(level) => return Some(level),
            None => p.add(
                INVALID,
                at,
                format!("risk_level must be one of low, medium, high; got {s:?}"),
            ),
        },
        Some(v) => p.add(
            INVALID,
            at,
            format!("risk_level must be a string, not {}", kind(v)),
        ),
    }
    None
}

/// `PUT /behaviors`: `{behaviors: {id: {enabled, risk_level}}}`; other keys of an item (such as
/// `name`) are ignored because they cannot be changed. Unknown ids are the store's concern.
pub fn update_behaviors(map: &Map<String, Value>) -> Result<UpdateBehaviors, ApiError> {
    let mut p = Problems::default();
    let mut out = BTreeMap::new();
    match map.get("behaviors") {
        None => p.missing("/behaviors", "behaviors"),
        Some(Value::Object(items)) => {
            for (id, item) in items {
                let at = format!("/behaviors/{}", pointer_escape(id));
                let Value::Object(item) = item else {
                    p.add(
                        INVALID,
                        &at,
                        format!("behaviors.{id} must be an object, not {}", kind(item)),
                    );
                    continue;
                };
                let enabled = boolean(&mut p, item, "enabled", &format!("{at}/enabled"));
                let level = risk_level(&mut p, item, &format!("{at}/risk_level"));
                if let (Some(enabled), Some(risk_level)) = (enabled, level) {
                    out.insert(
                        id.clone(),
                        BehaviorUpdate {
                            enabled,
                            risk_level,
                        },
                    );
                }
            }
        }
        Some(v) => p.add(
            INVALID,
            "/behaviors",
            format!("behaviors must be an object, not {}", kind(v)),
        ),
    }
    p.finish()?;
    Ok(UpdateBehaviors { behaviors: out })
}

/// A valid create body: tenant URL and the reference id (`None` = generate one).
pub struct Create {
    pub tenant_url: String,
    pub reference_id: Option<String>,
}

/// `POST /integrations`: `integration_type` "Okta", `tenant_url` an https base URL,
/// optional `reference_id` (string or null; blank counts as absent).
pub fn create_integration(map: &Map<String, Value>) -> Result<Create, ApiError> {
    let mut p = Problems::default();
    match map.get("integration_type") {
        None => p.missing("/integration_type", "integration_type"),
        Some(Value::String(s)) if s == "Okta" => {}
        Some(v) => p.add(
            INVALID,
            "/integration_type",
            format!("integration_type must be \"Okta\" (the only supported type); got {v}"),
        ),
    }
    let tenant_url = tenant_url(&mut p, map);
    let reference_id = reference_id(&mut p, map);
    p.finish()?;
    Ok(Create {
        tenant_url: tenant_url.unwrap_or_default(),
        reference_id: reference_id.flatten(),
    })
}

/// A valid update body.
pub struct Update {
    pub active: bool,
    pub tenant_url: String,
    pub reference_id: Option<String>,
}

/// `PUT /integrations/{id}`: `active` and `tenant_url` required; an absent or null
/// `reference_id` keeps the current one.
pub fn update_integration(map: &Map<String, Value>) -> Result<Update, ApiError> {
    let mut p = Problems::default();
    let active = boolean(&mut p, map, "active", "/active");
    let tenant_url = tenant_url(&mut p, map);
    let reference_id = reference_id(&mut p, map);
    p.finish()?;
    Ok(Update {
        active: active.unwrap_or_default(),
        tenant_url: tenant_url.unwrap_or_default(),
        reference_id: reference_id.flatten(),
    })
}

fn tenant_url(p: &mut Problems, map: &Map<String, Value>) -> Option<String> {
    match map.get("tenant_url") {
        None => p.missing("/tenant_url", "tenant_url"),
        Some(Value::String(s)) => match validate::tenant_url(s) {
            // Stored as sent (trimmed), like an API that validates but does not rewrite.
            Ok(_) => return Some(s.trim().to_owned()),
            Err(e) => p.add(
                INVALID,
                "/tenant_url",
                format!(
                    "tenant_url is not a valid URI for an Okta tenant: {}",
                    e.message
                ),
            ),
        },
        Some(v) => p.add(
            INVALID,
            "/tenant_url",
            format!("tenant_url must be a string, not {}", kind(v)),
        ),
    }
    None
}

/// `Some(None)` when absent, null or blank; `None` when invalid.
fn reference_id(p: &mut Problems, map: &Map<String, Value>) -> Option<Option<String>> {
    match map.get("reference_id") {
        None | Some(Value::Null) => return Some(None),
        Some(Value::String(s)) => match validate::reference_id(s) {
            Ok(r) => return Some(r),
            Err(e) => p.add(
                INVALID,
                "/reference_id",
                format!("reference_id is invalid: {}", e.message),
            ),
        },
        Some(v) => p.add(
            INVALID,
            "/reference_id",
            format!("reference_id must be a string or null, not {}", kind(v)),
        ),
    }
    None
}

/// Path ids that the contract types as UUIDs.
pub fn uuid(field: &str, value: &str) -> Result<(), ApiError> {
    if validate::is_uuid(value) {
        return Ok(());
    }
    Err(
        ApiError::bad_request(INVALID, format!("{field} must be a UUID; got {value:?}"))
            .at(format!("/{field}")),
    )
}

/// RFC 6901 escaping of one pointer token.
pub(crate) fn pointer_escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
