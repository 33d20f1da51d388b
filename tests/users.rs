//! Users page in headless Chromium: rows, URL-driven view state, empty and error states,
//! one request per view; and the pure filter/sort/paging rules at 10,000 users.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::document;
use common::*;
use leptos::prelude::view;
use leptos_router::components::Router;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use zt_risk_api::{RiskLevel, UserRiskInfo};
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::api::transport::HttpResponse;
use zt_risk_console::pages::users::view_state::{
    counts, matching, page_info, Criteria, Dir, SortKey, ViewState, PAGE_SIZE,
};
use zt_risk_console::pages::UsersPage;

wasm_bindgen_test_configure!(run_in_browser);

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("time")
}

fn user(i: usize, name: &str, level: RiskLevel, minutes: i64) -> UserRiskInfo {
    UserRiskInfo {
        user_id: format!("00000000-0000-4000-8000-{i:012}"),
        name: name.into(),
        email: format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
        max_risk_level: level,
        event_count: (i % 7) as u64 + 1,
        last_event: t0() + Duration::minutes(minutes),
    }
}

fn sample() -> Vec<UserRiskInfo> {
    vec![
        user(1, "Zoe Low", RiskLevel::Low, 50),
        user(2, "Ada High", RiskLevel::High, 10),
        user(3, "Bob Medium", RiskLevel::Medium, 30),
        user(4, "Cy High", RiskLevel::High, 40),
    ]
}

fn many(n: usize) -> Vec<UserRiskInfo> {
    let levels = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];
    (0..n)
        .map(|i| {
            let level = levels[i % 3].clone();
            user(i, &format!("User {i:05}"), level, (i * 7 % 1000) as i64)
        })
        .collect()
}

fn summary_reply(users: &[UserRiskInfo]) -> FakeReply {
    let body = serde_json::json!({ "users": users }).to_string();
    FakeReply::ok(&body)
}

fn set_url(url: &str) {
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .expect("replace_state");
}

fn search() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .search()
        .unwrap_or_default()
}

fn names() -> Vec<String> {
    let cells = document()
        .query_selector_all("table.users tbody tr td:first-child")
        .expect("cells");
    (0..cells.length())
        .filter_map(|i| cells.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn choose_level(value: &str) {
    let select: web_sys::HtmlSelectElement = el("#risk-level").unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
}

fn cfg() -> zt_risk_console::session::RuntimeConfig {
    let mut c = config();
    c.demo_token = Some("t".into());
    c
}

fn mount_users(
    fake: &FakeTransport,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    mount(
        cfg(),
        fake.clone(),
        1000,
        || view! { <Router><UsersPage/></Router> },
    )
}

async fn rows_shown() {
    wait_for("user rows", || !names().is_empty()).await;
}

#[wasm_bindgen_test]
async fn renders_rows_from_summary_in_default_order() {
    set_url("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake);
    rows_shown().await;
    // High first, newest first within a level.
    assert_eq!(names(), ["Cy High", "Ada High", "Bob Medium", "Zoe Low"]);
    let link = el("table.users tbody tr td a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/users/00000000-0000-4000-8000-000000000004")
    );
    let counts = text(".counts");
    assert!(
        counts.contains("High 2") && counts.contains("Medium 1") && counts.contains("Total 4"),
        "{counts}"
    );
    assert!(text(".pager").contains("Showing 1–4 of 4"));
    assert!(text(".pager").contains("Page 1 of 1"));
    let th = el("th[aria-sort=descending]");
    assert_eq!(th.text_content().as_deref(), Some("Risk level"));
    assert!(query("table.users tbody time[title]").is_some());
    assert_eq!(fake.requests().len(), 1);
    assert!(fake.requests()[0].url.ends_with("/zt_risk_scoring/summary"));
}

#[wasm_bindgen_test]
async fn view_is_read_from_the_url() {
    set_url("/users?level=high&sort=name");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake);
    rows_shown().await;
    assert_eq!(names(), ["Ada High", "Cy High"]);
    let select: web_sys::HtmlSelectElement = el("#risk-level").unchecked_into();
    assert_eq!(select.value(), "high");
    let th = el("th[aria-sort=ascending]");
    assert_eq!(th.text_content().as_deref(), Some("Name"));
}

#[wasm_bindgen_test]
async fn view_is_written_to_the_url_and_filters_reset_the_page() {
    set_url("/users?page=2");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&many(120)));
    let _h = mount_users(&fake);
    rows_shown().await;
    assert!(text(".pager").contains("Page 2 of 3"));
    assert!(text(".pager").contains("Showing 51–100 of 120"));

    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    let entries = history.length().expect("length");
    type_into("user-search", "User 0");
    type_into("user-search", "User 00");
    type_into("user-search", "User 0001");
    settle().await;
    assert_eq!(
        history.length().expect("length"),
        entries,
        "typing replaces the history entry"
    );
    assert!(search().contains("q=User%200001"), "{}", search());
    assert!(!search().contains("page="), "{}", search());
    assert_eq!(names().len(), 10);

    click_button("Next");
    settle().await;
    choose_level("medium");
    settle().await;
    assert!(search().contains("level=medium"), "{}", search());
    assert!(!search().contains("page="), "{}", search());

    click_button("Email");
    settle().await;
    assert!(search().contains("sort=email"), "{}", search());
    assert_eq!(
        el("th[aria-sort=ascending]").text_content().as_deref(),
        Some("Email")
    );
    click_button("Email");
    settle().await;
    assert!(search().contains("dir=desc"), "{}", search());

    type_into("user-search", "");
    choose_level("");
    settle().await;
    click_button("Next");
    settle().await;
    assert!(search().contains("page=2"), "{}", search());
    assert!(text(".pager").contains("Page 2 of 3"));
    assert_eq!(fake.requests().len(), 1, "one GET /summary for every view");
}

