//! `RiskLevel`: ordered Unknown < Low < Medium < High, tolerant when decoding, strict when encoding.

use std::collections::BTreeSet;

use serde_json::json;
use zt_risk_api::RiskLevel;

fn unknown(s: &str) -> RiskLevel {
    RiskLevel::Unknown(s.into())
}

#[test]
fn rank_sorts_as_the_level_does() {
    let levels = [
        unknown("zzz"),
        unknown(""),
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
    ];
    assert_eq!(levels.each_ref().map(RiskLevel::rank), [0, 0, 1, 2, 3]);
    for a in &levels {
        for b in &levels {
            if a.rank() != b.rank() {
                assert_eq!(a.rank().cmp(&b.rank()), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}

#[test]
fn ordering() {
    assert!(RiskLevel::High > RiskLevel::Medium);
    assert!(RiskLevel::Medium > RiskLevel::Low);
    assert!(RiskLevel::Low > unknown("critical"));
    // An unknown level sorts below every known one, whatever its text.
    assert!(RiskLevel::Low > unknown("zzz"));
    assert!(RiskLevel::Low > unknown(""));

    let mut levels = vec![
        RiskLevel::Low,
        unknown("x"),
        RiskLevel::High,
        RiskLevel::Medium,
        RiskLevel::Low,
    ];
    levels.sort();
    assert_eq!(
        levels,
        [
            unknown("x"),
            RiskLevel::Low,
            RiskLevel::Low,
            RiskLevel::Medium,
            RiskLevel::High
        ]
    );
    // Highest first, as the summary shows it.
    levels.sort_by(|a, b| b.cmp(a));
    assert_eq!(levels[0], RiskLevel::High);
    assert_eq!(levels.iter().max(), Some(&RiskLevel::High));
}

#[test]
fn known_levels_lowest_first() {
    assert_eq!(
        RiskLevel::KNOWN,
        [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High]
    );
    assert!(RiskLevel::KNOWN.windows(2).all(|w| w[0] < w[1]));
    assert!(RiskLevel::KNOWN.iter().all(RiskLevel::is_known));
    assert!(!unknown("low ").is_known());
}

#[test]
fn wire_values_round_trip() {
    for (level, wire) in RiskLevel::KNOWN.iter().zip(["low", "medium", "high"]) {
        assert_eq!(RiskLevel::from_wire(wire), *level);
        assert_eq!(RiskLevel::parse_known(wire).as_ref(), Some(level));
        assert_eq!(level.as_str(), wire);
        assert_eq!(level.to_string(), wire);
        assert_eq!(serde_json::to_value(level).unwrap(), json!(wire));
        assert_eq!(
            serde_json::from_value::<RiskLevel>(json!(wire)).unwrap(),
            *level
        );
    }
}

#[test]
fn decoding_is_case_sensitive_and_tolerant() {
    for raw in ["High", "LOW", " low", "critical", "", "none", "médium"] {
        assert_eq!(RiskLevel::from_wire(raw), unknown(raw));
        assert_eq!(RiskLevel::parse_known(raw), None);
        assert_eq!(
            serde_json::from_value::<RiskLevel>(json!(raw)).unwrap(),
            unknown(raw)
        );
    }
}

#[test]
fn non_strings_are_not_levels() {
    // Tolerance covers unexpected strings; a number or object is a broken response.
    for raw in [json!(1), json!(true), json!({"level": "low"})] {
        assert!(serde_json::from_value::<RiskLevel>(raw).is_err());
    }
    // As an optional field, null is simply "no level".
    assert_eq!(
        serde_json::from_value::<Option<RiskLevel>>(json!(null)).unwrap(),
        None
    );
}

#[test]
fn unknown_refuses_to_encode() {
    let err = serde_json::to_string(&unknown("critical")).unwrap_err();
    assert!(err.to_string().contains("critical"), "{err}");
    assert!(serde_json::to_value(unknown("")).is_err());
    assert!(serde_json::to_string(&vec![RiskLevel::Low, unknown("x")]).is_err());
}

#[test]
fn unknown_keeps_its_raw_text_for_display() {
    let level = unknown("critical");
    assert_eq!(level.as_str(), "critical");
    assert_eq!(level.to_string(), "critical");
    assert_eq!(level.label(), "Unknown (critical)");
    assert_eq!(RiskLevel::High.label(), "High");
    assert_eq!(RiskLevel::Medium.label(), "Medium");
    assert_eq!(RiskLevel::Low.label(), "Low");
}

#[test]
fn usable_as_a_set_key() {
    let set: BTreeSet<RiskLevel> = [
        RiskLevel::High,
        RiskLevel::Low,
        RiskLevel::High,
        unknown("a"),
        unknown("a"),
        unknown("b"),
    ]
    .into_iter()
    .collect();
    assert_eq!(set.len(), 4);
    assert_eq!(set.first(), Some(&unknown("a")));
    assert_eq!(set.last(), Some(&RiskLevel::High));
}
