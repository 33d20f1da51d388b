//! The body of `PUT /access/policies/{policy_id}` (a full overwrite) from a reusable policy as
//! read and its changed rule lists: every other member the update takes goes back as it was
//! read, byte for byte, and every rule too. Only what the SDK's `PolicyUpdateParams` accepts is
//! sent: the read-only members (`id`, `created_at`, `updated_at`, `app_count`, `reusable`…) and
//! members this build does not know are left out.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::fields::RawFields;
use super::policies::{Policy, Position};
use super::rules::Rule;

/// The members `PolicyUpdateParams` (SDK 5.9.0) has, the first three required.
pub const UPDATE_MEMBERS: [&str; 13] = [
    "decision",
    "include",
    "name",
    "approval_groups",
    "approval_required",
    "connection_rules",
    "exclude",
    "isolation_required",
    "mfa_config",
    "purpose_justification_prompt",
    "purpose_justification_required",
    "require",
    "session_duration",
];

/// The only member the update takes as `null` (the SDK types it `Optional[str]`); a `null`
/// read for any other is left out, which the API reads as not set.
const NULLABLE: &str = "session_duration";

/// A policy's three rule lists, to change before building the update.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleLists {
    pub include: Vec<Rule>,
    pub exclude: Vec<Rule>,
    pub require: Vec<Rule>,
}

impl RuleLists {
    /// The lists of `policy` as read.
    pub fn of(policy: &Policy) -> Self {
        Self {
            include: policy.rules(Position::Include).to_vec(),
            exclude: policy.rules(Position::Exclude).to_vec(),
            require: policy.rules(Position::Require).to_vec(),
        }
    }

    pub fn get(&self, position: Position) -> &[Rule] {
        match position {
            Position::Include => &self.include,
            Position::Exclude => &self.exclude,
            Position::Require => &self.require,
        }
    }

    pub fn get_mut(&mut self, position: Position) -> &mut Vec<Rule> {
        match position {
            Position::Include => &mut self.include,
            Position::Exclude => &mut self.exclude,
            Position::Require => &mut self.require,
        }
    }
}

/// Why no update body can be made: the policy as read lacks a member the update requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateError {
    pub missing: &'static str,
}

impl fmt::Display for UpdateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the policy as read has no {}, which an update must send",
            self.missing
        )
    }
}

impl std::error::Error for UpdateError {}

/// The body of `PUT /access/policies/{policy_id}`: a JSON object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyUpdate(RawFields);

impl PolicyUpdate {
    pub fn fields(&self) -> &RawFields {
        &self.0
    }
}

impl Serialize for PolicyUpdate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The update of `policy` with `rules` in place of its own. Members keep the order read;
/// `include` is always sent (required), `exclude` and `require` when read or not empty.
pub fn update_body(policy: &Policy, rules: &RuleLists) -> Result<PolicyUpdate, UpdateError> {
    for required in ["decision", "name"] {
        if policy
            .fields()
            .parse::<serde_json::Value>(required)
            .ok()
            .flatten()
            .is_none()
        {
            return Err(UpdateError { missing: required });
        }
    }
    let mut out = RawFields::default();
    let mut sent: Vec<&str> = Vec::new();
    for (name, value) in policy.fields().iter() {
        let Some(member) = UPDATE_MEMBERS.iter().find(|m| **m == name) else {
            continue;
        };
        if sent.contains(member) {
            continue;
        }
        sent.push(member);
        match position(member) {
            Some(p) => out.push(*member, list(rules.get(p))),
            None => {
                // The last of duplicate members, as the API reads them.
                let value = policy.fields().get(member).unwrap_or(value);
                if value.get() != "null" || *member == NULLABLE {
                    out.push(*member, value.to_owned());
                }
            }
        }
    }
    for p in Position::ALL {
        let missing = !sent.contains(&p.as_str());
        if missing && (p == Position::Include || !rules.get(p).is_empty()) {
            out.push(p.as_str(), list(rules.get(p)));
        }
    }
    Ok(PolicyUpdate(out))
}

fn position(member: &str) -> Option<Position> {
    Position::ALL.into_iter().find(|p| p.as_str() == member)
}

/// A JSON array of the rules' exact texts.
fn list(rules: &[Rule]) -> Box<RawValue> {
    let mut text = String::from("[");
    for (i, rule) in rules.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(rule.raw());
    }
    text.push(']');
    // Each rule's text is JSON, so the array is too.
    RawValue::from_string(text).unwrap_or_default()
}