#[wasm_bindgen_test]
async fn empty_summary_explains_where_users_come_from() {
    set_url("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&[]));
    let _h = mount_users(&fake);
    wait_for("empty state", || query(".empty-state").is_some()).await;
    let t = text(".empty-state");
    assert!(t.contains("No users with risk events yet"), "{t}");
    assert!(query(".empty-state a[href='/behaviors']").is_some());
    assert!(!t.contains("No users match"));
}

#[wasm_bindgen_test]
async fn no_match_offers_clear_filters() {
    set_url("/users?q=nobody&level=low");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake);
    wait_for("empty state", || query(".empty-state").is_some()).await;
    assert!(text(".empty-state").contains("No users match these filters"));
    click_button("Clear filters");
    rows_shown().await;
    assert_eq!(names().len(), 4);
    assert_eq!(search(), "");
    assert_eq!(input_value("user-search"), "");
}

#[wasm_bindgen_test]
async fn html_502_shows_error_view_and_retry_refetches() {
    set_url("/users");
    let fake = FakeTransport::new();
    fake.push(FakeReply::Respond(HttpResponse {
        status: 502,
        status_text: "Bad Gateway".into(),
        content_type: Some("text/html".into()),
        retry_after: None,
        body: "<html><body>Bad gateway</body></html>".into(),
    }));
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake);
    wait_for("an alert", || query("[role=alert]").is_some()).await;
    let alert = text("[role=alert]");
    assert!(alert.contains("502") && alert.contains("HTML"), "{alert}");
    click_button("Retry");
    rows_shown().await;
    assert_eq!(fake.requests().len(), 2);
    assert!(query("[role=alert]").is_none());
}

#[wasm_bindgen_test]
async fn refresh_refetches_past_the_cache() {
    set_url("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    fake.push(summary_reply(&sample()[..1]));
    let _h = mount_users(&fake);
    rows_shown().await;
    click_button("Refresh");
    wait_for("one row", || names().len() == 1).await;
    assert_eq!(fake.requests().len(), 2);
}

#[wasm_bindgen_test]
async fn ten_thousand_users_render_one_page() {
    set_url("/users?sort=name&page=200");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&many(10_000)));
    let _h = mount_users(&fake);
    rows_shown().await;
    assert_eq!(names().len(), 50, "only the current page is in the DOM");
    assert_eq!(names()[0], "User 09950");
    assert!(text(".pager").contains("Page 200 of 200"));
    assert!(text(".pager").contains("Showing 9951–10000 of 10000"));
    let started = js_sys::Date::now();
    type_into("user-search", "user 0123");
    wait_for("filtered rows", || names().len() == 10).await;
    let elapsed = js_sys::Date::now() - started;
    assert!(elapsed < 1_500.0, "search took {elapsed} ms");
    assert!(text(".pager").contains("Page 1 of 1"));
    assert_eq!(fake.requests().len(), 1);
}

