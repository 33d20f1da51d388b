//! Native tests of the loaded data: one account at a time, a reload replaces a user.

use zt_risk_api::RiskLevel;

use super::fixtures::loaded as fixture;
use super::{Events, Loaded};

fn loaded(id: &str, events: usize) -> Loaded {
    let mut user = fixture(
        0,
        id,
        &vec![("Impossible Travel", RiskLevel::High, 0); events],
    );
    user.user.user_id = id.into();
    user
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
