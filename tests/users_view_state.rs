//! The users list's pure view logic in headless Chromium (it lowercases through the browser):
//! URL query round trips, case-insensitive search and sort, filtering and paging at 10,000 users,
//! and a kept sorted order filtered per keystroke giving exactly what a fresh match gives.

mod common;

use common::users::*;
use wasm_bindgen_test::*;
use zt_risk_api::RiskLevel;
use zt_risk_console::components::{PageInfo, PAGE_SIZE};
use zt_risk_console::pages::users::view_state::{
    counts, filtered, matching, sorted, Column, SearchIndex, UserFilters, UsersView,
};
use zt_risk_console::sort::{Dir, Sort};
use zt_risk_console::view_state::{Filters, QueryValue, Window};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn query_round_trips_and_defaults_are_omitted() {
    assert_eq!(UsersView::default().to_query(), "");
    let state = UsersView::default()
        .with(|c| {
            c.q = "ada lovelace&x=1".into();
            c.level = Some(RiskLevel::Medium);
            c.within = Some(Window::Week);
        })
        .sorted_by(Column::Name)
        .at_page(3);
    let qs = state.to_query();
    let params = web_sys::UrlSearchParams::new_with_str(&qs).expect("params");
    let get = |k: &str| params.get(k).into_iter().collect::<Vec<_>>();
    let back = UsersView::from_query(&zt_risk_console::view_state::QueryReader::new(&get));
    assert_eq!(back, state, "{qs}");
    assert!(qs.contains("sort=name") && !qs.contains("dir="), "{qs}");
    let junk =
        UsersView::from_query_str("?level=bogus&within=bogus&sort=bogus&dir=bogus&page=bogus");
    assert_eq!(junk, UsersView::default(), "unreadable values fall back");
    let zero = UsersView::from_query_str("?page=0");
    assert_eq!(zero.page, 1);
    let detections_only = UsersView::from_query_str("?within=90d");
    assert_eq!(
        detections_only.filters.within, None,
        "a window Users does not offer"
    );
    assert_eq!(
        UsersView::default().sorted_by(Column::Level).sort.dir,
        Dir::Asc
    );
}

#[wasm_bindgen_test]
fn search_and_name_sort_ignore_case_beyond_ascii() {
    // `text::lowercase` hands non-ASCII text to the browser: it must agree with Rust's mapping.
    for s in [
        "ÉLODIE Ångström",
        "ΟΔΥΣΣΕΥΣ",
        "İstanbul",
        "STRASSE Straße",
        "Zoë",
        "plain ascii",
    ] {
        assert_eq!(zt_risk_console::text::lowercase(s), s.to_lowercase(), "{s}");
    }
    // Lowered together in one call, each part as on its own: a final sigma stays final at the
    // end of a part, and a part holding the joining `\0` sends every part on its own.
    let parts = ["ΟΔΥΣΣΕΥΣ", "Zoë", "plain", "ΣΑΣ", "İ", "ΑΣ\0Σ", "ÉLODIE"];
    let each: Vec<String> = parts.iter().map(|s| s.to_lowercase()).collect();
    assert_eq!(zt_risk_console::text::lowercase_each(parts), each);
    assert_eq!(
        zt_risk_console::text::lowercase_each(parts.into_iter().filter(|p| !p.contains('\0'))),
        each.iter()
            .filter(|p| !p.contains('\0'))
            .cloned()
            .collect::<Vec<_>>()
    );
    let users = vec![
        user(1, "Zoë Ångström", RiskLevel::Low, 10),
        user(2, "élodie Martin", RiskLevel::Low, 20),
        user(3, "Émile Zola", RiskLevel::Low, 30),
    ];
    let search = |q: &str| {
        let c = UserFilters {
            q: q.into(),
            ..UserFilters::default()
        };
        matching(&users, &c, UserFilters::SORT, t0())
    };
    assert_eq!(search("ÉLODIE"), vec![1]);
    assert_eq!(search("ångström"), vec![0]);
    assert_eq!(search("É"), vec![2, 1], "both accented names, newest first");
    let by_name = Sort {
        key: Column::Name,
        dir: Dir::Asc,
    };
    // Lowercased, "élodie" and "émile" sort together after "zoë" (é > z in code points).
    assert_eq!(
        matching(&users, &UserFilters::default(), by_name, t0()),
        vec![0, 1, 2]
    );
}

