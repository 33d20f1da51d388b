//! Native tests of the matrix in words: each cell names the policy and rule that decide it,
//! reusable or not; the figures agree in number; a 403 names the missing permission.

use std::collections::HashSet;
use std::sync::Arc;

use zt_risk_api::access::{ScoreLevel, READ_PERMISSION};
use zt_risk_api::ApiMessage;

use super::*;
use crate::access::fixtures::*;
use crate::access::matrix::Policies;

fn matrix() -> Matrix {
    let ids: HashSet<String> = reusable()
        .iter()
        .filter_map(|p| p.id().map(str::to_owned))
        .collect();
    Matrix::new(Arc::new(apps()), Some(Arc::new(ids)))
}

#[test]
fn each_cell_names_the_policy_and_rule_that_decide() {
    let m = matrix();
    let [grafana, status, legacy, jenkins, quantum, support] =
        [0, 1, 2, 3, 4, 5].map(|i| &m.rows[i]);
    assert_eq!(
        reasons(&m, grafana, ScoreLevel::High),
        ["Block high-risk users (reusable), Block: Include Risk score is High"]
    );
    assert_eq!(
        reasons(&m, grafana, ScoreLevel::Low),
        ["Who the user is decides (emails, groups, devices…)"]
    );
    assert_eq!(
        reasons(&m, status, ScoreLevel::Unscored),
        ["Public health checks (this application's own), Bypass: Include Everyone"]
    );
    assert_eq!(
        reasons(&m, legacy, ScoreLevel::Medium),
        ["No policy lets anyone in: closed to everyone"]
    );
    assert_eq!(
        reasons(&m, jenkins, ScoreLevel::Low),
        ["Its policies are still loading"]
    );
    assert_eq!(
        reasons(&m, quantum, ScoreLevel::Low),
        ["Teleport has a decision this console does not know (teleport)"]
    );
    assert_eq!(
        reasons(&m, support, ScoreLevel::High),
        ["Everyone but High (this application's own), Allow: Exclude Risk score is High"]
    );
    let failed = Row::new(3, Policies::Missing("HTTP 502".into()));
    assert_eq!(
        reasons(&m, &failed, ScoreLevel::High),
        ["Its policies could not be loaded: HTTP 502"]
    );
    assert_eq!(
        [
            Kind::Out,
            Kind::Closed,
            Kind::In,
            Kind::Identity,
            Kind::Unknown
        ]
        .map(kind_label),
        [
            "Kept out",
            "Kept out",
            "Let in",
            "Depends on identity",
            "Unknown"
        ]
    );
}

#[test]
fn without_the_reusable_list_policies_are_named_alone() {
    let m = Matrix::new(Arc::new(apps()), None);
    assert_eq!(
        reasons(&m, &m.rows[0], ScoreLevel::High),
        ["Block high-risk users, Block: Include Risk score is High"]
    );
}

#[test]
fn the_figures_agree_in_number() {
    assert_eq!(
        kept_out_sentence(ScoreLevel::High, Some(112), 4),
        "112 High users are kept out of 4 applications by their risk score"
    );
    assert_eq!(
        kept_out_sentence(ScoreLevel::Medium, Some(1), 1),
        "1 Medium user is kept out of 1 application by their risk score"
    );
    assert_eq!(
        kept_out_sentence(ScoreLevel::Low, Some(1_204), 0),
        "1,204 Low users are kept out of no application by their risk score"
    );
    assert_eq!(
        kept_out_sentence(ScoreLevel::Unscored, None, 2),
        "Unscored users are kept out of 2 applications by their risk score"
    );
    assert_eq!(unknown_sentence(0), "");
    assert_eq!(unknown_sentence(1), "1 application could not be checked.");
    assert_eq!(
        unknown_sentence(1000),
        "1,000 applications could not be checked."
    );
}

#[test]
fn a_403_names_the_missing_permission() {
    let denied = ApiError::Unauthorized {
        status: 403,
        errors: vec![ApiMessage::new(10000, "Authentication error")],
        permission: READ_PERMISSION,
    };
    assert_eq!(
        unavailable(&denied),
        "Applications are not shown: the API token lacks the \u{201c}Access: Apps and Policies Read\u{201d} permission."
    );
    assert_eq!(
        unavailable(&ApiError::Timeout { seconds: 30 }),
        "Applications could not be loaded: The request timed out."
    );
}
