//! What the console keeps per profile, as it is written to the browser's database: the last
//! summary row of each user ([`UserRecord`]), the events last fetched for them
//! ([`DetailRecord`]), and the risk history ([`Entry`]). Plain data with a schema version;
//! decoding is tolerant (a record that does not decode is skipped and counted, never fatal).
//!
//! Levels are kept as the API wrote them (`RiskLevel::as_str`), so a level this build does not
//! know is stored and read back unchanged. Field names are short: 50,000 users × 20 events
//! are a million records' worth of keys.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zt_risk_api::{RiskEvent, RiskEvents, RiskLevel, UserRiskInfo};

/// The version of the records' layout. A database written with another one is migrated or
/// set aside (`memory::schema`).
pub const SCHEMA: u32 = 1;

/// A level as text, read back with `RiskLevel::from_wire`.
mod level {
    use serde::{Deserialize, Deserializer, Serializer};
    use zt_risk_api::RiskLevel;

    pub fn serialize<S: Serializer>(level: &RiskLevel, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(level.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<RiskLevel, D::Error> {
        Ok(RiskLevel::from_wire(&String::deserialize(d)?))
    }

    /// The same for an optional level.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use zt_risk_api::RiskLevel;

        pub fn serialize<S: Serializer>(
            level: &Option<RiskLevel>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match level {
                Some(level) => s.serialize_some(level.as_str()),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<RiskLevel>, D::Error> {
            Ok(Option::<String>::deserialize(d)?.map(|s| RiskLevel::from_wire(&s)))
        }
    }
}

/// A summary row, as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "e")]
    pub email: String,
    #[serde(rename = "l", with = "level")]
    pub level: RiskLevel,
    #[serde(rename = "c")]
    pub count: u64,
    #[serde(rename = "t")]
    pub last_event: DateTime<Utc>,
}

impl Row {
    pub fn of(user: &UserRiskInfo) -> Self {
        Self {
            name: user.name.clone(),
            email: user.email.clone(),
            level: user.max_risk_level.clone(),
            count: user.event_count,
            last_event: user.last_event,
        }
    }

    /// The summary row of user `id`.
    pub fn to_user(&self, id: &str) -> UserRiskInfo {
        UserRiskInfo {
            user_id: id.to_owned(),
            name: self.name.clone(),
            email: self.email.clone(),
            max_risk_level: self.level.clone(),
            event_count: self.count,
            last_event: self.last_event,
        }
    }

    /// What a fetch of the user's events is stamped with.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            last_event: self.last_event,
            count: self.count,
            level: self.level.clone(),
        }
    }
}

/// The summary row a fetch was made under: while a user's row still has the same
/// `last_event` and `event_count`, the events fetched then are the events now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stamp {
    #[serde(rename = "t")]
    pub last_event: DateTime<Utc>,
    #[serde(rename = "c")]
    pub count: u64,
    #[serde(rename = "l", with = "level")]
    pub level: RiskLevel,
}

impl Stamp {
    /// Whether events fetched under this stamp are still the user's events under `row`.
    pub fn holds_for(&self, row: &UserRiskInfo) -> bool {
        self.last_event == row.last_event && self.count == row.event_count
    }
}

/// One user as kept: the last summary row seen, whether they have left the summary since, and
/// the stamp of the events kept for them (in [`DetailRecord`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRecord {
    #[serde(rename = "v")]
    pub version: u32,
    #[serde(rename = "r")]
    pub row: Row,
    /// When the user was first seen missing from the summary (`row` is their last row).
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<DateTime<Utc>>,
    /// The events kept: the row they were fetched under, and when.
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<Fetched>,
}

/// When a user's events were fetched, and under which row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fetched {
    #[serde(rename = "s")]
    pub under: Stamp,
    #[serde(rename = "a")]
    pub at: DateTime<Utc>,
    /// How many events were kept (listed and earlier ones).
    #[serde(rename = "n")]
    pub events: usize,
}

