//! Users page in headless Chromium: rows, URL-driven view state, empty and error states, Retry
//! and Refresh, one request per view, and one rendered page out of 10,000 users. The pure
//! filter/sort/paging rules are in `users_view_state.rs`.

mod common;

use common::events::search;
use common::users::*;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::api::transport::HttpResponse;

wasm_bindgen_test_configure!(run_in_browser);

fn choose_level(value: &str) {
    let select: web_sys::HtmlSelectElement = el("#risk-level").unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
}

async fn rows_shown() {
    wait_for("user rows", || !names().is_empty()).await;
}

#[wasm_bindgen_test]
async fn renders_rows_from_summary_in_default_order() {
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake, 1000);
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
async fn the_summary_request_leaves_while_the_page_mounts() {
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake, 1000);
    // Nothing has been awaited since the mount began: the request was sent during it, not a
    // tick after it (LocalResource's own first poll).
    assert_eq!(fake.requests().len(), 1);
    rows_shown().await;
    assert_eq!(fake.requests().len(), 1);
}

#[wasm_bindgen_test]
async fn view_is_read_from_the_url() {
    go("/users?level=high&sort=name");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake, 1000);
    rows_shown().await;
    assert_eq!(names(), ["Ada High", "Cy High"]);
    let select: web_sys::HtmlSelectElement = el("#risk-level").unchecked_into();
    assert_eq!(select.value(), "high");
    let th = el("th[aria-sort=ascending]");
    assert_eq!(th.text_content().as_deref(), Some("Name"));
}

#[wasm_bindgen_test]
async fn a_typed_search_is_cleared_by_the_button_and_undone_by_back() {
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&many(120)));
    let _h = mount_users(&fake, 1000);
    rows_shown().await;
    // Typing writes the address itself; the router still holds "/users", the address Clear
    // filters goes to: it must still show every user.
    type_into("user-search", "nobody");
    settle().await;
    assert!(search().contains("q=nobody"), "{}", search());
    assert!(names().is_empty());
    click_button("Clear filters");
    settle().await;
    assert!(!search().contains("q="), "{}", search());
    assert_eq!(names().len(), 50);
    assert_eq!(
        el("#user-search")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        ""
    );
    // Back returns to the typed search, as the address recorded it.
    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    history.back().expect("back");
    wait_for("the typed search again", || names().is_empty()).await;
    assert!(search().contains("q=nobody"), "{}", search());
}

#[wasm_bindgen_test]
async fn view_is_written_to_the_url_and_filters_reset_the_page() {
    go("/users?page=2");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&many(120)));
    let _h = mount_users(&fake, 1000);
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
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&[]));
    let _h = mount_users(&fake, 1000);
    wait_for("empty state", || query(".empty-state").is_some()).await;
    let t = text(".empty-state");
    assert!(t.contains("No users with risk events yet"), "{t}");
    assert!(query(".empty-state a[href='/behaviors']").is_some());
    assert!(!t.contains("No users match"));
}

#[wasm_bindgen_test]
async fn no_match_offers_clear_filters() {
    go("/users?q=nobody&level=low");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake, 1000);
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
    go("/users");
    let fake = FakeTransport::new();
    fake.push(FakeReply::Respond(HttpResponse {
        status: 502,
        status_text: "Bad Gateway".into(),
        content_type: Some("text/html".into()),
        retry_after: None,
        body: "<html><body>Bad gateway</body></html>".into(),
    }));
    fake.push(summary_reply(&sample()));
    let _h = mount_users(&fake, 1000);
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
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&sample()));
    fake.push(summary_reply(&sample()[..1]));
    let _h = mount_users(&fake, 1000);
    rows_shown().await;
    click_button("Refresh");
    wait_for("one row", || names().len() == 1).await;
    assert_eq!(fake.requests().len(), 2);
}

#[wasm_bindgen_test]
async fn ten_thousand_users_render_one_page() {
    go("/users?sort=name&page=200");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&many(10_000)));
    let _h = mount_users(&fake, 1000);
    rows_shown().await;
    assert_eq!(names().len(), 50, "only the current page is in the DOM");
    assert_eq!(names()[0], "User 09950");
    assert!(text(".pager").contains("Page 200 of 200"));
    // One number format: counts are grouped as everywhere else in the console.
    assert!(text(".pager").contains("Showing 9,951–10,000 of 10,000"));
    assert!(text("ul.counts").contains("Total 10,000"));
    let started = js_sys::Date::now();
    type_into("user-search", "user 0123");
    wait_for("filtered rows", || names().len() == 10).await;
    let elapsed = js_sys::Date::now() - started;
    assert!(elapsed < 1_500.0, "search took {elapsed} ms");
    assert!(text(".pager").contains("Page 1 of 1"));
    assert_eq!(fake.requests().len(), 1);
}

// ---- pure rules ----