// ---- pure rules ----

#[wasm_bindgen_test]
fn query_round_trips_and_defaults_are_omitted() {
    assert_eq!(ViewState::default().to_query(), "");
    let state = ViewState::default()
        .with(|c| {
            c.q = "ada lovelace&x=1".into();
            c.level = Some(RiskLevel::Medium);
        })
        .sorted_by(SortKey::Name)
        .at_page(3);
    let qs = state.to_query();
    let params = web_sys::UrlSearchParams::new_with_str(&qs).expect("params");
    let back = ViewState::from_query(|k| params.get(k));
    assert_eq!(back, state, "{qs}");
    assert!(qs.contains("sort=name") && !qs.contains("dir="), "{qs}");
    let junk = ViewState::from_query(|k| (k != "q").then(|| format!("bogus-{k}")));
    assert_eq!(junk, ViewState::default(), "unreadable values fall back");
    let zero = ViewState::from_query(|k| (k == "page").then(|| "0".to_owned()));
    assert_eq!(zero.page, 1);
    assert_eq!(
        ViewState::default().sorted_by(SortKey::Level).criteria.dir,
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
    let users = vec![
        user(1, "Zoë Ångström", RiskLevel::Low, 10),
        user(2, "élodie Martin", RiskLevel::Low, 20),
        user(3, "Émile Zola", RiskLevel::Low, 30),
    ];
    let search = |q: &str| {
        let c = Criteria {
            q: q.into(),
            ..Criteria::default()
        };
        matching(&users, &c)
    };
    assert_eq!(search("ÉLODIE"), vec![1]);
    assert_eq!(search("ångström"), vec![0]);
    assert_eq!(search("É"), vec![2, 1], "both accented names, newest first");
    let by_name = Criteria {
        sort: SortKey::Name,
        dir: Dir::Asc,
        ..Criteria::default()
    };
    // Lowercased, "élodie" and "émile" sort together after "zoë" (é > z in code points).
    assert_eq!(matching(&users, &by_name), vec![0, 1, 2]);
}

#[wasm_bindgen_test]
fn filter_sort_and_page_ten_thousand_users() {
    let users = many(10_000);
    let started = js_sys::Date::now();
    let all = matching(&users, &Criteria::default());
    assert_eq!(all.len(), 10_000);
    assert!(all.windows(2).all(|w| {
        let (a, b) = (&users[w[0]], &users[w[1]]);
        a.max_risk_level > b.max_risk_level
            || (a.max_risk_level == b.max_risk_level && a.last_event >= b.last_event)
    }));
    let high = Criteria {
        level: Some(RiskLevel::High),
        sort: SortKey::Name,
        dir: Dir::Asc,
        ..Criteria::default()
    };
    let rows = matching(&users, &high);
    assert_eq!(rows.len(), 3_333);
    assert!(rows.windows(2).all(|w| users[w[0]].name < users[w[1]].name));
    let found = matching(
        &users,
        &Criteria {
            q: "  USER 0999".into(),
            ..Criteria::default()
        },
    );
    assert_eq!(found.len(), 10, "User 09990..09999");
    let by_mail = matching(
        &users,
        &Criteria {
            q: "user.01234@EXAMPLE".into(),
            ..Criteria::default()
        },
    );
    assert_eq!(by_mail.len(), 1);
    let elapsed = js_sys::Date::now() - started;
    assert!(elapsed < 2_000.0, "took {elapsed} ms");

    let info = page_info(10_000, 200);
    assert_eq!(
        (info.page, info.pages, info.start, info.end),
        (200, 200, 9_950, 10_000)
    );
    assert_eq!(page_info(10_000, 999).page, 200, "clamped to the last page");
    assert_eq!(page_info(0, 3).pages, 1);
    assert_eq!(page_info(51, 2).end - page_info(51, 2).start, 1);
    assert_eq!(PAGE_SIZE, 50);
    let n = counts(&users);
    assert_eq!(
        (n.high, n.medium, n.low, n.total),
        (3_333, 3_333, 3_334, 10_000)
    );
}