impl UserRecord {
    /// A user seen in a summary for the first time.
    pub fn new(row: Row) -> Self {
        Self {
            version: SCHEMA,
            row,
            left_at: None,
            fetched: None,
        }
    }

    /// Whether the kept events are the user's events under `row` (fetched under a row with
    /// the same last event and count).
    pub fn is_fresh_for(&self, row: &UserRiskInfo) -> bool {
        self.fetched
            .as_ref()
            .is_some_and(|f| f.under.holds_for(row))
    }
}

/// An event as kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "l", with = "level")]
    pub level: RiskLevel,
    #[serde(rename = "t")]
    pub at: DateTime<Utc>,
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

impl Event {
    pub fn of(e: &RiskEvent) -> Self {
        Self {
            id: e.id.clone(),
            name: e.name.clone(),
            level: e.risk_level.clone(),
            at: e.timestamp,
            details: e.event_details.clone(),
        }
    }

    pub fn to_api(&self) -> RiskEvent {
        RiskEvent {
            id: self.id.clone(),
            name: self.name.clone(),
            risk_level: self.level.clone(),
            timestamp: self.at,
            event_details: self.details.clone(),
        }
    }
}

/// A user's events as last fetched (`GET /{user_id}`), and the events seen earlier that the
/// API no longer lists (it drops them on a reset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetailRecord {
    #[serde(rename = "v")]
    pub version: u32,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "e")]
    pub email: String,
    #[serde(rename = "ev")]
    pub events: Vec<Event>,
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub last_reset: Option<DateTime<Utc>>,
    #[serde(
        rename = "l",
        default,
        skip_serializing_if = "Option::is_none",
        with = "level::option"
    )]
    pub level: Option<RiskLevel>,
    /// Events no longer listed by the API, each with the reset that dropped it (`None`: it
    /// went without a newer reset).
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<(Event, Option<DateTime<Utc>>)>,
}

impl DetailRecord {
    pub fn of(detail: &RiskEvents) -> Self {
        Self {
            version: SCHEMA,
            name: detail.name.clone(),
            email: detail.email.clone(),
            events: detail.events.iter().map(Event::of).collect(),
            last_reset: detail.last_reset_time,
            level: detail.risk_level.clone(),
            kept: Vec::new(),
        }
    }

    /// The detail as the API returned it (without the kept events).
    pub fn to_api(&self) -> RiskEvents {
        RiskEvents {
            name: self.name.clone(),
            email: self.email.clone(),
            events: self.events.iter().map(Event::to_api).collect(),
            last_reset_time: self.last_reset,
            risk_level: self.level.clone(),
        }
    }
}

/// One moment of the risk history: what changed for one user or behavior.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(rename = "v")]
    pub version: u32,
    #[serde(rename = "a")]
    pub at: DateTime<Utc>,
    #[serde(rename = "s")]
    pub subject: Subject,
    #[serde(rename = "c")]
    pub changes: Vec<Change>,
}

/// Whom a history entry is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "k")]
pub enum Subject {
    /// A user (their id, and the name to show: name or email).
    #[serde(rename = "u")]
    User { id: String, name: String },
    /// A behavior (its id and name).
    #[serde(rename = "b")]
    Behavior { id: String, name: String },
}

impl Subject {
    /// The key the history is looked up by: the user id, or `behavior:<id>`.
    pub fn key(&self) -> String {
        match self {
            Subject::User { id, .. } => id.clone(),
            Subject::Behavior { id, .. } => format!("behavior:{id}"),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Subject::User { name, .. } | Subject::Behavior { name, .. } => name,
        }
    }
}

