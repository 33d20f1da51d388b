//! Behaviors page in headless Chromium: the draft, one PUT with only the changes after the
//! review, a failed save that keeps every edit, Discard, unknown levels, and the leave guard.
//! (The draft rules are native unit tests in `src/pages/behaviors/draft_tests.rs`; the review,
//! conflicts and import have their own files.)

mod common;

use common::behaviors::*;
use common::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::pages::BehaviorsPage;

wasm_bindgen_test_configure!(run_in_browser);

fn expected_body() -> Value {
    json!({"behaviors": {
        "high_dlp": {"enabled": true, "risk_level": "medium"},
        "imp_travel": {"enabled": true, "risk_level": "high"},
    }})
}

/// Loads, makes the two changes and Applies them; the server reads the same behaviors again
/// and answers the PUT with `failure`. Keep the handle alive.
async fn apply_failing(failure: FakeReply) -> (FakeTransport, impl Drop) {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(failure);
    let handle = loaded(&fake).await;
    make_two_changes();
    settle().await;
    click_button("Save changes");
    settle().await;
    click_button("Apply");
    (fake, handle)
}

/// The draft bar's Save button.
fn save_button() -> web_sys::HtmlButtonElement {
    document()
        .query_selector_all(".draft-bar button")
        .expect("buttons")
        .item(1)
        .expect("save")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn save_sends_one_put_with_only_the_changes() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(&expected_body().to_string()));
    fake.push(FakeReply::ok(BEHAVIORS));
    let _handle = loaded(&fake).await;
    assert!(bar().is_none(), "no bar before any edit");
    make_two_changes();
    settle().await;
    assert!(bar().unwrap_or_default().contains("2 unsaved changes"));
    assert_eq!(changed_tags(), 2);
    click_button("Save changes");
    settle().await;
    assert!(review_open(), "Save changes opens the review");
    assert_eq!(fake.requests().len(), 1, "nothing is sent before Apply");
    click_button("Apply");
    saved_toast("Saved 2 behavior changes").await;
    let requests = fake.requests();
    assert_eq!(
        requests[1].method,
        Method::Get,
        "the server is read again first"
    );
    assert_eq!(requests[1].url, requests[0].url);
    let puts = puts(&fake);
    assert_eq!(puts.len(), 1, "exactly one PUT");
    let put = &puts[0];
    assert_eq!(
        put.url,
        format!("{BASE}/accounts/{ACCOUNT}/zt_risk_scoring/behaviors")
    );
    let body: Value = serde_json::from_str(put.body.as_deref().unwrap_or("")).expect("json body");
    assert_eq!(body, expected_body());
    wait_for("the bar to go", || bar().is_none()).await;
    wait_for("an uncached reload", || fake.requests().len() == 4).await;
    assert_eq!(fake.requests()[3].method, Method::Get);
    assert!(!review_open(), "the review closes");
    let focused = document().active_element().map(|e| e.tag_name());
    assert_eq!(focused.as_deref(), Some("H1"), "focus moves to the heading");
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_draft_and_can_be_retried() {
    let (fake, _handle) = apply_failing(v4_error(500, 1002, "Upstream exploded")).await;
    wait_for("the error", || {
        query(r#"[role="alert"]"#)
            .and_then(|a| a.text_content())
            .unwrap_or_default()
            .contains("1002")
    })
    .await;
    assert!(text(r#"[role="alert"]"#).contains("Upstream exploded"));
    assert!(bar().unwrap_or_default().contains("2 unsaved changes"));
    assert_eq!(checked("Impossible Travel"), "true");
    assert_eq!(checked("SentinelOne Infection Detected"), "false");
    assert_eq!(select("high_dlp").value(), "medium");
    assert_eq!(changed_tags(), 2);

    assert!(!review_open(), "the review closes on failure");
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(&expected_body().to_string()));
    fake.push(FakeReply::ok(BEHAVIORS));
    click_button("Retry");
    wait_for("a second PUT", || puts(&fake).len() == 2).await;
    let bodies = put_bodies(&fake);
    assert_eq!(bodies[0], bodies[1], "the retry sends the same body");
    wait_for("the bar to go", || bar().is_none()).await;
    assert!(query(r#"[role="alert"]"#).is_none(), "the error is gone");
}

#[wasm_bindgen_test]
async fn a_forbidden_save_shows_the_cloudflare_code() {
    let (_fake, _handle) = apply_failing(v4_error(403, 10000, "Authentication error")).await;
    wait_for("the error", || query(r#"[role="alert"]"#).is_some()).await;
    assert!(text(r#"[role="alert"]"#).contains("10000"));
    assert!(bar().unwrap_or_default().contains("2 unsaved changes"));
    assert_eq!(checked("Impossible Travel"), "true");
    assert_eq!(select("high_dlp").value(), "medium");
    let save = save_button();
    assert!(!save.disabled(), "Save can be tried again");
}

#[wasm_bindgen_test]
async fn discard_restores_and_unknown_levels_render() {
    let (fake, _handle) = loaded_fresh().await;
    let names: Vec<String> = (0..4)
        .map(|i| text(&format!("tbody tr:nth-child({}) strong", i + 1)))
        .collect();
    assert_eq!(names[0], "A strange one", "sorted by name");
    assert_eq!(names[2], "Impossible Travel");
    assert_eq!(select("odd").value(), "critical");
    assert!(text("#level-odd").contains("Unknown (critical)"));
    assert!(!select("odd").disabled(), "the select stays usable");
    assert!(
        el(r#"label[for="level-odd"]"#)
            .text_content()
            .unwrap_or_default()
            == "Risk level for A strange one"
    );

    assert_eq!(
        switch("Impossible Travel").get_attribute("role").as_deref(),
        Some("switch")
    );
    assert_eq!(checked("Impossible Travel"), "false");
    toggle("Impossible Travel");
    settle().await;
    assert_eq!(checked("Impossible Travel"), "true");
    choose("odd", "low");
    settle().await;
    assert!(bar().unwrap_or_default().contains("2 unsaved changes"));
    click_button("Discard");
    settle().await;
    assert!(bar().is_none());
    assert_eq!(checked("Impossible Travel"), "false");
    assert_eq!(select("odd").value(), "critical");
    assert_eq!(changed_tags(), 0);
    assert!(fake.requests().iter().all(|r| r.method == Method::Get));
}

#[wasm_bindgen_test]
async fn toggling_an_unknown_level_asks_for_a_level_before_saving() {
    let (_fake, _handle) = loaded_fresh().await;
    toggle("A strange one");
    settle().await;
    assert!(bar().unwrap_or_default().contains("1 unsaved change"));
    assert!(bar().unwrap_or_default().contains("level is unknown"));
    let save = save_button();
    assert!(save.disabled());
    choose("odd", "high");
    settle().await;
    assert!(!save.disabled());
}

#[wasm_bindgen_test]
async fn load_failure_retries_and_empty_account() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(v4_error(503, 1001, "Try later"));
    fake.push(FakeReply::ok(r#"{"behaviors":{}}"#));
    let _handle = mount(config_with_token(), fake.clone(), 1000, BehaviorsPage);
    wait_for("the error", || query(r#"[role="alert"]"#).is_some()).await;
    assert!(text(r#"[role="alert"]"#).contains("1001"));
    click_button("Retry");
    wait_for("the empty state", || query(".empty-state").is_some()).await;
    assert!(text(".empty-state").contains("No behaviors"));
    assert_eq!(fake.requests().len(), 2);
}

/// Replaces `window.confirm` with one that counts calls and answers `answer`.
fn stub_confirm(answer: bool) {
    let window = web_sys::window().expect("window");
    let body = format!("window.__asked = (window.__asked || 0) + 1; return {answer};");
    let f = js_sys::Function::new_with_args("message", &body);
    js_sys::Reflect::set(&window, &"confirm".into(), &f).expect("stub confirm");
    js_sys::Reflect::set(&window, &"__asked".into(), &0.into()).expect("reset");
}

fn window_value(key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(&web_sys::window().expect("window"), &key.into()).expect("get")
}

/// Clicks an in-app link whose own inline handler records whether the click was already
/// cancelled, then cancels it so the test page never navigates.
fn click_link() -> bool {
    let link = document().create_element("a").expect("a");
    link.set_attribute("href", "/users").expect("href");
    link.set_attribute(
        "onclick",
        "window.__prevented = event.defaultPrevented; return false;",
    )
    .expect("onclick");
    document()
        .body()
        .expect("body")
        .append_child(&link)
        .expect("append");
    link.unchecked_ref::<web_sys::HtmlElement>().click();
    link.remove();
    window_value("__prevented").as_bool().unwrap_or(false)
}

#[wasm_bindgen_test]
async fn leaving_with_unsaved_changes_asks_first() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let handle = loaded(&fake).await;
    stub_confirm(false);
    assert!(!click_link(), "a clean page lets links through");
    assert_eq!(window_value("__asked").as_f64(), Some(0.0));
    toggle("Impossible Travel");
    settle().await;
    assert!(click_link(), "declining keeps the admin on the page");
    assert_eq!(window_value("__asked").as_f64(), Some(1.0));
    assert!(bar().unwrap_or_default().contains("1 unsaved change"));
    stub_confirm(true);
    assert!(!click_link(), "accepting lets the link through");
    drop(handle);
    settle().await;
    stub_confirm(false);
    assert!(!click_link(), "the listener is gone after unmount");
    assert_eq!(window_value("__asked").as_f64(), Some(0.0));
    let window = web_sys::window().expect("window");
    js_sys::Reflect::delete_property(&window, &"confirm".into()).expect("restore confirm");
}
