//! Native tests of the Detections view: the URL round trip, defaults, bounds, and the filter
//! over the flat index.

use chrono::NaiveDate;
use zt_risk_api::RiskLevel;

use super::super::index::filter;
use super::*;
use crate::state::event_index::build;
use crate::state::events::fixtures::{events, loaded};
use crate::view_state::Filters;

fn query(q: &str) -> DetectionsView {
    DetectionsView::from_query_str(q)
}

#[test]
fn the_view_round_trips_through_the_url_and_defaults_are_left_out() {
    assert_eq!(query(""), DetectionsView::default());
    assert_eq!(DetectionsView::default().to_query(), "");
    let q = "?behavior=Impossible%20Travel&behavior=High%20DLP&level=high&range=custom&from=2026-11-01&to=2026-11-20&q=ada&sort=level&dir=asc&page=3";
    let view = query(q);
    assert_eq!(view.filters.behaviors, ["High DLP", "Impossible Travel"]);
    assert_eq!(view.filters.level, Some(RiskLevel::High));
    assert_eq!(view.filters.range, Some(Window::Custom));
    assert_eq!(view.filters.from, NaiveDate::from_ymd_opt(2026, 11, 1));
    assert_eq!(
        (view.sort.key, view.sort.dir, view.page),
        (Column::Level, Dir::Asc, 3)
    );
    assert_eq!(query(&view.to_query()), view);
    // Unreadable values fall back; dates count only with the custom range.
    let odd = query("?level=severe&range=1y&from=2026-13-01&page=0&sort=x&dir=up");
    assert_eq!(odd, DetectionsView::default());
    assert_eq!(query("?range=7d&from=2026-11-01").filters.from, None);
}

#[test]
fn changes_go_back_to_page_one_and_sorting_flips() {
    let view = query("?range=custom&from=2026-11-01&page=4");
    let week = view.with(|f| f.range = Some(Window::Week));
    assert_eq!(
        (week.page, week.filters.from),
        (1, None),
        "dates leave with custom"
    );
    let by_level = view.sorted_by(Column::Level);
    assert_eq!(
        (by_level.sort.key, by_level.sort.dir),
        (Column::Level, Dir::Desc)
    );
    assert_eq!(by_level.sorted_by(Column::Level).sort.dir, Dir::Asc);
    let cleared = query("?behavior=x&q=a&sort=level").without_filters();
    assert!(!cleared.filters.is_filtered());
    assert_eq!(cleared.sort.key, Column::Level);
}

#[test]
fn bounds_are_windows_back_from_now_or_whole_local_days() {
    let now = 1_000_000_000_000;
    let week = query("?range=7d").filters.bounds(now, 0);
    assert_eq!(week, (now - 7 * 86_400_000, i64::MAX));
    let custom = query("?range=custom&from=1970-01-02&to=1970-01-02").filters;
    assert_eq!(custom.bounds(now, 0), (86_400_000, 2 * 86_400_000));
    // One hour ahead of UTC: the local day starts an hour earlier in UTC.
    assert_eq!(custom.bounds(now, 60).0, 86_400_000 - 3_600_000);
    assert_eq!(
        DetectionsView::default().filters.bounds(now, 0),
        (i64::MIN, i64::MAX)
    );
}

#[test]
fn the_index_filters_by_behavior_level_time_and_user_and_sorts() {
    use RiskLevel::{High, Low, Medium};
    let index = build(&events(vec![
        loaded(0, "Ada", &[("Travel", High, 5), ("DLP", Low, 1)]),
        loaded(
            1,
            "Bob",
            &[("DLP", Medium, 3), ("Malware", High, 2), ("DLP", Low, 4)],
        ),
    ]));
    assert_eq!(
        index.behaviors,
        [
            ("DLP".to_owned(), 3),
            ("Malware".to_owned(), 1),
            ("Travel".to_owned(), 1)
        ]
    );
    let hours = |rows: &[u32]| -> Vec<i64> {
        rows.iter()
            .map(|&i| {
                (index.rows[i as usize].at - index.rows.last().map_or(0, |r| r.at)) / 3_600_000 + 1
            })
            .collect()
    };
    let all = (i64::MIN, i64::MAX);
    let shown = |q: &str| {
        let view = query(q);
        filter(&index, &view.filters, view.sort, all)
    };
    assert_eq!(hours(&shown("")), [5, 4, 3, 2, 1], "newest first");
    assert_eq!(hours(&shown("?dir=asc")), [1, 2, 3, 4, 5]);
    assert_eq!(hours(&shown("?behavior=DLP")), [4, 3, 1]);
    assert_eq!(hours(&shown("?behavior=DLP&behavior=Travel")), [5, 4, 3, 1]);
    assert_eq!(hours(&shown("?level=low")), [4, 1]);
    assert_eq!(hours(&shown("?q=BOB")), [4, 3, 2]);
    assert_eq!(hours(&shown("?q=ada@")), [5, 1]);
    assert_eq!(
        hours(&shown("?sort=level")),
        [5, 2, 3, 4, 1],
        "highest first, then newest"
    );
    assert_eq!(hours(&shown("?sort=level&dir=asc")), [4, 1, 3, 5, 2]);
    let t0 = index.rows.last().map_or(0, |r| r.at);
    let window = filter(
        &index,
        &DetectionFilters::default(),
        DetectionFilters::SORT,
        (t0 + 3_600_000, t0 + 4 * 3_600_000),
    );
    assert_eq!(hours(&window), [4, 3, 2]);
    assert!(shown("?behavior=Unknown").is_empty());
}
