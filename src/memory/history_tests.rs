//! Native tests of the risk history: summaries diffed per user, deduplicated; behaviors
//! diffed; the retention cutoff.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, TimeZone, Utc};
use zt_risk_api::{Behavior, Behaviors, RiskLevel, UserRiskInfo};

use super::*;
use crate::memory::record::Fetched;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, minute, 0)
        .single()
        .expect("time")
}

fn row(id: &str, level: RiskLevel, count: u64, minute: u32) -> UserRiskInfo {
    UserRiskInfo {
        user_id: id.into(),
        name: format!("User {id}"),
        email: format!("{id}@example.com"),
        max_risk_level: level,
        event_count: count,
        last_event: at(minute),
    }
}

/// Records `summary` over `stored` and applies the written records.
fn apply(
    stored: &mut HashMap<String, UserRecord>,
    summary: &[UserRiskInfo],
    minute: u32,
) -> Vec<Entry> {
    let out = record_summary(stored, summary, at(minute));
    stored.extend(out.records);
    out.entries
}

fn kinds(entries: &[Entry]) -> Vec<(String, Vec<Change>)> {
    entries
        .iter()
        .map(|e| (e.subject.key(), e.changes.clone()))
        .collect()
}

#[test]
fn summaries_become_changes_per_user_and_an_unchanged_summary_adds_nothing() {
    use RiskLevel::{High, Low, Medium};
    let mut stored = HashMap::new();
    let first = [row("a", Low, 1, 1), row("b", Medium, 2, 2)];
    let appeared = apply(&mut stored, &first, 10);
    assert_eq!(
        kinds(&appeared),
        [
            (
                "a".into(),
                vec![Change::Appeared {
                    level: Low,
                    count: 1
                }]
            ),
            (
                "b".into(),
                vec![Change::Appeared {
                    level: Medium,
                    count: 2
                }]
            ),
        ]
    );
    assert!(
        apply(&mut stored, &first, 11).is_empty(),
        "unchanged: nothing"
    );
    assert!(record_summary(&stored, &first, at(12)).records.is_empty());

    // a rises with a new event, b leaves, c appears.
    let second = [row("a", High, 2, 13), row("c", Low, 1, 13)];
    assert_eq!(
        kinds(&apply(&mut stored, &second, 14)),
        [
            (
                "a".into(),
                vec![
                    Change::Level {
                        from: Low,
                        to: High
                    },
                    Change::Count { from: 1, to: 2 }
                ]
            ),
            ("b".into(), vec![Change::Left { level: Medium }]),
            (
                "c".into(),
                vec![Change::Appeared {
                    level: Low,
                    count: 1
                }]
            ),
        ]
    );
    assert_eq!(stored["b"].left_at, Some(at(14)));
    assert!(
        apply(&mut stored, &second, 15).is_empty(),
        "left once, not again"
    );
    // b comes back: it appears again.
    let third = [
        row("a", High, 2, 13),
        row("b", Low, 1, 16),
        row("c", Low, 1, 13),
    ];
    assert_eq!(
        kinds(&apply(&mut stored, &third, 17)),
        [(
            "b".into(),
            vec![Change::Appeared {
                level: Low,
                count: 1
            }]
        )]
    );
    assert_eq!(stored["b"].left_at, None);
}

#[test]
fn a_new_last_event_or_name_is_kept_without_a_history_entry() {
    let mut stored = HashMap::new();
    apply(&mut stored, &[row("a", RiskLevel::Low, 1, 1)], 2);
    let mut renamed = row("a", RiskLevel::Low, 1, 5);
    renamed.name = "Ada".into();
    let out = record_summary(&stored, &[renamed], at(6));
    assert!(out.entries.is_empty());
    assert_eq!(out.records.len(), 1);
    assert_eq!(out.records[0].1.row.name, "Ada");
}

#[test]
fn the_stamp_of_kept_events_survives_a_new_row() {
    let mut stored = HashMap::new();
    apply(&mut stored, &[row("a", RiskLevel::Low, 1, 1)], 2);
    let fetched = Fetched {
        under: stored["a"].row.stamp(),
        at: at(3),
        events: 1,
    };
    if let Some(r) = stored.get_mut("a") {
        r.fetched = Some(fetched.clone());
    }
    let changed = row("a", RiskLevel::High, 2, 4);
    apply(&mut stored, std::slice::from_ref(&changed), 5);
    assert_eq!(stored["a"].fetched.as_ref(), Some(&fetched));
    assert!(
        !stored["a"].is_fresh_for(&changed),
        "a new event: fetch again"
    );
    assert!(
        stored["a"].is_fresh_for(&row("a", RiskLevel::Medium, 1, 1)),
        "level only: fresh"
    );
}

fn behaviors(list: &[(&str, bool, RiskLevel)]) -> Behaviors {
    Behaviors {
        behaviors: list
            .iter()
            .map(|(id, enabled, level)| {
                let b = Behavior {
                    name: format!("Name of {id}"),
                    description: String::new(),
                    enabled: *enabled,
                    risk_level: level.clone(),
                };
                ((*id).to_owned(), b)
            })
            .collect::<BTreeMap<_, _>>(),
    }
}

#[test]
fn behaviors_added_changed_and_removed() {
    use RiskLevel::{High, Low};
    let before = keep_behaviors(&behaviors(&[("x", true, Low), ("y", false, Low)]));
    assert!(
        record_behaviors(None, &before, at(1)).is_empty(),
        "first read: nothing to compare"
    );
    assert!(record_behaviors(Some(&before), &before, at(1)).is_empty());
    let after = keep_behaviors(&behaviors(&[("x", true, High), ("z", true, Low)]));
    let changes = kinds(&record_behaviors(Some(&before), &after, at(2)));
    assert_eq!(
        changes,
        [
            (
                "behavior:x".into(),
                vec![Change::BehaviorChanged {
                    enabled: (true, true),
                    from: Low,
                    to: High
                }]
            ),
            (
                "behavior:z".into(),
                vec![Change::BehaviorAdded {
                    enabled: true,
                    level: Low
                }]
            ),
            ("behavior:y".into(), vec![Change::BehaviorRemoved]),
        ]
    );
}

#[test]
fn the_retention_cutoff_is_days_back() {
    assert_eq!(
        cutoff(at(0), DEFAULT_RETENTION_DAYS),
        at(0) - chrono::Duration::days(180)
    );
}
