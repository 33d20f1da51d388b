//! The members of a policy update besides its name, decision and rules (approvals, isolation,
//! MFA, purpose justification, session duration), checked as the SDK's `PolicyUpdateParams`
//! types them.

use serde_json::{Map, Value};

use crate::emulator::validate::{boolean, kind, Problems};
use crate::envelope::INVALID;

/// The members an update takes besides name, decision and the rule lists.
pub const SETTINGS: [&str; 8] = [
    "approval_groups",
    "approval_required",
    "connection_rules",
    "isolation_required",
    "mfa_config",
    "purpose_justification_prompt",
    "purpose_justification_required",
    "session_duration",
];

/// Adds a problem for each of [`SETTINGS`] present with the wrong type or shape.
pub fn check(p: &mut Problems, map: &Map<String, Value>) {
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
