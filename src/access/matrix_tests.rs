//! Native tests of the matrix: embedded policies decide at once, the rest wait to be read one
//! by one and are unknown until then; reusable policies are told apart by id.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use zt_risk_api::access::ScoreLevel;

use super::{Kind, Matrix, Policies, Row};
use crate::access::fixtures::*;

fn kinds(m: &Matrix) -> Vec<(String, [Kind; 4])> {
    m.rows
        .iter()
        .map(|r| {
            let name = super::app_name(m.app(r)).to_owned();
            (name, ScoreLevel::ALL.map(|l| r.kind(l)))
        })
        .collect()
}

fn reusable_ids() -> Arc<HashSet<String>> {
    Arc::new(
        reusable()
            .iter()
            .filter_map(|p| p.id().map(str::to_owned))
            .collect(),
    )
}

#[test]
fn the_fixture_matrix_reads_as_written_by_hand() {
    use Kind::*;
    let m = Matrix::new(Arc::new(apps()), Some(reusable_ids()));
    assert_eq!(
        kinds(&m),
        [
            ("Grafana".into(), [Identity, Identity, Out, Identity]),
            ("Status page".into(), [In, In, In, In]),
            ("Legacy CRM".into(), [Closed, Closed, Closed, Closed]),
            ("Jenkins".into(), [Unknown, Unknown, Unknown, Unknown]),
            ("Quantum".into(), [Unknown, Unknown, Unknown, Unknown]),
            ("Support desk".into(), [Identity, Identity, Out, Identity]),
        ]
    );
    assert_eq!(
        m.to_fetch(),
        [3],
        "only Jenkins does not embed its policies"
    );
    assert_eq!(m.rows[3].policies, Policies::Loading);
    assert_eq!(m.count(ScoreLevel::High, Out), 2);
    assert_eq!(m.count(ScoreLevel::Low, Closed), 1);
    assert_eq!(m.count(ScoreLevel::Medium, Unknown), 2);
    assert_eq!(m.closed_count(), 1);
    assert_eq!(m.unknown_count(), 2);
}

#[test]
fn policies_read_one_by_one_take_their_row_and_failures_stay_unknown() {
    use Kind::*;
    let m = Matrix::new(Arc::new(apps()), None);
    let jenkins = Row::new(3, Policies::Known(Arc::new(jenkins_policies())));
    let merged = m.merged(&HashMap::from([(3, jenkins)]));
    assert_eq!(
        ScoreLevel::ALL.map(|l| merged.rows[3].kind(l)),
        [Identity, Identity, Out, Identity]
    );
    assert!(merged.to_fetch().is_empty());
    let failed = Row::new(3, Policies::Missing("HTTP 500".into()));
    let merged = m.merged(&HashMap::from([(3, failed)]));
    assert_eq!(merged.rows[3].kind(ScoreLevel::Low), Unknown, "never open");
    assert_eq!(
        m.rows[3].kind(ScoreLevel::Low),
        Unknown,
        "the base is unchanged"
    );
}

#[test]
fn reusable_policies_are_known_only_with_their_list() {
    let with = Matrix::new(Arc::new(apps()), Some(reusable_ids()));
    assert_eq!(with.is_reusable(Some(EMPLOYEES_ID)), Some(true));
    assert_eq!(
        with.is_reusable(Some("c0000000-0000-4000-8000-000000000001")),
        Some(false)
    );
    assert_eq!(with.is_reusable(None), Some(false));
    let without = Matrix::new(Arc::new(apps()), None);
    assert_eq!(without.is_reusable(Some(EMPLOYEES_ID)), None);
}

#[test]
fn an_application_without_name_or_id_is_still_a_row() {
    let apps: Vec<zt_risk_api::access::Application> =
        serde_json::from_str(r#"[{"type":"warp"},{"name":"  ","domain":"x.example.com"}]"#)
            .expect("apps");
    let m = Matrix::new(Arc::new(apps), None);
    assert_eq!(super::app_name(m.app(&m.rows[0])), "Unnamed application");
    assert!(matches!(m.rows[0].policies, Policies::Missing(_)));
    assert!(m.to_fetch().is_empty(), "nothing to ask without an id");
    assert_eq!(super::app_name(m.app(&m.rows[1])), "x.example.com");
    assert_eq!(m.to_fetch(), Vec::<usize>::new());
}