/// `sorted` (keys in arrays of their own) against its documented rule written plainly, for
/// every column and direction, with unknown levels and ties on every key.
#[wasm_bindgen_test]
fn every_sort_follows_its_rule_with_unknown_levels_and_ties() {
    let mut users = many(120);
    for (i, level) in [(3, "severe"), (4, "critical"), (5, "severe"), (6, "Severe")] {
        users[i].max_risk_level = RiskLevel::Unknown(level.into());
    }
    for i in 10..30 {
        // Pairs with the same time and count; some with the same name in another case.
        users[i].last_event = users[i % 2 + 40].last_event;
        users[i].event_count = 3;
        if i % 3 == 0 {
            users[i].name = users[i - 1].name.to_uppercase();
        }
    }
    let lower = |s: &str| s.to_lowercase();
    for key in ["name", "email", "level", "events", "last_event"].map(Column::from_query) {
        let key = key.expect("a column");
        for dir in [Dir::Asc, Dir::Desc] {
            let primary = |a: &zt_risk_api::UserRiskInfo, b: &zt_risk_api::UserRiskInfo| match key {
                Column::Name => lower(&a.name).cmp(&lower(&b.name)),
                Column::Email => lower(&a.email).cmp(&lower(&b.email)),
                Column::Level => a.max_risk_level.cmp(&b.max_risk_level),
                Column::Events => a.event_count.cmp(&b.event_count),
                Column::LastEvent => a.last_event.cmp(&b.last_event),
            };
            let mut expected: Vec<usize> = (0..users.len()).collect();
            expected.sort_by(|&a, &b| {
                let (x, y) = (&users[a], &users[b]);
                dir.apply(primary(x, y))
                    .then_with(|| y.last_event.cmp(&x.last_event))
                    .then_with(|| lower(&x.name).cmp(&lower(&y.name)))
                    .then_with(|| x.user_id.cmp(&y.user_id))
            });
            let sort = Sort { key, dir };
            assert_eq!(sorted(&users, sort), expected, "{key:?} {dir:?}");
        }
    }
}

#[wasm_bindgen_test]
fn filter_sort_and_page_ten_thousand_users() {
    let users = many(10_000);
    let started = js_sys::Date::now();
    let all = matching(&users, &UserFilters::default(), UserFilters::SORT, t0());
    assert_eq!(all.len(), 10_000);
    assert!(all.windows(2).all(|w| {
        let (a, b) = (&users[w[0]], &users[w[1]]);
        a.max_risk_level > b.max_risk_level
            || (a.max_risk_level == b.max_risk_level && a.last_event >= b.last_event)
    }));
    let high = UserFilters {
        level: Some(RiskLevel::High),
        ..UserFilters::default()
    };
    let by_name = Sort {
        key: Column::Name,
        dir: Dir::Asc,
    };
    let rows = matching(&users, &high, by_name, t0());
    assert_eq!(rows.len(), 3_333);
    assert!(rows.windows(2).all(|w| users[w[0]].name < users[w[1]].name));
    let found = matching(
        &users,
        &UserFilters {
            q: "  USER 0999".into(),
            ..UserFilters::default()
        },
        UserFilters::SORT,
        t0(),
    );
    assert_eq!(found.len(), 10, "User 09990..09999");
    let by_mail = matching(
        &users,
        &UserFilters {
            q: "user.01234@EXAMPLE".into(),
            ..UserFilters::default()
        },
        UserFilters::SORT,
        t0(),
    );
    assert_eq!(by_mail.len(), 1);
    let elapsed = js_sys::Date::now() - started;
    assert!(elapsed < 2_000.0, "took {elapsed} ms");

    let info = PageInfo::of(10_000, 200);
    assert_eq!(
        (info.page, info.pages, info.start, info.end),
        (200, 200, 9_950, 10_000)
    );
    assert_eq!(
        PageInfo::of(10_000, 999).page,
        200,
        "clamped to the last page"
    );
    assert_eq!(PageInfo::of(0, 3).pages, 1);
    assert_eq!(PageInfo::of(51, 2).end - PageInfo::of(51, 2).start, 1);
    assert_eq!(PAGE_SIZE, 50);
    let n = counts(&users);
    assert_eq!(
        (n.high, n.medium, n.low, n.total),
        (3_333, 3_333, 3_334, 10_000)
    );
}

