//! JSON text of the API's own objects, written by hand so a file is built a few rows at a time
//! and an unknown risk level (which `RiskLevel`'s `Serialize` refuses, to never send one) is
//! exported as the API returned it. Pure string building: no DOM.
//!
//! Shapes (one object per line):
//! - users: `{"users":[UserRiskInfo, …]}`, the `result` of `GET /summary`;
//! - detections: `{"detections":[{"user_id","name","email","event":RiskEvent}, …]}`: each
//!   event exactly as `GET /{user_id}` returns it, with the user's id, name and email from the
//!   summary beside it.

use chrono::{DateTime, SecondsFormat, Utc};
use zt_risk_api::{RiskEvent, UserRiskInfo};

use super::Who;

/// The text before the first user and after the last.
pub const USERS: (&str, &str) = ("{\"users\":[\n", "\n]}\n");
/// The text before the first detection and after the last.
pub const DETECTIONS: (&str, &str) = ("{\"detections\":[\n", "\n]}\n");

/// A timestamp as the API writes it: RFC 3339 in UTC with `Z`.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Appends the row separator: nothing before the first row, `,` and a newline after.
pub fn separator(out: &mut String, index: usize) {
    if index > 0 {
        out.push_str(",\n");
    }
}

/// Appends `u` as the API's `UserRiskInfo` object.
pub fn user(out: &mut String, u: &UserRiskInfo) {
    out.push_str("{\"user_id\":");
    string(out, &u.user_id);
    out.push_str(",\"name\":");
    string(out, &u.name);
    out.push_str(",\"email\":");
    string(out, &u.email);
    out.push_str(",\"max_risk_level\":");
    string(out, u.max_risk_level.as_str());
    out.push_str(",\"event_count\":");
    out.push_str(&u.event_count.to_string());
    out.push_str(",\"last_event\":");
    string(out, &timestamp(u.last_event));
    out.push('}');
}

/// Appends one detection: the user's id, name and email, and the API's `RiskEvent` object.
pub fn detection(out: &mut String, who: Who, e: &RiskEvent) {
    out.push_str("{\"user_id\":");
    string(out, who.user_id);
    out.push_str(",\"name\":");
    string(out, who.name);
    out.push_str(",\"email\":");
    string(out, who.email);
    out.push_str(",\"event\":{\"id\":");
    string(out, &e.id);
    out.push_str(",\"name\":");
    string(out, &e.name);
    out.push_str(",\"risk_level\":");
    string(out, e.risk_level.as_str());
    out.push_str(",\"timestamp\":");
    string(out, &timestamp(e.timestamp));
    if let Some(details) = &e.event_details {
        out.push_str(",\"event_details\":");
        out.push_str(&details.to_string());
    }
    out.push_str("}}");
}

/// Appends `s` as a JSON string: quotes, backslashes and control characters escaped.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
