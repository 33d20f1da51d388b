//! Fixtures and controls for the Behaviors page's tests: the account's behaviors as JSON, the
//! switches and level pickers by name, the draft bar, the review dialog and the PUTs sent.

use leptos::prelude::view;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::api::transport::HttpRequest;
use zt_risk_console::components::Toaster;
use zt_risk_console::pages::BehaviorsPage;

use super::*;

pub const BEHAVIORS: &str = r#"{"behaviors":{
  "imp_travel":{"name":"Impossible Travel","description":"Logged in from two far places.","enabled":false,"risk_level":"high"},
  "high_dlp":{"name":"High Number of DLP Policies Triggered","description":"DLP fifteen times.","enabled":true,"risk_level":"low"},
  "sentinel_one":{"name":"SentinelOne Infection Detected","description":"EDR threat.","enabled":false,"risk_level":"medium"},
  "odd":{"name":"A strange one","description":"Level from the future.","enabled":true,"risk_level":"critical"}
}}"#;

/// `BEHAVIORS` with `id`'s settings replaced, as if changed elsewhere.
pub fn behaviors_with(id: &str, enabled: bool, level: &str) -> String {
    let mut all: Value = serde_json::from_str(BEHAVIORS).expect("fixture");
    all["behaviors"][id]["enabled"] = enabled.into();
    all["behaviors"][id]["risk_level"] = level.into();
    all.to_string()
}

pub fn switch(name: &str) -> web_sys::Element {
    el(&format!(
        r#"button[role="switch"][aria-label="Enable {name}"]"#
    ))
}

pub fn checked(name: &str) -> String {
    switch(name)
        .get_attribute("aria-checked")
        .unwrap_or_default()
}

pub fn toggle(name: &str) {
    switch(name)
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// The level picker of behavior `dom_id` (the id as the table writes it in `id=`).
pub fn select(dom_id: &str) -> HtmlSelectElement {
    el(&format!(r#"select[id="level-{dom_id}"]"#)).unchecked_into()
}

pub fn choose(id: &str, value: &str) {
    let s = select(id);
    s.set_value(value);
    let event = web_sys::Event::new("change").expect("event");
    s.dispatch_event(&event).expect("dispatch");
}

pub fn bar() -> Option<String> {
    query(".draft-bar").and_then(|b| b.text_content())
}

pub fn changed_tags() -> u32 {
    document()
        .query_selector_all(".changed-tag")
        .map(|l| l.length())
        .unwrap_or(0)
}

/// Whether the review dialog is open.
pub fn review_open() -> bool {
    query("dialog[open]").is_some()
}

/// The review table's rows as `[behavior, enabled, level]` texts.
pub fn review_rows() -> Vec<[String; 3]> {
    let rows = document()
        .query_selector_all("dialog tbody tr")
        .expect("rows");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|row| {
            let cell = |n: u32| {
                row.child_nodes()
                    .item(n)
                    .and_then(|c| c.text_content())
                    .unwrap_or_default()
            };
            [cell(0), cell(1), cell(2)]
        })
        .collect()
}

/// Mounts the page with the toaster and waits for the table; keep the handle alive.
pub async fn loaded(fake: &FakeTransport) -> impl Drop {
    // The layout normally renders the toaster; tests need it to see the toast.
    let handle = mount(config_with_token(), fake.clone(), 1000, || {
        view! { <BehaviorsPage/><Toaster/> }
    });
    wait_for("the behaviors table", || query("table caption").is_some()).await;
    handle
}

/// On fresh storage, [`loaded`] on a new fake whose first answer is [`BEHAVIORS`].
pub async fn loaded_fresh() -> (FakeTransport, impl Drop) {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let handle = loaded(&fake).await;
    (fake, handle)
}

/// Toggles Impossible Travel on, sets DLP to medium, toggles SentinelOne on and off again.
pub fn make_two_changes() {
    toggle("Impossible Travel");
    choose("high_dlp", "medium");
    toggle("SentinelOne Infection Detected");
    toggle("SentinelOne Infection Detected");
}

pub fn puts(fake: &FakeTransport) -> Vec<HttpRequest> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == Method::Put)
        .collect()
}

/// The JSON bodies of the PUTs sent so far.
pub fn put_bodies(fake: &FakeTransport) -> Vec<Value> {
    puts(fake)
        .iter()
        .map(|p| serde_json::from_str(p.body.as_deref().unwrap_or("")).expect("json body"))
        .collect()
}

/// Waits for the toast that says a save went through.
pub async fn saved_toast(text: &str) {
    wait_for("the saved toast", || {
        query(".toasts")
            .and_then(|t| t.text_content())
            .unwrap_or_default()
            .contains(text)
    })
    .await;
}
