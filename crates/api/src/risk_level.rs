//! `RiskLevel`: ordered low < medium < high, tolerant when decoding, strict when encoding.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A risk level as the API reports it.
///
/// Decoding never fails on an unexpected string: it becomes [`RiskLevel::Unknown`] so one odd
/// value cannot break a whole page. Encoding an `Unknown` level is an error, so nothing the
/// API would reject is ever sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RiskLevel {
    /// A value this build does not know; sorts below every known level.
    Unknown(String),
    Low,
    Medium,
    High,
}

impl RiskLevel {
    /// The three levels the API accepts, lowest first.
    pub const KNOWN: [RiskLevel; 3] = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];

    /// Parses a wire value; anything but `low`, `medium`, `high` is `Unknown`.
    pub fn from_wire(s: &str) -> Self {
        match s {
            "low" => Self::Low,
            "medium" => Self::Medium,
            "high" => Self::High,
            other => Self::Unknown(other.to_owned()),
        }
    }

    /// Parses a wire value strictly, for input that must be one of the known levels.
    pub fn parse_known(s: &str) -> Option<Self> {
        match Self::from_wire(s) {
            Self::Unknown(_) => None,
            level => Some(level),
        }
    }

    /// The wire value (`low`, `medium`, `high`), or the raw unknown string.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Unknown(s) => s,
        }
    }

    /// The level as a number that sorts like it: 0 for every unknown value, then 1, 2, 3 for
    /// low, medium, high. For sorting many levels by a small key.
    pub fn rank(&self) -> u8 {
        match self {
            Self::Unknown(_) => 0,
            Self::Low => 1,
            Self::Medium => 2,
            Self::High => 3,
        }
    }

    /// A capitalised label for people ("High", or "Unknown (x)").
    pub fn label(&self) -> String {
        match self {
            Self::Low => "Low".into(),
            Self::Medium => "Medium".into(),
            Self::High => "High".into(),
            Self::Unknown(s) => format!("Unknown ({s})"),
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

impl fmt::Display for RiskLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RiskLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Unknown(s) => Err(serde::ser::Error::custom(format!(
                "unknown risk level {s:?} cannot be sent; expected low, medium or high"
            ))),
            known => serializer.serialize_str(known.as_str()),
        }
    }
}

/// Reads the wire string in place (no allocation for the known levels: a 50,000-user summary
/// has 50,000 of them).
struct Wire;

impl serde::de::Visitor<'_> for Wire {
    type Value = RiskLevel;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a risk level string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RiskLevel, E> {
        Ok(RiskLevel::from_wire(s))
    }
}

impl<'de> Deserialize<'de> for RiskLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Wire)
    }
}
