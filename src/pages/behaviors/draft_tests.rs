//! Native unit tests of the behaviors draft: only real changes count, unknown levels, rebasing.

use zt_risk_api::{BehaviorUpdate, RiskLevel};

use super::{BehaviorsDraft, Settings};

fn setting(enabled: bool, level: RiskLevel) -> BehaviorUpdate {
    BehaviorUpdate {
        enabled,
        risk_level: level,
    }
}

fn original() -> Settings {
    [
        ("a".to_owned(), setting(false, RiskLevel::High)),
        ("b".to_owned(), setting(true, RiskLevel::Low)),
        (
            "c".to_owned(),
            setting(true, RiskLevel::from_wire("critical")),
        ),
    ]
    .into_iter()
    .collect()
}

#[test]
fn draft_keeps_only_real_changes() {
    let mut d = BehaviorsDraft::new(original());
    assert!(!d.is_dirty());
    d.set_enabled("a", true);
    d.set_level("b", RiskLevel::Medium);
    d.set_enabled("c", false);
    d.set_enabled("c", true);
    d.set_enabled("missing", true);
    assert_eq!(d.count(), 2);
    let changes = d.changes();
    assert_eq!(changes.get("a"), Some(&setting(true, RiskLevel::High)));
    assert_eq!(changes.get("b"), Some(&setting(true, RiskLevel::Medium)));
    d.set_level("b", RiskLevel::Low);
    assert_eq!(d.changes().keys().collect::<Vec<_>>(), vec!["a"]);
    assert!(d.is_changed("a") && !d.is_changed("b"));
    d.discard();
    assert!(!d.is_dirty());
    assert_eq!(d.current("a"), Some(&setting(false, RiskLevel::High)));
}

#[test]
fn draft_unknown_levels_count_only_when_a_known_one_is_picked() {
    let mut d = BehaviorsDraft::new(original());
    d.set_level("c", RiskLevel::from_wire("critical"));
    d.set_level("c", RiskLevel::from_wire("other"));
    assert!(!d.is_dirty(), "an unknown level cannot be picked");
    d.set_enabled("c", false);
    assert_eq!(d.needs_level(), vec!["c".to_owned()]);
    d.set_level("c", RiskLevel::High);
    assert!(d.needs_level().is_empty());
    assert_eq!(d.changes().get("c"), Some(&setting(false, RiskLevel::High)));
}

#[test]
fn draft_apply_saved_and_rebase() {
    let mut d = BehaviorsDraft::new(original());
    d.set_enabled("a", true);
    let sent = d.changes();
    d.set_level("b", RiskLevel::High);
    d.apply_saved(&sent);
    assert_eq!(d.count(), 1, "an edit made while saving stays");
    assert!(d.is_changed("b"));
    assert_eq!(d.current("a"), Some(&setting(true, RiskLevel::High)));
    let mut reloaded = original();
    reloaded.insert("b".into(), setting(true, RiskLevel::High));
    d.rebase(reloaded);
    assert!(!d.is_dirty(), "edits that now match the server are dropped");
}
