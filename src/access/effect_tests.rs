//! Native tests of a draft's effect on the matrix: only applications that use the policy,
//! cell by cell, and unread applications counted apart.

use std::sync::Arc;

use zt_risk_api::access::{Policy, Position, ScoreLevel};

use super::*;
use crate::access::fixtures::*;

fn matrix() -> Matrix {
    Matrix::new(Arc::new(apps()), None)
}

fn employees_draft() -> RiskDraft {
    let reusable = reusable();
    let employees = reusable.iter().find(|p| p.id() == Some(EMPLOYEES_ID));
    RiskDraft::new(employees.expect("Employees").clone())
}

#[test]
fn excluding_medium_from_employees_keeps_medium_out_of_grafana_only() {
    let mut d = employees_draft();
    d.add(Position::Exclude, &[ScoreLevel::Medium])
        .expect("added");
    let e = effect(&matrix(), &d);
    assert_eq!(
        e.changes,
        [CellChange {
            row: 0,
            level: ScoreLevel::Medium,
            before: Kind::Identity,
            after: Kind::Out,
        }]
    );
    assert_eq!(e.apps, 1, "Grafana; Jenkins's policies are not read");
    assert_eq!(e.unknown, 1);
}

#[test]
fn removing_the_exclude_lets_high_depend_on_identity_where_no_block_comes_first() {
    let mut d = employees_draft();
    d.remove(Position::Exclude, 0);
    assert!(
        effect(&matrix(), &d).changes.is_empty(),
        "Grafana's Block still keeps High out"
    );
}

#[test]
fn with_rules_replaces_the_lists_and_keeps_every_other_member_in_place() {
    let policy: Policy =
        serde_json::from_str(&employees(r#","precedence":2,"session_duration":"24h""#)).expect("p");
    let mut d = RiskDraft::new(policy.clone());
    d.add(Position::Require, &[ScoreLevel::Low]).expect("added");
    let edited = with_rules(&policy, &d.after());
    let text = serde_json::to_string(&edited).expect("json");
    assert_eq!(
        text,
        format!(
            r#"{{"id":"{EMPLOYEES_ID}","name":"Employees","decision":"allow","include":[{{"email_domain":{{"domain":"example.com"}}}}],"exclude":[{{"user_risk_score":{{"user_risk_score":["high"]}}}}],"precedence":2,"session_duration":"24h","require":[{{"user_risk_score":{{"user_risk_score":["low"]}}}}]}}"#
        )
    );
    assert_eq!(edited.precedence(), Some(2));
}
