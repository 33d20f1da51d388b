//! Export and import of the behaviors, in headless Chromium: Export writes the PUT /behaviors
//! body; an import is checked first, one test per rule (JSON, shape, levels, unknown ids, size),
//! each problem shown with its JSON pointer and nothing else happening; a valid file (picked or
//! dropped) becomes a draft shown in the review, and nothing is sent before Apply.

mod common;

use common::behaviors::*;
use common::files::*;
use common::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

const INPUT: &str = "#import-behaviors";

async fn page() -> (FakeTransport, impl Drop) {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let handle = loaded(&fake).await;
    (fake, handle)
}

/// Imports `text`, waits for the refusal and checks that nothing else happened; returns the
/// problems as shown.
async fn refused(fake: &FakeTransport, text: &str) -> String {
    choose_file(INPUT, text);
    wait_for("the problems", || query("[role=alert]").is_some()).await;
    refusal_only(fake)
}

fn refusal_only(fake: &FakeTransport) -> String {
    let shown = text("[role=alert]");
    assert!(shown.contains("The file was not imported"), "{shown}");
    assert!(bar().is_none(), "no draft from a refused file");
    assert!(!review_open(), "no review for a refused file");
    assert_eq!(fake.requests().len(), 1, "nothing sent");
    shown
}

#[wasm_bindgen_test]
async fn export_downloads_the_put_behaviors_body() {
    let (_fake, _h) = page().await;
    catch_downloads();
    click_button("Export");
    let (name, text) = downloaded().await.expect("a download");
    assert!(
        name.starts_with(&format!("zt-risk-behaviors-{ACCOUNT}-")),
        "{name}"
    );
    assert!(name.ends_with(".json"), "{name}");
    let body: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        body,
        json!({"behaviors": {
            "high_dlp": {"enabled": true, "risk_level": "low"},
            "imp_travel": {"enabled": false, "risk_level": "high"},
            "odd": {"enabled": true, "risk_level": "critical"},
            "sentinel_one": {"enabled": false, "risk_level": "medium"}}})
    );
}

#[wasm_bindgen_test]
async fn import_rule_the_file_is_json() {
    let (fake, _h) = page().await;
    let shown = refused(&fake, "{\"behaviors\": ").await;
    assert!(
        shown.contains("(the whole file)") && shown.contains("not valid JSON"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
async fn import_rule_the_file_has_the_put_body_shape() {
    let (fake, _h) = page().await;
    let text =
        r#"{"behaviors": {"imp_travel": {"enabled": "yes", "risk_level": "high"}}, "extra": 1}"#;
    let shown = refused(&fake, text).await;
    assert!(shown.contains("/behaviors/imp_travel/enabled"), "{shown}");
    assert!(shown.contains("/extra"), "{shown}");
}

#[wasm_bindgen_test]
async fn import_rule_each_level_is_low_medium_or_high() {
    let (fake, _h) = page().await;
    let text = r#"{"behaviors": {"imp_travel": {"enabled": true, "risk_level": "severe"}}}"#;
    let shown = refused(&fake, text).await;
    assert!(
        shown.contains("/behaviors/imp_travel/risk_level"),
        "{shown}"
    );
    assert!(shown.contains("\"low\", \"medium\" or \"high\""), "{shown}");
}

#[wasm_bindgen_test]
async fn import_rule_unknown_ids_are_listed_and_refused() {
    let (fake, _h) = page().await;
    let text = r#"{"behaviors": {
        "imp_travel": {"enabled": true, "risk_level": "high"},
        "not_here": {"enabled": true, "risk_level": "high"},
        "a/b~c": {"enabled": true, "risk_level": "high"}}}"#;
    let shown = refused(&fake, text).await;
    assert!(shown.contains("/behaviors/not_here"), "{shown}");
    assert!(
        shown.contains("/behaviors/a~1b~0c"),
        "RFC 6901 escaping: {shown}"
    );
    assert!(!shown.contains("/behaviors/imp_travel"), "{shown}");
}

#[wasm_bindgen_test]
async fn import_rule_a_file_over_1_mb_is_refused_before_it_is_read() {
    let (fake, _h) = page().await;
    // Zero bytes are not JSON: had the file been read, the JSON rule would have refused it.
    choose_big_file(INPUT, 1024 * 1024 + 1);
    wait_for("the problems", || query("[role=alert]").is_some()).await;
    let shown = refusal_only(&fake);
    assert!(shown.contains("1 MB"), "{shown}");
    assert!(!shown.contains("JSON"), "refused by size alone: {shown}");
}

#[wasm_bindgen_test]
async fn a_valid_dropped_file_becomes_a_draft_in_the_review() {
    let (fake, _h) = page().await;
    // First a bad file, then a good one: the problems go away.
    refused(&fake, "[]").await;
    let text = r#"{"behaviors": {
        "imp_travel": {"enabled": true, "risk_level": "low"},
        "high_dlp": {"enabled": true, "risk_level": "low"}}}"#;
    drop_file(".drop-zone", text);
    wait_for("the review", review_open).await;
    assert!(query("[role=alert]").is_none(), "the old problems are gone");
    assert_eq!(
        review_rows(),
        [["Impossible Travel", "Off → On", "High → Low"].map(String::from)]
    );
    assert!(bar().unwrap_or_default().contains("1 unsaved change"));
    assert_eq!(
        checked("Impossible Travel"),
        "true",
        "the table shows the draft"
    );
    assert!(puts(&fake).is_empty(), "importing sends nothing");
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(r#"{"behaviors":{}}"#));
    fake.push(FakeReply::ok(BEHAVIORS));
    click_button("Apply");
    saved_toast("Saved 1 behavior change").await;
    assert_eq!(
        put_bodies(&fake),
        [json!({"behaviors": {"imp_travel": {"enabled": true, "risk_level": "low"}}})]
    );
}
