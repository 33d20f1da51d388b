//! The body of `PUT /access/policies/{id}` checked against the SDK's `PolicyUpdateParams`:
//! every problem a 400 with a code ≥ 1000 and `source.pointer` to it, all at once. The rule
//! types the console reads are checked in depth; any other rule is accepted as given and kept
//! byte for byte. Members the update does not take are ignored, as the API ignores them.

use serde::Deserialize;
use serde_json::{Map, Value};
use zt_risk_api::access::Rule;

use super::data::PolicyUpdate;
use crate::emulator::validate::{self, boolean, kind, pointer_escape, Problems};
use crate::envelope::{ApiError, BAD_JSON, INVALID};

const DECISIONS: [&str; 4] = ["allow", "deny", "non_identity", "bypass"];
const LEVELS: [&str; 4] = ["low", "medium", "high", "unscored"];

/// The members an update takes besides name, decision and the rule lists.
const SETTINGS: [&str; 8] = [
    "approval_groups",
    "approval_required",
    "connection_rules",
    "isolation_required",
    "mfa_config",
    "purpose_justification_prompt",
    "purpose_justification_required",
    "session_duration",
];

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
    settings(&mut p, &map);
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

fn settings(p: &mut Problems, map: &Map<String, Value>) {
    for key in [
        "approval_required",
        "isolation_required",
        "purpose_justification_required",
    ] {
        if map.contains_key(key) {
            boolean(p, map, key, &format!("/{key}"));
        }
    }
    for key in ["connection_rules", "mfa_config"] {
        if let Some(v) = map.get(key).filter(|v| !v.is_object()) {
            p.add(
                INVALID,
                &format!("/{key}"),
                format!("{key} must be an object, not {}", kind(v)),
            );
        }
    }
    if let Some(v) = map
        .get("purpose_justification_prompt")
        .filter(|v| !v.is_string())
    {
        p.add(
            INVALID,
            "/purpose_justification_prompt",
            format!(
                "purpose_justification_prompt must be a string, not {}",
                kind(v)
            ),
        );
    }
    match map.get("session_duration") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if is_duration(s) => {}
        Some(v) => p.add(
            INVALID,
            "/session_duration",
            format!("session_duration must be a duration such as 300ms or 2h45m (units ns, us, µs, ms, s, m, h); got {v}"),
        ),
    }
    match map.get("approval_groups") {
        None => {}
        Some(Value::Array(groups)) => {
            for (i, group) in groups.iter().enumerate() {
                approval_group(p, group, &format!("/approval_groups/{i}"));
            }
        }
        Some(v) => p.add(
            INVALID,
            "/approval_groups",
            format!("approval_groups must be an array, not {}", kind(v)),
        ),
    }
}

/// `{approvals_needed: number ≥ 0, email_addresses?: [string], email_list_uuid?: string}`
fn approval_group(p: &mut Problems, group: &Value, at: &str) {
    let Value::Object(members) = group else {
        p.add(
            INVALID,
            at,
            format!("An approval group must be an object, not {}", kind(group)),
        );
        return;
    };
    match members.get("approvals_needed") {
        Some(n) if n.as_f64().is_some_and(|n| n >= 0.0) => {}
        Some(v) => p.add(
            INVALID,
            &format!("{at}/approvals_needed"),
            format!("approvals_needed must be a number of at least 0; got {v}"),
        ),
        None => p.missing(&format!("{at}/approvals_needed"), "approvals_needed"),
    }
    let strings = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(Value::is_string));
    if members.get("email_addresses").is_some_and(|v| !strings(v)) {
        p.add(
            INVALID,
            &format!("{at}/email_addresses"),
            "email_addresses must be an array of strings".into(),
        );
    }
    if members
        .get("email_list_uuid")
        .is_some_and(|v| !v.is_string())
    {
        p.add(
            INVALID,
            &format!("{at}/email_list_uuid"),
            "email_list_uuid must be a string".into(),
        );
    }
}

/// A Go duration as the SDK describes it: numbers each followed by a unit (`300ms`, `2h45m`,
/// `1.5h`), or `0`.
fn is_duration(s: &str) -> bool {
    if s == "0" {
        return true;
    }
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..digits];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return false;
        }
        rest = &rest[digits..];
        let Some(unit) = ["ns", "us", "µs", "ms", "s", "m", "h"]
            .into_iter()
            .find(|u| rest.starts_with(u))
        else {
            return false;
        };
        rest = &rest[unit.len()..];
    }
    !s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        for good in [
            "0", "300ms", "2h45m", "1.5h", "24h", "10us", "5µs", "1h0m0s",
        ] {
            assert!(is_duration(good), "{good}");
        }
        for bad in ["", "h", "24", "1d", "1.2.3h", "-1h", "1 h", ".h"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }
}
