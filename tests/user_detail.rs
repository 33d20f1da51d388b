//! User page in headless Chromium: details and events, the confirmed reset, hostile event
//! details rendered as text, and not-found ids.

mod common;

use common::document;
use common::users::mount_user_page;
use common::*;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "4a7f9c1e-8b2d-4e6f-9a3b-1c5d7e9f0a2b";

fn detail(risk_level: Option<&str>, reset: Option<&str>, details: serde_json::Value) -> FakeReply {
    let mut body = serde_json::json!({
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "last_reset_time": reset,
        "events": [
            {"id": "e1", "name": "Impossible Travel", "risk_level": "high",
             "timestamp": "2026-01-02T10:00:00Z", "event_details": details},
            {"id": "e2", "name": "SentinelOne Infection Detected", "risk_level": "medium",
             "timestamp": "2026-01-03T10:00:00Z"}
        ]
    });
    if let Some(level) = risk_level {
        body["risk_level"] = level.into();
    }
    FakeReply::ok(&body.to_string())
}

fn mount_at(
    fake: &FakeTransport,
    id: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    mount_kept(fake, id)
}

/// `GET /behaviors`: Impossible Travel on, SentinelOne off (the page asks once a user loads,
/// to say which events count).
fn behaviors() -> FakeReply {
    FakeReply::ok(
        r#"{"behaviors":{"imp_travel":{"name":"Impossible Travel","description":"","enabled":true,"risk_level":"high"},"sentinel_one":{"name":"SentinelOne Infection Detected","description":"","enabled":false,"risk_level":"medium"}}}"#,
    )
}

/// Mounts without clearing storage first.
fn mount_kept(
    fake: &FakeTransport,
    id: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    mount_user_page(fake, id)
}

fn posts(fake: &FakeTransport) -> Vec<String> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == Method::Post)
        .map(|r| r.url)
        .collect()
}

fn dialog_open() -> bool {
    query("dialog[open]").is_some()
}

async fn loaded() {
    wait_for("the user", || query("dl.facts").is_some()).await;
}

#[wasm_bindgen_test]
async fn shows_user_and_events() {
    let fake = FakeTransport::new();
    fake.push(detail(
        Some("high"),
        None,
        serde_json::json!({"ip": "203.0.113.9", "nested": {"a": [1, 2]}}),
    ));
    fake.push(behaviors());
    let _h = mount_at(&fake, ID);
    loaded().await;
    assert_eq!(text("h1"), "Ada Lovelace");
    let facts = text("dl.facts");
    assert!(facts.contains("ada@example.com"), "{facts}");
    assert!(facts.contains("High"), "{facts}");
    assert!(facts.contains("Never"), "{facts}");
    let rows = document()
        .query_selector_all("table tbody tr")
        .expect("rows");
    assert_eq!(rows.length(), 2);
    // Newest first by default.
    assert!(text("table tbody tr").contains("SentinelOne"));
    assert!(text("table tbody tr").contains("—"));
    assert_eq!(text("details.json summary"), "Show details");
    assert!(text("details.json pre").contains("\"ip\": \"203.0.113.9\""));
    assert!(fake.requests()[0]
        .url
        .ends_with(&format!("/zt_risk_scoring/{ID}")));

    click_button("Time");
    settle().await;
    assert!(text("table tbody tr").contains("Impossible Travel"));
    click_button("Risk level");
    settle().await;
    assert!(text("table tbody tr").contains("Impossible Travel"));
    assert!(query("th[aria-sort=descending]").is_some());
}

#[wasm_bindgen_test]
async fn the_page_says_which_events_count_toward_the_level() {
    let fake = FakeTransport::new();
    fake.push(detail(Some("high"), None, serde_json::Value::Null));
    fake.push(behaviors());
    let _h = mount_at(&fake, ID);
    loaded().await;
    wait_for("the tally", || {
        text("main, body").contains(
            "1 of these 2 events counts toward the risk level, as in the Users list: 1 comes from a behavior that is turned off.",
        )
    })
    .await;
    // Why High: the enabled behavior at High that fired since the last reset.
    assert_eq!(text("#why-heading"), "Why High");
    assert!(text("ul.deciding").contains("Impossible Travel: 1 event since the last reset"));
    // Each listed event says whether it counts.
    let rows: Vec<String> = document()
        .query_selector_all("table[aria-label='Risk events'] tbody tr")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.text_content())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        rows.iter()
            .any(|r| r.contains("SentinelOne") && r.contains("No: the behavior is turned off")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("Impossible Travel") && r.contains("Yes")),
        "{rows:?}"
    );
}

#[wasm_bindgen_test]
async fn back_link_keeps_the_list_query() {
    clear_storage();
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .expect("sessionStorage")
        .set_item(
            zt_risk_console::session::storage::KEY_USERS_QUERY,
            "?level=high&sort=name",
        )
        .expect("set");
    let fake = FakeTransport::new();
    fake.push(detail(Some("low"), None, serde_json::Value::Null));
    fake.push(behaviors());
    let _h = mount_kept(&fake, ID);
    loaded().await;
    assert_eq!(text("a[href='/users?level=high&sort=name']"), "← Users");
}

