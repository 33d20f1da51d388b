//! Request and response bodies of the 11 risk scoring operations.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{rfc3339, RiskLevel};

/// One row of `GET /summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRiskInfo {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub max_risk_level: RiskLevel,
    pub event_count: u64,
    #[serde(deserialize_with = "rfc3339::deserialize")]
    pub last_event: DateTime<Utc>,
}

impl UserRiskInfo {
    /// The name to show for the user: the name, or the email when the name is blank.
    pub fn display_name(&self) -> &str {
        name_or_email(&self.name, &self.email)
    }
}

/// `name`, or `email` when `name` is blank: how every screen and file names a person.
fn name_or_email<'a>(name: &'a str, email: &'a str) -> &'a str {
    if name.trim().is_empty() {
        email
    } else {
        name
    }
}

/// Result of `GET /summary`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskSummary {
    pub users: Vec<UserRiskInfo>,
}

/// One event of a user's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskEvent {
    pub id: String,
    pub name: String,
    pub risk_level: RiskLevel,
    #[serde(deserialize_with = "rfc3339::deserialize")]
    pub timestamp: DateTime<Utc>,
    /// Any JSON value; absent and `null` both decode to `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_details: Option<serde_json::Value>,
}

/// Result of `GET /{user_id}`: a user's risk events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskEvents {
    pub name: String,
    pub email: String,
    pub events: Vec<RiskEvent>,
    /// Optional and nullable on the wire.
    #[serde(default, deserialize_with = "rfc3339::option")]
    pub last_reset_time: Option<DateTime<Utc>>,
    /// Absent after a reset or with no events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_level: Option<RiskLevel>,
}

impl RiskEvents {
    /// The name to show for the user: the name, or the email when the name is blank.
    pub fn display_name(&self) -> &str {
        name_or_email(&self.name, &self.email)
    }
}

/// A behavior as `GET /behaviors` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Behavior {
    pub name: String,
    pub description: String,
    pub enabled: bool,
    pub risk_level: RiskLevel,
}

/// Result of `GET /behaviors`, keyed by behavior id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Behaviors {
    pub behaviors: BTreeMap<String, Behavior>,
}

impl Behavior {
    /// The settable part of this behavior.
    pub fn settings(&self) -> BehaviorUpdate {
        BehaviorUpdate {
            enabled: self.enabled,
            risk_level: self.risk_level.clone(),
        }
    }
}

impl Behaviors {
    /// The settable part of every behavior, by id (the shape `PUT /behaviors` takes).
    pub fn settings(&self) -> BTreeMap<String, BehaviorUpdate> {
        self.behaviors
            .iter()
            .map(|(id, behavior)| (id.clone(), behavior.settings()))
            .collect()
    }
}

/// The settable part of a behavior.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BehaviorUpdate {
    pub enabled: bool,
    pub risk_level: RiskLevel,
}

/// Body and result of `PUT /behaviors`; ids left out keep their settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateBehaviors {
    pub behaviors: BTreeMap<String, BehaviorUpdate>,
}

/// The kind of risk-sharing integration; only Okta exists today.
///
/// Like [`RiskLevel`], tolerant when decoding and strict when encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntegrationType {
    Okta,
    /// A value this build does not know.
    Unknown(String),
}

impl IntegrationType {
    pub fn as_str(&self) -> &str {
        match self {
            Self::Okta => "Okta",
            Self::Unknown(s) => s,
        }
    }
}

impl Serialize for IntegrationType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Okta => serializer.serialize_str("Okta"),
            Self::Unknown(s) => Err(serde::ser::Error::custom(format!(
                "unknown integration type {s:?} cannot be sent; expected Okta"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for IntegrationType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(if raw == "Okta" {
            Self::Okta
        } else {
            Self::Unknown(raw)
        })
    }
}

/// A risk-sharing integration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Integration {
    pub id: String,
    pub account_tag: String,
    pub active: bool,
    #[serde(deserialize_with = "rfc3339::deserialize")]
    pub created_at: DateTime<Utc>,
    pub integration_type: IntegrationType,
    pub reference_id: String,
    pub tenant_url: String,
    pub well_known_url: String,
}

/// Body of `POST /integrations`. An omitted `reference_id` becomes a random UUID.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateIntegration {
    pub integration_type: IntegrationType,
    pub tenant_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
}

/// Body of `PUT /integrations/{id}`: a full overwrite of these fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UpdateIntegration {
    pub active: bool,
    pub tenant_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
}

/// Result of reset and delete: `{}` or `null`, kept as raw JSON.
pub type Empty = serde_json::Value;
