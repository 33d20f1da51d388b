//! Native unit tests of the three-way merge and of the draft operations built on it (resolve,
//! import).

use std::collections::BTreeMap;

use zt_risk_api::{BehaviorUpdate, RiskLevel};

use super::super::draft::{BehaviorsDraft, Settings};
use super::{three_way, Side};

fn s(enabled: bool, level: RiskLevel) -> BehaviorUpdate {
    BehaviorUpdate {
        enabled,
        risk_level: level,
    }
}

fn original() -> Settings {
    Settings::from([
        ("a".to_owned(), s(false, RiskLevel::High)),
        ("b".to_owned(), s(true, RiskLevel::Low)),
        ("c".to_owned(), s(true, RiskLevel::Medium)),
    ])
}

fn with(mut settings: Settings, id: &str, setting: BehaviorUpdate) -> Settings {
    settings.insert(id.to_owned(), setting);
    settings
}

#[test]
fn no_overlap_merges_silently_and_sends_only_the_drafts_keys() {
    let mut d = BehaviorsDraft::new(original());
    d.set_enabled("a", true);
    let theirs = with(original(), "b", s(false, RiskLevel::High));
    let merge = d.merge(theirs.clone());
    assert!(merge.conflicts.is_empty() && merge.gone.is_empty());
    d.resolve(&merge, &BTreeMap::new());
    assert_eq!(
        d.changes(),
        Settings::from([("a".to_owned(), s(true, RiskLevel::High))])
    );
    assert_eq!(
        d.current("b"),
        Some(&s(false, RiskLevel::High)),
        "their change is adopted"
    );
    assert!(d.merge(theirs).conflicts.is_empty());
}

#[test]
fn the_same_behavior_changed_on_both_sides_is_a_conflict() {
    let mut d = BehaviorsDraft::new(original());
    d.set_level("b", RiskLevel::Medium);
    d.set_enabled("c", false);
    let theirs = with(original(), "b", s(false, RiskLevel::Low));
    let merge = d.merge(theirs.clone());
    assert_eq!(merge.conflicts.len(), 1);
    let c = &merge.conflicts[0];
    assert_eq!(c.id, "b");
    assert_eq!(c.original, Some(s(true, RiskLevel::Low)));
    assert_eq!(c.theirs, s(false, RiskLevel::Low));
    assert_eq!(c.yours, s(true, RiskLevel::Medium));
    assert!(!merge.is_resolved(&BTreeMap::new()));

    let mut keep_mine = d.clone();
    let choices = BTreeMap::from([("b".to_owned(), Side::Yours)]);
    assert!(merge.is_resolved(&choices));
    keep_mine.resolve(&merge, &choices);
    assert_eq!(keep_mine.changes().keys().collect::<Vec<_>>(), ["b", "c"]);
    assert!(
        keep_mine.merge(theirs.clone()).conflicts.is_empty(),
        "resolved for good"
    );

    d.resolve(&merge, &BTreeMap::from([("b".to_owned(), Side::Theirs)]));
    assert_eq!(d.changes().keys().collect::<Vec<_>>(), ["c"]);
    assert_eq!(d.current("b"), Some(&s(false, RiskLevel::Low)));
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict_and_is_not_sent() {
    let mut d = BehaviorsDraft::new(original());
    d.set_enabled("a", true);
    let theirs = with(original(), "a", s(true, RiskLevel::High));
    let merge = d.merge(theirs);
    assert!(merge.conflicts.is_empty());
    d.resolve(&merge, &BTreeMap::new());
    assert!(!d.is_dirty());
}

#[test]
fn edits_of_behaviors_gone_from_the_server_are_dropped() {
    let mut d = BehaviorsDraft::new(original());
    d.set_enabled("a", true);
    let mut theirs = original();
    theirs.remove("a");
    let merge = three_way(&original(), theirs, &d.changes());
    assert_eq!(merge.gone, ["a"]);
    d.resolve(&merge, &BTreeMap::new());
    assert!(!d.is_dirty());
}

#[test]
fn an_import_keeps_only_real_changes() {
    let mut d = BehaviorsDraft::new(original());
    d.set_enabled("c", false);
    d.import(Settings::from([
        ("a".to_owned(), s(true, RiskLevel::Low)),
        ("b".to_owned(), s(true, RiskLevel::Low)),
        ("zz".to_owned(), s(true, RiskLevel::Low)),
    ]));
    assert_eq!(d.changes().keys().collect::<Vec<_>>(), ["a", "c"]);
    assert_eq!(d.original("a"), Some(&s(false, RiskLevel::High)));
    d.import(original());
    assert!(!d.is_dirty(), "importing the saved state undoes every edit");
}