#[wasm_bindgen_test]
async fn reset_posts_only_after_confirm() {
    let fake = FakeTransport::new();
    fake.push(detail(Some("high"), None, serde_json::Value::Null));
    fake.push(behaviors());
    fake.push(FakeReply::ok("{}"));
    fake.push(detail(
        None,
        Some("2026-01-04T00:00:00Z"),
        serde_json::Value::Null,
    ));
    let _h = mount_at(&fake, ID);
    loaded().await;

    click_button("Reset risk score");
    settle().await;
    assert!(dialog_open());
    assert!(text("dialog").contains("Reset risk score for Ada Lovelace?"));
    assert!(text("dialog").contains("history is kept"));
    assert!(posts(&fake).is_empty(), "opening the dialog sends nothing");
    click_button("Cancel");
    settle().await;
    assert!(!dialog_open());
    assert!(posts(&fake).is_empty(), "Cancel sends nothing");

    click_button("Reset risk score");
    settle().await;
    click_button("Reset score");
    wait_for("the toast", || {
        text(".toasts").contains("Risk score reset for Ada Lovelace")
    })
    .await;
    assert_eq!(
        posts(&fake),
        [format!(
            "{BASE}/accounts/{ACCOUNT}/zt_risk_scoring/{ID}/reset"
        )]
    );
    wait_for("the reloaded user", || {
        text("dl.facts").contains("Not scored")
    })
    .await;
    assert!(!dialog_open());
    assert_eq!(fake.requests().len(), 4, "GET, behaviors, POST, fresh GET");
    wait_for("focus back on the reset button", || {
        document()
            .active_element()
            .and_then(|e| e.text_content())
            .is_some_and(|t| t == "Reset risk score")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_reset_answered_204_is_a_success_and_the_page_is_read_again() {
    let fake = FakeTransport::new();
    fake.push(detail(Some("high"), None, serde_json::Value::Null));
    fake.push(behaviors());
    fake.push(FakeReply::no_content());
    fake.push(detail(
        None,
        Some("2026-01-04T00:00:00Z"),
        serde_json::Value::Null,
    ));
    let _h = mount_at(&fake, ID);
    loaded().await;
    click_button("Reset risk score");
    settle().await;
    click_button("Reset score");
    wait_for("the toast", || {
        text(".toasts").contains("Risk score reset for Ada Lovelace")
    })
    .await;
    wait_for("the reloaded user", || {
        text("dl.facts").contains("Not scored")
    })
    .await;
    assert!(query("[role=alert]").is_none(), "no error shown");
    assert_eq!(fake.requests().len(), 4, "GET, behaviors, POST, fresh GET");
}

#[wasm_bindgen_test]
async fn failed_reset_shows_the_error_and_keeps_the_page() {
    let fake = FakeTransport::new();
    fake.push(detail(Some("high"), None, serde_json::Value::Null));
    fake.push(behaviors());
    fake.push(FakeReply::json(
        403,
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}"#,
    ));
    let _h = mount_at(&fake, ID);
    loaded().await;
    click_button("Reset risk score");
    settle().await;
    click_button("Reset score");
    wait_for("an alert", || query("[role=alert]").is_some()).await;
    assert!(text("[role=alert]").contains("Authentication error"));
    assert!(!dialog_open());
    assert_eq!(text("h1"), "Ada Lovelace");
}

#[wasm_bindgen_test]
async fn hostile_event_details_are_text() {
    let fake = FakeTransport::new();
    fake.push(detail(
        Some("high"),
        None,
        serde_json::json!({"x": "<img src=x onerror=alert(1)>", "y": "<script>alert(2)</script>"}),
    ));
    fake.push(behaviors());
    let _h = mount_at(&fake, ID);
    loaded().await;
    assert!(
        query("img").is_none(),
        "no element was created from the data"
    );
    assert!(query("main script, div script").is_none());
    let pre = text("details.json pre");
    assert!(pre.contains("<img src=x onerror=alert(1)>"), "{pre}");
    assert!(pre.contains("<script>"), "{pre}");
}

#[wasm_bindgen_test]
async fn unknown_id_is_not_found() {
    let fake = FakeTransport::new();
    fake.push(FakeReply::json(
        404,
        r#"{"success":false,"errors":[{"code":1404,"message":"user not found"}],"messages":[],"result":null}"#,
    ));
    let _h = mount_at(&fake, ID);
    wait_for("not found", || {
        text("body").contains("No user with this ID")
    })
    .await;
    assert!(query("a[href='/users']").is_some());
}

#[wasm_bindgen_test]
async fn malformed_id_is_not_found_without_a_request() {
    let fake = FakeTransport::new();
    let _h = mount_at(&fake, "not-a-uuid");
    wait_for("not found", || {
        text("body").contains("No user with this ID")
    })
    .await;
    assert!(fake.requests().is_empty());
}
