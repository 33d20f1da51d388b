//! A user and their events as the emulator stores them. Seeded events keep only the seed of
//! their `event_details`, which are made again (identically) when the user's detail is read:
//! at 50,000 users, building every details object up front was half of the start-up time and
//! half of the memory.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use zt_risk_api::RiskLevel;

use super::details;
use super::rng::Rng;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    pub email: String,
    /// Newest first.
    pub events: Vec<Event>,
    #[serde(default)]
    pub last_reset_time: Option<DateTime<Utc>>,
}

/// A behavior a user triggered, with the level it had when it fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub behavior: String,
    pub risk_level: RiskLevel,
    pub timestamp: DateTime<Utc>,
    /// `None` = absent; `Some(Null)` = an explicit `null`, kept distinct across restarts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub event_details: Option<Value>,
    /// Seeded demo events: the details are `details::for_behavior` of this seed (and then
    /// `event_details` is unused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details_seed: Option<u64>,
}

impl Event {
    /// The `event_details` the API shows (`None`: the field is left out).
    pub fn details(&self) -> Option<Value> {
        match self.details_seed {
            Some(seed) => {
                details::for_behavior(&mut Rng::new(seed), &self.behavior, self.timestamp)
            }
            None => self.event_details.clone(),
        }
    }
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_details_are_made_the_same_every_time_and_only_the_seed_is_stored() {
        let now = Utc::now();
        let store = super::super::seed::generate(9, 40, now, "0123456789abcdef0123456789abcdef");
        let events: Vec<&Event> = store.users.values().flat_map(|u| &u.events).collect();
        let seeded: Vec<&&Event> = events.iter().filter(|e| e.details_seed.is_some()).collect();
        assert!(seeded.len() > 20);
        assert!(seeded.iter().all(|e| e.event_details.is_none()));
        assert!(seeded.iter().all(|e| e.details() == e.details()));
        assert!(
            seeded
                .iter()
                .filter(|e| e.details().is_some_and(|d| d.is_object()))
                .count()
                > 10
        );
        let json = serde_json::to_value(seeded[0]).unwrap_or_default();
        assert!(json.get("details_seed").is_some() && json.get("event_details").is_none());
        let back: Event = serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.details(), seeded[0].details());
        // The hostile users' details are stored as they are.
        assert!(events
            .iter()
            .any(|e| e.details_seed.is_none() && e.event_details.is_some()));
    }
}
