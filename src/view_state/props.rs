//! Property tests (native only): every valid view of the Users and Detections lists survives
//! the URL, `from_query_str(to_query(x)) == x`. Valid: what a view can hold after `tidy`
//! (known levels, the list's own windows, custom dates only with the custom range, behaviors
//! sorted, distinct and not empty) and a page from 1.

use chrono::NaiveDate;
use proptest::prelude::*;
use zt_risk_api::RiskLevel;

use crate::pages::detections::view_state::{self as detections, DetectionFilters, DetectionsView};
use crate::pages::users::view_state::{self as users, UserFilters, UsersView};
use crate::sort::{Dir, Sort};
use crate::view_state::{Filters, Window};

/// Any text, weighted towards what a URL must escape.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(vec!['&', '=', '?', '#', '%', '+', ' ', '/', 'a', 'é', '€']),
            1 => any::<char>(),
        ],
        0..10,
    )
    .prop_map(|c| c.into_iter().collect())
}

fn level() -> impl Strategy<Value = Option<RiskLevel>> {
    prop::option::of(prop::sample::select(vec![
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
    ]))
}

fn dir() -> impl Strategy<Value = Dir> {
    prop::sample::select(vec![Dir::Asc, Dir::Desc])
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (1i32..=9999, 1u32..=366).prop_filter_map("a date", |(y, d)| NaiveDate::from_yo_opt(y, d)),
    )
}

fn users_view() -> impl Strategy<Value = UsersView> {
    let columns = vec![
        users::Column::Name,
        users::Column::Email,
        users::Column::Level,
        users::Column::Events,
        users::Column::LastEvent,
    ];
    (
        text(),
        level(),
        prop::option::of(prop::sample::select(Window::USERS.to_vec())),
        prop::sample::select(columns),
        dir(),
        prop_oneof![1usize..4, 1usize..10_000],
    )
        .prop_map(|(q, level, within, key, dir, page)| UsersView {
            filters: UserFilters { q, level, within },
            sort: Sort { key, dir },
            page,
        })
}

fn detections_view() -> impl Strategy<Value = DetectionsView> {
    (
        prop::collection::vec(text(), 0..4),
        level(),
        prop::option::of(prop::sample::select(Window::DETECTIONS.to_vec())),
        (date(), date()),
        text(),
        prop::sample::select(vec![detections::Column::Time, detections::Column::Level]),
        dir(),
        prop_oneof![1usize..4, 1usize..10_000],
    )
        .prop_map(
            |(mut behaviors, level, range, (from, to), q, key, dir, page)| {
                behaviors.retain(|b| !b.is_empty());
                behaviors.sort();
                behaviors.dedup();
                let mut filters = DetectionFilters {
                    behaviors,
                    level,
                    range,
                    from,
                    to,
                    q,
                };
                filters.tidy();
                DetectionsView {
                    filters,
                    sort: Sort { key, dir },
                    page,
                }
            },
        )
}

proptest! {
    #[test]
    fn a_users_view_survives_the_url(view in users_view()) {
        prop_assert_eq!(UsersView::from_query_str(&view.to_query()), view);
    }

    #[test]
    fn a_detections_view_survives_the_url(view in detections_view()) {
        prop_assert_eq!(DetectionsView::from_query_str(&view.to_query()), view);
    }
}
