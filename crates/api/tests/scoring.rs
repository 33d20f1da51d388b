//! The scoring rule: a user's level is the highest current level among the enabled behaviors
//! they triggered since their last reset; and the count of users a change would move.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use zt_risk_api::scoring::{
    by_name, classify, tally, user_level, users_changing_level, why, Counts, Settings, Tally,
};
use zt_risk_api::{Behavior, BehaviorUpdate, Behaviors, RiskEvent, RiskEvents, RiskLevel};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0)
        .single()
        .expect("time")
}

fn behaviors() -> Behaviors {
    let b = |name: &str, enabled, level| Behavior {
        name: name.into(),
        description: String::new(),
        enabled,
        risk_level: level,
    };
    Behaviors {
        behaviors: BTreeMap::from([
            ("travel".to_owned(), b("Travel", true, RiskLevel::High)),
            ("dlp".to_owned(), b("DLP", true, RiskLevel::Low)),
            ("edr".to_owned(), b("EDR", false, RiskLevel::Medium)),
        ]),
    }
}

fn user(events: &[(&str, i64)], reset: Option<i64>) -> RiskEvents {
    RiskEvents {
        name: "U".into(),
        email: "u@example.com".into(),
        events: events
            .iter()
            .enumerate()
            .map(|(i, (name, minutes))| RiskEvent {
                id: i.to_string(),
                name: (*name).into(),
                // The level an event had when it fired does not count: the current one does.
                risk_level: RiskLevel::Low,
                timestamp: t0() + Duration::minutes(*minutes),
                event_details: None,
            })
            .collect(),
        last_reset_time: reset.map(|m| t0() + Duration::minutes(m)),
        risk_level: None,
    }
}

fn level(u: &RiskEvents, settings: &Settings) -> Option<RiskLevel> {
    let b = behaviors();
    user_level(u, &by_name(&b, settings))
}

#[test]
fn the_highest_current_level_of_enabled_behaviors_counts() {
    let now = behaviors().settings();
    assert_eq!(
        level(&user(&[("DLP", 1), ("Travel", 2)], None), &now),
        Some(RiskLevel::High)
    );
    assert_eq!(
        level(&user(&[("DLP", 1), ("EDR", 2)], None), &now),
        Some(RiskLevel::Low),
        "EDR is off"
    );
    assert_eq!(level(&user(&[("EDR", 1)], None), &now), None);
    assert_eq!(
        level(&user(&[("Unheard of", 1)], None), &now),
        None,
        "unknown names count for nothing"
    );
    assert_eq!(level(&user(&[], None), &now), None);
}

#[test]
fn events_up_to_the_last_reset_do_not_count() {
    let now = behaviors().settings();
    let u = user(&[("Travel", 1), ("DLP", 5)], Some(1));
    assert_eq!(
        level(&u, &now),
        Some(RiskLevel::Low),
        "the event at the reset time is cleared"
    );
    assert_eq!(level(&user(&[("Travel", 1)], Some(3)), &now), None);
}

#[test]
fn the_count_compares_current_and_after_apply_settings_per_user() {
    let b = behaviors();
    let users = [
        user(&[("Travel", 1)], None),
        user(&[("DLP", 1), ("EDR", 2)], None),
        user(&[("EDR", 1)], None),
        user(&[("Travel", 1)], Some(2)),
    ];
    assert_eq!(users_changing_level(&users, &b, &Settings::new()), 0);
    let on = |level| BehaviorUpdate {
        enabled: true,
        risk_level: level,
    };
    // EDR on at high: users 2 (low → high) and 3 (none → high) move; 1 stays high.
    let changes = Settings::from([("edr".to_owned(), on(RiskLevel::High))]);
    assert_eq!(users_changing_level(&users, &b, &changes), 2);
    // Travel down to low: user 1 moves; user 4 was reset and stays unscored.
    let changes = Settings::from([("travel".to_owned(), on(RiskLevel::Low))]);
    assert_eq!(users_changing_level(&users, &b, &changes), 1);
    // A change that only rewrites the current settings moves nobody.
    assert_eq!(users_changing_level(&users, &b, &b.settings()), 0);
}

#[test]
fn every_listed_event_is_counted_or_has_a_reason_not_to_be() {
    let b = behaviors();
    let settings = b.settings();
    let names = by_name(&b, &settings);
    // Before the reset at minute 10: two; after it: Travel and DLP count, EDR is off, and
    // "Gone" is no behavior of the account.
    let u = user(
        &[
            ("Travel", 1),
            ("EDR", 10),
            ("Travel", 11),
            ("DLP", 12),
            ("EDR", 13),
            ("Gone", 14),
        ],
        Some(10),
    );
    let t = tally(&u, &names);
    assert_eq!(
        t,
        Tally {
            counted: 2,
            before_reset: 2,
            behavior_off: 1,
            unknown_behavior: 1,
        }
    );
    assert_eq!(
        t.counted + t.before_reset + t.behavior_off + t.unknown_behavior,
        u.events.len()
    );
    assert_eq!(tally(&user(&[("DLP", 1)], None), &names).counted, 1);
}

#[test]
fn why_names_the_behaviors_that_set_the_level_and_each_event_says_if_it_counts() {
    let b = behaviors();
    let settings = b.settings();
    let names = by_name(&b, &settings);
    // Travel (high, on) twice after the reset, DLP (low, on), EDR (off), one before the reset.
    let u = user(
        &[
            ("Travel", 1),
            ("Travel", 11),
            ("DLP", 12),
            ("EDR", 13),
            ("Travel", 14),
        ],
        Some(10),
    );
    assert_eq!(
        classify(&u, &names),
        [
            Counts::BeforeReset,
            Counts::Yes,
            Counts::Yes,
            Counts::BehaviorOff,
            Counts::Yes
        ]
    );
    let w = why(&u, &names);
    assert_eq!(w.level, Some(RiskLevel::High));
    assert_eq!(
        w.deciding,
        BTreeMap::from([("Travel".to_owned(), vec![4, 1])]),
        "newest first; DLP counts but does not set the level"
    );
    let none = why(&user(&[("EDR", 1)], None), &names);
    assert_eq!((none.level, none.deciding.len()), (None, 0));
}
