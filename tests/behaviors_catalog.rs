//! Behaviors the console has not heard of, in headless Chromium: an id made up here renders
//! with the server's name and description and saves like the rest; ids new since the last
//! visit on this device are marked "New".

mod common;

use common::behaviors::*;
use common::*;
use serde_json::json;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::session::storage;

wasm_bindgen_test_configure!(run_in_browser);

const WITH_MADE_UP: &str = r#"{"behaviors":{
  "imp_travel":{"name":"Impossible Travel","description":"Far places.","enabled":false,"risk_level":"high"},
  "zz_test_quantum/tunnel":{"name":"Quantum Tunnelling Detected","description":"A behavior made up by this test.","enabled":false,"risk_level":"low"}
}}"#;

#[wasm_bindgen_test]
async fn a_behavior_id_the_console_never_heard_of_renders_and_saves() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(WITH_MADE_UP));
    fake.push(FakeReply::ok(WITH_MADE_UP));
    fake.push(FakeReply::ok(r#"{"behaviors":{}}"#));
    fake.push(FakeReply::ok(WITH_MADE_UP));
    let _handle = loaded(&fake).await;
    let row = text("tbody tr:nth-child(2)");
    assert!(row.contains("Quantum Tunnelling Detected"), "{row}");
    assert!(row.contains("A behavior made up by this test."), "{row}");
    toggle("Quantum Tunnelling Detected");
    choose("zz_test_quantum.2ftunnel", "medium");
    settle().await;
    click_button("Save changes");
    settle().await;
    assert_eq!(
        review_rows(),
        [["Quantum Tunnelling Detected", "Off → On", "Low → Medium"].map(String::from)]
    );
    click_button("Apply");
    saved_toast("Saved 1 behavior change").await;
    assert_eq!(
        put_bodies(&fake),
        [
            json!({"behaviors": {"zz_test_quantum/tunnel": {"enabled": true, "risk_level": "medium"}}})
        ]
    );
}

fn new_tags() -> Vec<String> {
    let tags = document().query_selector_all(".badge.new").expect("tags");
    (0..tags.length())
        .filter_map(|i| tags.item(i))
        .filter_map(|t| t.parent_node()?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn ids_new_since_the_last_visit_are_marked_new() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let first = loaded(&fake).await;
    settle().await;
    assert!(new_tags().is_empty(), "nothing is new on a first visit");
    drop(first);
    let key = format!("{}{ACCOUNT}", storage::KEY_SEEN_BEHAVIORS);
    assert!(local(&key).unwrap_or_default().contains("imp_travel"));
    // This device saw the account before "odd" existed, with an earlier version of the
    // console, which kept the ids under another key.
    let old_key = format!("zt.behaviors.seen.{ACCOUNT}");
    let local_storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    local_storage.remove_item(&key).expect("remove");
    local_storage
        .set_item(&old_key, r#"["high_dlp","imp_travel","sentinel_one"]"#)
        .expect("set");
    fake.push(FakeReply::ok(BEHAVIORS));
    let second = loaded(&fake).await;
    wait_for("the New tag", || !new_tags().is_empty()).await;
    let tagged = new_tags();
    assert_eq!(tagged.len(), 1, "{tagged:?}");
    assert!(
        tagged[0].contains("A strange one") && tagged[0].contains("New"),
        "{tagged:?}"
    );
    assert_eq!(local(&old_key), None, "moved to the new key");
    assert!(local(&key).unwrap_or_default().contains("odd"));
    drop(second);
    fake.push(FakeReply::ok(BEHAVIORS));
    let _third = loaded(&fake).await;
    settle().await;
    assert!(new_tags().is_empty(), "seen once, new no more");
}
