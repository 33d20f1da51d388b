//! Native tests of the matrix's view: the URL round trip, and the rows each filter shows.

use std::sync::Arc;

use super::*;
use crate::access::fixtures::apps;

fn matrix() -> Matrix {
    Matrix::new(Arc::new(apps()), None)
}

fn names(m: &Matrix, rows: &[usize]) -> Vec<String> {
    rows.iter()
        .map(|&i| crate::access::matrix::app_name(&m.apps[i]).to_owned())
        .collect()
}

fn shown(query: &str) -> Vec<String> {
    let m = matrix();
    let view = AccessView::from_query_str(query);
    names(&m, &matching(&m, &view.filters, view.sort))
}

#[test]
fn the_view_round_trips_through_the_url_and_defaults_are_left_out() {
    let view = view_of(Some(ScoreLevel::High), Some(Kind::Out));
    assert_eq!(view.to_query(), "?level=high&cell=out");
    assert_eq!(AccessView::from_query_str(&view.to_query()), view);
    assert_eq!(AccessView::default().to_query(), "");
    let odd = AccessView::from_query_str("?level=critical&cell=maybe&sort=size&dir=desc&q=a%20b");
    assert_eq!(odd.filters.level, None);
    assert_eq!(odd.filters.cell, None);
    assert_eq!(odd.filters.q, "a b");
    assert_eq!(odd.sort.dir, Dir::Desc);
    assert_eq!(odd.to_query(), "?q=a%20b&dir=desc");
    for (kind, _) in KINDS {
        assert_eq!(Kind::from_query(&kind.to_query()), Some(kind));
    }
}

#[test]
fn rows_are_sorted_by_name_and_filtered_by_level_cell_and_search() {
    let all = [
        "Grafana",
        "Jenkins",
        "Legacy CRM",
        "Quantum",
        "Status page",
        "Support desk",
    ];
    assert_eq!(shown(""), all);
    let mut reversed = all.to_vec();
    reversed.reverse();
    assert_eq!(shown("?dir=desc"), reversed);
    assert_eq!(shown("?level=high&cell=out"), ["Grafana", "Support desk"]);
    assert_eq!(shown("?level=low&cell=out"), Vec::<String>::new());
    assert_eq!(shown("?cell=closed"), ["Legacy CRM"]);
    assert_eq!(shown("?cell=unknown"), ["Jenkins", "Quantum"]);
    assert_eq!(shown("?q=SUPPORT"), ["Support desk"]);
    assert_eq!(
        shown("?q=grafana.example"),
        ["Grafana"],
        "the domain counts"
    );
    assert_eq!(
        shown("?q=quantum_tunnel"),
        ["Quantum"],
        "the raw type name counts"
    );
    assert_eq!(shown("?q=saas"), ["Support desk"]);
    assert_eq!(AccessFilters::default().levels(), ScoreLevel::ALL.to_vec());
}
