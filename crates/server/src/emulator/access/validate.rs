//! The body of `PUT /access/policies/{id}` checked against the SDK's `PolicyUpdateParams`:
//! every problem a 400 with a code ≥ 1000 and `source.pointer` to it, all at once. The rule
//! types the console reads are checked in depth; any other rule is accepted as given and kept
//! byte for byte. Members the update does not take are ignored, as the API ignores them.

use serde::Deserialize;
use serde_json::{Map, Value};
use zt_risk_api::access::Rule;

use super::data::PolicyUpdate;
use super::settings::{self, SETTINGS};
use crate::emulator::validate::{self, kind, pointer_escape, Problems};
use crate::envelope::{ApiError, BAD_JSON, INVALID};

const DECISIONS: [&str; 4] = ["allow", "deny", "non_identity", "bypass"];
const LEVELS: [&str; 4] = ["low", "medium", "high", "unscored"];

/// The rule lists as given, each rule's JSON text kept.
#[derive(Deserialize)]
struct Lists {
    #[serde(default)]
    include: Vec<Rule>,
    #[serde(default)]
    exclude: Vec<Rule>,
    #[serde(default)]
    require: Vec<Rule>,
}

/// A valid update body, or every problem in it.
pub fn update_policy(body: &[u8]) -> Result<PolicyUpdate, ApiError> {
    let map = validate::object(body)?;
    let mut p = Problems::default();
    let decision = one_of(&mut p, &map, "decision", &DECISIONS);
    let name = match map.get("name") {
        None => {
            p.missing("/name", "name");
            None
        }
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::String(_)) => {
            p.add(INVALID, "/name", "name must not be empty".into());
            None
        }
        Some(v) => {
            p.add(
                INVALID,
                "/name",
                format!("name must be a string, not {}", kind(v)),
            );
            None
        }
    };
    for (list, required) in [("include", true), ("exclude", false), ("require", false)] {
        match map.get(list) {
            None if required => p.missing("/include", "include"),
            None => {}
            Some(Value::Array(rules)) => {
                for (i, r) in rules.iter().enumerate() {
                    rule(&mut p, r, &format!("/{list}/{i}"));
                }
            }
            Some(v) => p.add(
                INVALID,
                &format!("/{list}"),
                format!("{list} must be an array of rules, not {}", kind(v)),
            ),
        }
    }
    settings::check(&mut p, &map);
    p.finish()?;
    let lists: Lists = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(BAD_JSON, format!("The rule lists cannot be read: {e}")).at("")
    })?;
    Ok(PolicyUpdate {
        name: name.unwrap_or_default(),
        decision: decision.unwrap_or_default(),
        include: lists.include,
        exclude: lists.exclude,
        require: lists.require,
        settings: map
            .into_iter()
            .filter(|(k, _)| SETTINGS.contains(&k.as_str()))
            .collect(),
    })
}

/// A required string member that must be one of `allowed`.
fn one_of(
    p: &mut Problems,
    map: &Map<String, Value>,
    key: &str,
    allowed: &[&str],
) -> Option<String> {
    let at = format!("/{key}");
    match map.get(key) {
        None => p.missing(&at, key),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => return Some(s.clone()),
        Some(v) => p.add(
            INVALID,
            &at,
            format!("{key} must be one of {}; got {v}", allowed.join(", ")),
        ),
    }
    None
}

/// One rule at pointer `at`: an object with one member, its type.
fn rule(p: &mut Problems, value: &Value, at: &str) {
    let Value::Object(members) = value else {
        p.add(
            INVALID,
            at,
            format!("A rule must be an object, not {}", kind(value)),
        );
        return;
    };
    let mut each = members.iter();
    let (Some((name, inner)), None) = (each.next(), each.next()) else {
        p.add(
            INVALID,
            at,
            "A rule is an object with exactly one member, named for its type".into(),
        );
        return;
    };
    let at = format!("{at}/{}", pointer_escape(name));
    match name.as_str() {
        "user_risk_score" => risk_levels(p, inner, &at),
        "email" => text(p, inner, "email", &at),
        "email_domain" => text(p, inner, "domain", &at),
        "group" => text(p, inner, "id", &at),
        "everyone" if !inner.is_object() => p.add(
            INVALID,
            &at,
            format!("everyone must be an empty object, not {}", kind(inner)),
        ),
        // Any other rule type is the API's to judge: kept as given.
        _ => {}
    }
}

fn risk_levels(p: &mut Problems, inner: &Value, at: &str) {
    let levels_at = format!("{at}/user_risk_score");
    match inner.get("user_risk_score") {
        Some(Value::Array(levels)) => {
            for (i, level) in levels.iter().enumerate() {
                if !level.as_str().is_some_and(|l| LEVELS.contains(&l)) {
                    p.add(
                        INVALID,
                        &format!("{levels_at}/{i}"),
                        format!(
                            "A risk score level is one of {}; got {level}",
                            LEVELS.join(", ")
                        ),
                    );
                }
            }
        }
        Some(v) => p.add(
            INVALID,
            &levels_at,
            format!(
                "user_risk_score.user_risk_score must be an array, not {}",
                kind(v)
            ),
        ),
        None => p.missing(&levels_at, "user_risk_score.user_risk_score"),
    }
}

/// `{member: "non-empty string"}`
fn text(p: &mut Problems, inner: &Value, member: &str, at: &str) {
    let at = format!("{at}/{member}");
    match inner.get(member) {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        Some(v) => p.add(
            INVALID,
            &at,
            format!("{member} must be a non-empty string; got {v}"),
        ),
        None => p.missing(&at, member),
    }
}
