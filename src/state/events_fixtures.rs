//! Loaded users for native tests of everything that reads the events store.

use chrono::{DateTime, Duration, TimeZone, Utc};
use zt_risk_api::{RiskEvent, RiskEvents, RiskLevel, UserRiskInfo};

use super::{Events, Loaded};

/// 2026-11-01 00:00 UTC: the fixtures' hour 0.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
        .single()
        .expect("time")
}

/// User `u{id}` named `name`, with one event per `(behavior, level, hours after t0)`.
pub fn loaded(id: usize, name: &str, events: &[(&str, RiskLevel, i64)]) -> Loaded {
    let email = format!("{}@example.com", name.to_lowercase());
    let events: Vec<RiskEvent> = events
        .iter()
        .enumerate()
        .map(|(i, (behavior, level, hours))| RiskEvent {
            id: format!("{id}-{i}"),
            name: (*behavior).into(),
            risk_level: level.clone(),
            timestamp: t0() + Duration::hours(*hours),
            event_details: None,
        })
        .collect();
    Loaded {
        user: UserRiskInfo {
            user_id: format!("u{id}"),
            name: name.into(),
            email: email.clone(),
            max_risk_level: RiskLevel::High,
            event_count: events.len() as u64,
            last_event: t0(),
        },
        detail: RiskEvents {
            name: name.into(),
            email,
            events,
            last_reset_time: None,
            risk_level: Some(RiskLevel::High),
        },
        loaded_at: t0(),
        left: false,
        kept: Vec::new(),
    }
}

/// Account "a" holding `users`.
pub fn events(users: Vec<Loaded>) -> Events {
    let mut data = Events::default();
    data.set_account("a");
    for u in users {
        data.insert("a", u);
    }
    data
}
