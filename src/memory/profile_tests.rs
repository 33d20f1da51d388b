//! Native tests of a profile's memory over the in-memory backend: what is kept survives a
//! reload, garbage is skipped and counted, a full quota prunes the oldest history first.

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, TimeZone, Utc};
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::*;
use crate::memory::backend::Store;
use crate::memory::fake::FakeBackend;
use crate::memory::record::Change;

/// Runs a future that never waits (the fake backend answers at once).
fn run<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the fake backend never waits"),
    }
}

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, minute, 0)
        .single()
        .expect("time")
}

fn row(id: &str, level: RiskLevel, count: u64) -> UserRiskInfo {
    UserRiskInfo {
        user_id: id.into(),
        name: format!("User {id}"),
        email: format!("{id}@example.com"),
        max_risk_level: level,
        event_count: count,
        last_event: at(count as u32),
    }
}

fn open(backend: &Rc<FakeBackend>) -> ProfileMemory {
    run(ProfileMemory::load(backend.clone() as Rc<dyn Backend>)).expect("loads")
}

#[test]
fn what_is_recorded_is_there_after_a_reload() {
    let backend = Rc::new(FakeBackend::default());
    let memory = open(&backend);
    assert_eq!(memory.last_seen(), None);
    run(memory.record_summary(&[row("a", RiskLevel::Low, 1)], at(10)));
    run(memory.set_scope(Scope::All));
    run(memory.set_settings(Settings { retention_days: 30 }));
    let again = open(&backend);
    assert_eq!(again.last_seen(), Some(at(10)));
    assert_eq!(again.scope(), Some(Scope::All));
    assert_eq!(again.settings().retention_days, 30);
    assert!(again.with_users(|u| u.contains_key("a")));
    let history = run(again.history_since(at(0)));
    assert_eq!(history.len(), 1);
    assert_eq!(
        history[0].changes,
        [Change::Appeared {
            level: RiskLevel::Low,
            count: 1
        }]
    );
    let stats = run(again.stats());
    assert_eq!((stats.users, stats.history), (1, 1));
}

#[test]
fn garbage_records_are_skipped_one_by_one_and_counted() {
    let backend = Rc::new(FakeBackend::default());
    let memory = open(&backend);
    run(memory.record_summary(&[row("a", RiskLevel::Low, 1)], at(10)));
    backend.put_raw(Store::Users, "hand-edited", "{\"not\": \"a record\"}");
    backend.put_raw(Store::Users, "newer", "{\"v\":99,\"r\":{}}");
    backend.put_raw(Store::Meta, "scope", "%%%");
    let again = open(&backend);
    assert!(again.with_users(|u| u.len() == 1 && u.contains_key("a")));
    assert_eq!(again.take_notices(), [Notice::Skipped(2)]);
    assert_eq!(again.scope(), None, "an unreadable setting is the default");
}

#[test]
fn a_full_quota_prunes_the_oldest_history_first_and_says_so() {
    let backend = Rc::new(FakeBackend::default());
    let memory = open(&backend);
    // Much history: 400 users appear, then all of them move, twice.
    let users = |level: RiskLevel, count: u64| -> Vec<UserRiskInfo> {
        (0..400)
            .map(|i| row(&format!("u{i:03}"), level.clone(), count))
            .collect()
    };
    run(memory.record_summary(&users(RiskLevel::Low, 1), at(1)));
    run(memory.record_summary(&users(RiskLevel::Medium, 2), at(2)));
    let before = backend.history_len();
    assert_eq!(before, 800);
    backend.quota.set(Some(backend.bytes() + 1_000));
    run(memory.record_summary(&users(RiskLevel::High, 3), at(3)));
    let notices = memory.take_notices();
    assert!(
        matches!(notices.as_slice(), [Notice::Pruned(n)] if *n > 0),
        "{notices:?}"
    );
    // The newest rows are kept; the oldest history went first.
    assert!(memory.with_users(|u| u["u000"].row.level == RiskLevel::High));
    let again = open(&backend);
    assert!(again.with_users(|u| u["u399"].row.count == 3));
    let oldest = run(again.history_since(at(0)));
    assert!(
        oldest.first().is_some_and(|e| e.at > at(1)),
        "the oldest went first"
    );
}

#[test]
fn history_older_than_the_retention_is_pruned() {
    let backend = Rc::new(FakeBackend::default());
    let memory = open(&backend);
    run(memory.record_summary(&[row("a", RiskLevel::Low, 1)], at(1)));
    run(memory.set_settings(Settings { retention_days: 1 }));
    assert_eq!(run(memory.prune(at(1) + chrono::Duration::hours(23))), 0);
    assert_eq!(run(memory.prune(at(1) + chrono::Duration::hours(25))), 1);
    assert_eq!(backend.history_len(), 0);
}

#[test]
fn forgetting_removes_everything() {
    let backend = Rc::new(FakeBackend::default());
    let memory = open(&backend);
    run(memory.record_summary(&[row("a", RiskLevel::Low, 1)], at(1)));
    run(memory.forget()).expect("forgets");
    assert_eq!(backend.bytes(), 0);
    assert!(memory.with_users(HashMap::is_empty));
}