#[wasm_bindgen_test]
fn last_event_within_filters_by_recency() {
    // sample(): last events 50, 10, 30 and 40 minutes after t0.
    let users = sample();
    let at = |now_minutes: i64, within: Window| {
        let c = UserFilters {
            within: Some(within),
            ..UserFilters::default()
        };
        matching(
            &users,
            &c,
            UserFilters::SORT,
            t0() + chrono::Duration::minutes(now_minutes),
        )
    };
    assert_eq!(at(60, Window::Day).len(), 4);
    // 24 h after the event at minute 30: the events at 30, 40 and 50 are within a day.
    assert_eq!(at(24 * 60 + 30, Window::Day), vec![3, 2, 0], "Cy, Bob, Zoe");
    assert!(at(24 * 60 + 30, Window::Older).is_empty());
    assert_eq!(at(31 * 24 * 60 + 60, Window::Older).len(), 4);
    let cleared = UsersView::default()
        .with(|c| c.within = Some(Window::Month))
        .without_filters();
    assert!(!cleared.filters.is_filtered());
}

#[wasm_bindgen_test]
fn a_kept_order_filtered_per_keystroke_equals_a_fresh_match() {
    // Ties on purpose: 60 users share 10 timestamps and 3 levels, names repeat with other cases.
    let mut users = many(600);
    for (i, u) in users.iter_mut().enumerate() {
        u.last_event = t0() + chrono::Duration::minutes((i % 10) as i64);
        if i % 4 == 0 {
            u.name = u.name.to_uppercase();
        }
        if i % 5 == 0 {
            u.name = format!("ÉLODIE Ä {i}");
        }
    }
    let index = SearchIndex::new(&users);
    let keys_sort = [
        Column::Name,
        Column::Email,
        Column::Level,
        Column::Events,
        Column::LastEvent,
    ];
    for key in keys_sort {
        for dir in [Dir::Asc, Dir::Desc] {
            let sort = Sort { key, dir };
            let base = UserFilters::default();
            let order = sorted(&users, sort);
            assert_eq!(
                order,
                matching(&users, &base, sort, t0()),
                "{key:?} {dir:?}"
            );
            // Ties fall back to newest first, then name, then id: a total order.
            assert!(order.windows(2).all(|w| w[0] != w[1]));
            // "5user" only spans a name's end and an email's start; "\0" is the index's separator.
            for q in [
                "user 00",
                "USER 005",
                "user.0059@",
                "",
                "nobody",
                "élodie ä 1",
                "5user",
                "\0",
                "0\0u",
            ] {
                for level in [None, Some(RiskLevel::High)] {
                    let c = UserFilters {
                        q: q.into(),
                        level: level.clone(),
                        ..base.clone()
                    };
                    let fresh = matching(&users, &c, sort, t0());
                    assert_eq!(filtered(&users, Some(&index), &order, &c, t0()), fresh);
                    assert_eq!(filtered(&users, None, &order, &c, t0()), fresh);
                }
            }
        }
    }
    let by_time = sorted(
        &users,
        Sort {
            key: Column::LastEvent,
            dir: Dir::Desc,
        },
    );
    // Same time: names ascending, case-insensitively.
    let same: Vec<String> = by_time[..60]
        .iter()
        .map(|&i| users[i].name.to_lowercase())
        .collect();
    assert!(same.windows(2).all(|w| w[0] <= w[1]), "{same:?}");
}
