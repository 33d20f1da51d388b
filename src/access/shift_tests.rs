//! Native tests of what a behaviors change does to access: moves grouped by from → to, and
//! the applications each move loses and gains.

use std::sync::Arc;

use zt_risk_api::{BehaviorUpdate, Behaviors, RiskEvents, RiskLevel};

use super::*;
use crate::access::fixtures::apps;

const BEHAVIORS: &str = r#"{"behaviors":{
  "travel":{"name":"Impossible Travel","description":"","enabled":true,"risk_level":"low"},
  "dlp":{"name":"DLP","description":"","enabled":false,"risk_level":"medium"}
}}"#;

fn user(behavior: &str) -> RiskEvents {
    serde_json::from_str(&format!(
        r#"{{"name":"u","email":"u@example.com","events":[{{"id":"e","name":"{behavior}","risk_level":"low","timestamp":"2026-11-28T10:00:00Z"}}],"last_reset_time":null}}"#
    ))
    .expect("user")
}

#[test]
fn moves_are_grouped_from_the_highest_level() {
    let behaviors: Behaviors = serde_json::from_str(BEHAVIORS).expect("behaviors");
    let users = [
        user("Impossible Travel"),
        user("Impossible Travel"),
        user("DLP"),
        user("Other"),
    ];
    let changes = [
        (
            "travel".to_owned(),
            BehaviorUpdate {
                enabled: true,
                risk_level: RiskLevel::High,
            },
        ),
        (
            "dlp".to_owned(),
            BehaviorUpdate {
                enabled: true,
                risk_level: RiskLevel::Medium,
            },
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        moves(&users, &behaviors, &changes),
        [
            Move {
                from: Some(RiskLevel::Low),
                to: Some(RiskLevel::High),
                users: 2
            },
            Move {
                from: None,
                to: Some(RiskLevel::Medium),
                users: 1
            },
        ]
    );
    assert!(moves(&users, &behaviors, &Default::default()).is_empty());
}

#[test]
fn a_move_to_high_loses_what_high_is_kept_out_of() {
    let m = Matrix::new(Arc::new(apps()), None);
    let change = access_change(&m, Some(&RiskLevel::Low), Some(&RiskLevel::High)).expect("known");
    assert_eq!(change.lost, [0, 5], "Grafana and Support desk");
    assert!(change.gained.is_empty());
    assert_eq!(change.unknown, 2, "Jenkins (not read) and Quantum");
    let back = access_change(&m, Some(&RiskLevel::High), None).expect("known");
    assert_eq!(
        (back.lost, back.gained),
        (vec![], vec![0, 5]),
        "unscored gets them back"
    );
    let odd = RiskLevel::from_wire("critical");
    assert_eq!(access_change(&m, Some(&odd), Some(&RiskLevel::Low)), None);
}
