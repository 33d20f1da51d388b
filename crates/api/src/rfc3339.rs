//! Timestamps as the API writes them (RFC 3339: `2024-05-01T12:00:00Z`, fractions and numeric
//! offsets allowed), decoded with chrono's dedicated RFC 3339 parser.
//!
//! chrono's own `Deserialize` goes through its general, format-driven parser (spaces around
//! separators, a "UTC" suffix), which the API never needs and which costs the browser console
//! about 2 KB after compression. Encoding is unchanged (chrono's `Serialize`).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

struct Rfc3339;

impl Visitor<'_> for Rfc3339 {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 timestamp")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(E::custom)
    }
}

/// `#[serde(deserialize_with = "rfc3339::deserialize")]` for a `DateTime<Utc>`.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Rfc3339)
}

/// A timestamp inside an `Option` (`null` is `None`).
struct Timestamp(DateTime<Utc>);

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d).map(Timestamp)
    }
}

/// `#[serde(default, deserialize_with = "rfc3339::option")]` for an `Option<DateTime<Utc>>`.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(Option::<Timestamp>::deserialize(d)?.map(|t| t.0))
}
