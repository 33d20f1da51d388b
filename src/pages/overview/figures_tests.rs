//! Native tests of the overview's numbers: recency windows, newly risky users, day buckets,
//! levels and top behaviors.

use chrono::Duration;
use zt_risk_api::RiskLevel;
use zt_risk_api::RiskLevel::{High, Low, Medium};

use super::*;
use crate::state::event_index::build;
use crate::state::events::fixtures::{events, loaded, t0};

#[test]
fn recency_counts_match_the_users_list_windows() {
    let now = t0() + Duration::days(40);
    let users = [1, 30, 24 * 3, 24 * 10, 24 * 35].map(|hours| UserRiskInfo {
        last_event: now - Duration::hours(hours),
        ..loaded(0, "x", &[]).user
    });
    // Cumulative: 7 days includes the last 24 hours; older is the rest.
    assert_eq!(recency(&users, now).map(|(_, n)| n), [1, 3, 4, 1]);
}

#[test]
fn newly_risky_means_a_first_event_since_the_last_reset_within_24_hours() {
    let now = t0() + Duration::hours(100);
    let mut reset = loaded(2, "Reset", &[("A", High, 10), ("A", High, 90)]);
    reset.detail.last_reset_time = Some(t0() + Duration::hours(50));
    let data = events(vec![
        loaded(0, "Old", &[("A", High, 10), ("A", High, 99)]),
        loaded(1, "New", &[("A", High, 80), ("A", High, 95)]),
        reset,
        loaded(3, "Quiet", &[]),
    ]);
    let index = build(&data);
    let names: Vec<&str> = newly_risky(&data, &index.rows, now)
        .into_iter()
        .map(|i| data.users()[i].user.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["New", "Reset"],
        "latest activity first; Old was risky before"
    );
}

#[test]
fn events_fall_into_local_days_levels_and_behaviors() {
    let data = events(vec![
        loaded(
            0,
            "Ada",
            &[("Travel", High, 1), ("DLP", Low, 23), ("DLP", Medium, 25)],
        ),
        loaded(
            1,
            "Bob",
            &[
                ("DLP", Low, 47),
                ("Old", RiskLevel::Unknown("x".into()), -24 * 40),
            ],
        ),
    ]);
    let index = build(&data);
    let now = (t0() + Duration::hours(47)).timestamp_millis();
    let days = per_day(&index.rows, now, 0, 3);
    assert_eq!(days.iter().map(|d| d.1).collect::<Vec<_>>(), [0, 2, 2]);
    assert_eq!(day_label(days[2].0), "2 Nov");
    // Two hours behind UTC: the event at 01:00 UTC is on the previous local day.
    let west = per_day(&index.rows, now, -120, 3);
    assert_eq!(west.iter().map(|d| d.1).collect::<Vec<_>>(), [1, 2, 1]);
    assert_eq!(per_level(&index.rows), [1, 2, 1, 1]);
    assert_eq!(
        top(&index.behaviors, 2),
        [("DLP".to_owned(), 3), ("Old".to_owned(), 1)]
    );
    assert_eq!(day_label(0), "1 Jan");
}
