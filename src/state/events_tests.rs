//! Native tests of the loaded data: one account at a time, a reload replaces a user.

use chrono::{TimeZone, Utc};
use zt_risk_api::{RiskEvent, RiskEvents, RiskLevel, UserRiskInfo};

use super::{Events, Loaded};

fn loaded(id: &str, events: usize) -> Loaded {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 28, 12, 0, 0)
        .single()
        .expect("time");
    let event = RiskEvent {
        id: "e".into(),
        name: "Impossible Travel".into(),
        risk_level: RiskLevel::High,
        timestamp: at,
        event_details: None,
    };
    Loaded {
        user: UserRiskInfo {
            user_id: id.into(),
            name: id.into(),
            email: format!("{id}@example.com"),
            max_risk_level: RiskLevel::High,
            event_count: events as u64,
            last_event: at,
        },
        detail: RiskEvents {
            name: id.into(),
            email: format!("{id}@example.com"),
            events: vec![event; events],
            last_reset_time: None,
            risk_level: Some(RiskLevel::High),
        },
        loaded_at: at,
    }
}

#[test]
fn holds_one_account_and_drops_results_for_another() {
    let mut data = Events::default();
    assert!(data.set_account("a"));
    assert!(data.insert("a", loaded("u1", 2)));
    assert!(
        !data.insert("b", loaded("u2", 1)),
        "another account's reply"
    );
    assert_eq!((data.users().len(), data.event_count()), (1, 2));
    assert!(!data.set_account("a"), "same account keeps the data");
    assert_eq!(data.users().len(), 1);
    assert!(data.set_account("b"));
    assert!(data.is_empty());
    assert_eq!(data.account(), "b");
    assert!(!data.insert("a", loaded("u1", 2)), "a late reply for a");
    assert!(data.is_empty());
}

#[test]
fn loading_a_user_again_replaces_their_events_in_place() {
    let mut data = Events::default();
    data.set_account("a");
    data.insert("a", loaded("u1", 2));
    data.insert("a", loaded("u2", 3));
    data.insert("a", loaded("u1", 5));
    assert_eq!(data.users().len(), 2);
    assert_eq!(data.users()[0].user.user_id, "u1", "positions are stable");
    assert_eq!(data.get("u1").map(|u| u.detail.events.len()), Some(5));
    assert_eq!(data.event_count(), 8);
    data.clear();
    assert!(data.get("u1").is_none() && data.is_empty());
}