/// A change, as the risk history records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "k")]
pub enum Change {
    /// The user appeared in the summary (first seen, or back after leaving).
    #[serde(rename = "in")]
    Appeared {
        #[serde(with = "level")]
        level: RiskLevel,
        count: u64,
    },
    /// The user's level changed.
    #[serde(rename = "lv")]
    Level {
        #[serde(with = "level")]
        from: RiskLevel,
        #[serde(with = "level")]
        to: RiskLevel,
    },
    /// The user's count of events changed.
    #[serde(rename = "n")]
    Count { from: u64, to: u64 },
    /// The user left the summary (at `level`).
    #[serde(rename = "out")]
    Left {
        #[serde(with = "level")]
        level: RiskLevel,
    },
    /// The user's score was reset at `at`.
    #[serde(rename = "reset")]
    Reset { at: DateTime<Utc> },
    /// A behavior appeared in `GET /behaviors`.
    #[serde(rename = "b+")]
    BehaviorAdded {
        enabled: bool,
        #[serde(with = "level")]
        level: RiskLevel,
    },
    /// A behavior's switch or level changed.
    #[serde(rename = "b~")]
    BehaviorChanged {
        enabled: (bool, bool),
        #[serde(with = "level")]
        from: RiskLevel,
        #[serde(with = "level")]
        to: RiskLevel,
    },
    /// A behavior is no longer listed.
    #[serde(rename = "b-")]
    BehaviorRemoved,
}

/// Decodes a record written by this version; `None` for anything else (garbage, a record of
/// another version, another shape).
pub fn decode<T: serde::de::DeserializeOwned + Versioned>(text: &str) -> Option<T> {
    serde_json::from_str::<T>(text)
        .ok()
        .filter(|r| r.version() == SCHEMA)
}

/// A record that carries the schema version it was written with.
pub trait Versioned {
    fn version(&self) -> u32;
}

impl Versioned for UserRecord {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for DetailRecord {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for Entry {
    fn version(&self) -> u32 {
        self.version
    }
}

/// Encodes a record (only an unencodable `event_details` value could fail: then `None`).
pub fn encode<T: Serialize>(record: &T) -> Option<String> {
    serde_json::to_string(record).ok()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 12, minute, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn records_round_trip_with_unknown_levels_and_any_details() {
        let detail = RiskEvents {
            name: "Zoë <b>".into(),
            email: "z@example.com".into(),
            events: vec![RiskEvent {
                id: "e1".into(),
                name: "Impossible Travel".into(),
                risk_level: RiskLevel::Unknown("severe".into()),
                timestamp: at(1),
                event_details: Some(serde_json::json!({"a": [1, null, {"b": "<script>"}]})),
            }],
            last_reset_time: Some(at(0)),
            risk_level: Some(RiskLevel::High),
        };
        let mut record = DetailRecord::of(&detail);
        record
            .kept
            .push((Event::of(&detail.events[0]), Some(at(0))));
        let text = encode(&record).expect("encodes");
        let back: DetailRecord = decode(&text).expect("decodes");
        assert_eq!(back, record);
        assert_eq!(back.to_api(), detail);
        let entry = Entry {
            version: SCHEMA,
            at: at(2),
            subject: Subject::User {
                id: "u1".into(),
                name: "Zoë".into(),
            },
            changes: vec![
                Change::Level {
                    from: RiskLevel::Low,
                    to: RiskLevel::Unknown("x".into()),
                },
                Change::Reset { at: at(1) },
            ],
        };
        assert_eq!(decode::<Entry>(&encode(&entry).expect("e")), Some(entry));
    }

    #[test]
    fn garbage_and_other_versions_do_not_decode() {
        let user = UserRecord::new(Row {
            name: "A".into(),
            email: "a@x".into(),
            level: RiskLevel::Low,
            count: 1,
            last_event: at(3),
        });
        let text = encode(&user).expect("encodes");
        assert_eq!(decode::<UserRecord>(&text), Some(user));
        let newer = text.replace("\"v\":1", "\"v\":2");
        assert_eq!(decode::<UserRecord>(&newer), None);
        for garbage in [
            "",
            "null",
            "[]",
            "{}",
            "{\"v\":1}",
            "not json",
            "{\"v\":1,\"r\":7}",
        ] {
            assert_eq!(decode::<UserRecord>(garbage), None, "{garbage}");
        }
    }
}
