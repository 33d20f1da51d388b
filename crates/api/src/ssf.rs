//! The SSF transmitter configuration of an integration (OpenID Shared Signals Framework 1.0,
//! "Transmitter Configuration Metadata"), as served at its `well_known_url`.
//!
//! Decoding is tolerant: every field may be missing or `null`, unknown fields are ignored and
//! list items that are not strings are skipped, so a newer or sparser document still shows.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// The parts of the document the console shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SsfConfiguration {
    #[serde(default)]
    pub spec_version: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub jwks_uri: Option<String>,
    #[serde(default, deserialize_with = "strings")]
    pub delivery_methods_supported: Vec<String>,
    #[serde(default)]
    pub configuration_endpoint: Option<String>,
    #[serde(default, deserialize_with = "strings")]
    pub events_supported: Vec<String>,
}

/// A list of strings; `null`, a non-list, and items that are not strings become nothing.
fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    })
}
