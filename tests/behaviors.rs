//! Behaviors page in headless Chromium: the draft, one PUT with only the changes, a failed save
//! that keeps every edit, Discard, unknown levels, and the leave guard. (The draft rules are
//! native unit tests in `src/pages/behaviors/draft_tests.rs`.)

mod common;

use common::*;
use leptos::prelude::view;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlSelectElement;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::components::Toaster;
use zt_risk_console::pages::BehaviorsPage;

wasm_bindgen_test_configure!(run_in_browser);

const BEHAVIORS: &str = r#"{"behaviors":{
  "imp_travel":{"name":"Impossible Travel","description":"Logged in from two far places.","enabled":false,"risk_level":"high"},
  "high_dlp":{"name":"High Number of DLP Policies Triggered","description":"DLP fifteen times.","enabled":true,"risk_level":"low"},
  "sentinel_one":{"name":"SentinelOne Infection Detected","description":"EDR threat.","enabled":false,"risk_level":"medium"},
  "odd":{"name":"A strange one","description":"Level from the future.","enabled":true,"risk_level":"critical"}
}}"#;

fn switch(name: &str) -> web_sys::Element {
    el(&format!(
        r#"button[role="switch"][aria-label="Enable {name}"]"#
    ))
}

fn checked(name: &str) -> String {
    switch(name)
        .get_attribute("aria-checked")
        .unwrap_or_default()
}

fn toggle(name: &str) {
    switch(name)
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

fn select(id: &str) -> HtmlSelectElement {
    el(&format!("#level-{id}")).unchecked_into()
}

fn choose(id: &str, value: &str) {
    let s = select(id);
    s.set_value(value);
    let event = web_sys::Event::new("change").expect("event");
    s.dispatch_event(&event).expect("dispatch");
}

fn bar() -> Option<String> {
    query(".draft-bar").and_then(|b| b.text_content())
}

fn changed_tags() -> u32 {
    document()
        .query_selector_all(".changed-tag")
        .map(|l| l.length())
        .unwrap_or(0)
}

async fn loaded(fake: &FakeTransport) -> impl Drop {
    // The layout normally renders the toaster; tests need it to see the toast.
    let handle = mount(config_with_token(), fake.clone(), 1000, || {
        view! { <BehaviorsPage/><Toaster/> }
    });
    wait_for("the behaviors table", || query("table").is_some()).await;
    handle
}

/// Toggles Impossible Travel on, sets DLP to medium, toggles SentinelOne on and off again.
fn make_two_changes() {
    toggle("Impossible Travel");
    choose("high_dlp", "medium");
    toggle("SentinelOne Infection Detected");
    toggle("SentinelOne Infection Detected");
}

fn expected_body() -> Value {
    json!({"behaviors": {
        "high_dlp": {"enabled": true, "risk_level": "medium"},
        "imp_travel": {"enabled": true, "risk_level": "high"},
    }})
}

fn puts(fake: &FakeTransport) -> Vec<zt_risk_console::api::transport::HttpRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == Method::Put)
        .collect()
}

#[wasm_bindgen_test]
async fn save_sends_one_put_with_only_the_changes() {
    clear_storage();
    let fake = FakeTransport::new();
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
    wait_for("the saved toast", || {
        query(".toasts")
            .and_then(|t| t.text_content())
            .unwrap_or_default()
            .contains("Saved 2 behavior changes")
    })
    .await;
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
    wait_for("an uncached reload", || fake.requests().len() == 3).await;
    assert_eq!(fake.requests()[2].method, Method::Get);
    let focused = document().active_element().map(|e| e.tag_name());
    assert_eq!(focused.as_deref(), Some("H1"), "focus moves to the heading");
}

#[wasm_bindgen_test]
async fn a_failed_save_keeps_the_draft_and_can_be_retried() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::json(
        500,
        r#"{"success":false,"errors":[{"code":1002,"message":"Upstream exploded"}],"messages":[],"result":null}"#,
    ));
    let _handle = loaded(&fake).await;
    make_two_changes();
    settle().await;
    click_button("Save changes");
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

    fake.push(FakeReply::ok(&expected_body().to_string()));
    fake.push(FakeReply::ok(BEHAVIORS));
    click_button("Save changes");
    wait_for("a second PUT", || puts(&fake).len() == 2).await;
    let bodies: Vec<Value> = puts(&fake)
        .iter()
        .map(|p| serde_json::from_str(p.body.as_deref().unwrap_or("")).expect("json"))
        .collect();
    assert_eq!(bodies[0], bodies[1], "the retry sends the same body");
    wait_for("the bar to go", || bar().is_none()).await;
    assert!(query(r#"[role="alert"]"#).is_none(), "the error is gone");
}

#[wasm_bindgen_test]
async fn a_forbidden_save_shows_the_cloudflare_code() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::json(
        403,
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}"#,
    ));
    let _handle = loaded(&fake).await;
    make_two_changes();
    settle().await;
    click_button("Save changes");
    wait_for("the error", || query(r#"[role="alert"]"#).is_some()).await;
    assert!(text(r#"[role="alert"]"#).contains("10000"));
    assert!(bar().unwrap_or_default().contains("2 unsaved changes"));
    assert_eq!(checked("Impossible Travel"), "true");
    assert_eq!(select("high_dlp").value(), "medium");
    let save = document()
        .query_selector_all(".draft-bar button")
        .expect("buttons");
    let save: web_sys::HtmlButtonElement = save.item(1).expect("save").unchecked_into();
    assert!(!save.disabled(), "Save can be tried again");
}

#[wasm_bindgen_test]
async fn discard_restores_and_unknown_levels_render() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let _handle = loaded(&fake).await;
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
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let _handle = loaded(&fake).await;
    toggle("A strange one");
    settle().await;
    assert!(bar().unwrap_or_default().contains("1 unsaved change"));
    assert!(bar().unwrap_or_default().contains("level is unknown"));
    let save = document()
        .query_selector_all(".draft-bar button")
        .expect("buttons");
    let save: web_sys::HtmlButtonElement = save.item(1).expect("save").unchecked_into();
    assert!(save.disabled());
    choose("odd", "high");
    settle().await;
    assert!(!save.disabled());
}

#[wasm_bindgen_test]
async fn load_failure_retries_and_empty_account() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::json(
        503,
        r#"{"success":false,"errors":[{"code":1001,"message":"Try later"}],"messages":[],"result":null}"#,
    ));
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
