//! The review before a save and changes made elsewhere, in headless Chromium: the review lists
//! exactly the changes; a change elsewhere to another behavior merges silently and the PUT
//! carries only the draft's keys; the same behavior changed on both sides is a conflict that
//! blocks the PUT until resolved; the review counts the loaded users a change moves. (The merge
//! rules are native tests in `merge_tests.rs`; unknown and new ids are `behaviors_catalog.rs`.)

mod common;

use common::behaviors::*;
use common::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

fn apply_button() -> web_sys::HtmlButtonElement {
    el("dialog .actions button:last-child").unchecked_into()
}

fn radio(label: &str) -> web_sys::HtmlInputElement {
    let labels = document()
        .query_selector_all("dialog label.choice")
        .expect("labels");
    (0..labels.length())
        .filter_map(|i| labels.item(i))
        .find(|l| l.text_content().unwrap_or_default().trim() == label)
        .and_then(|l| {
            l.unchecked_into::<web_sys::Element>()
                .query_selector("input")
                .ok()
                .flatten()
        })
        .unwrap_or_else(|| panic!("no choice {label:?}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn the_review_lists_exactly_the_changes_and_cancel_sends_nothing() {
    let (fake, _handle) = loaded_fresh().await;
    make_two_changes();
    settle().await;
    click_button("Save changes");
    settle().await;
    assert!(review_open());
    assert_eq!(text("dialog h2"), "Review changes");
    assert_eq!(
        review_rows(),
        [
            [
                "High Number of DLP Policies Triggered",
                "On",
                "Low → Medium"
            ]
            .map(String::from),
            ["Impossible Travel", "Off → On", "High"].map(String::from),
        ]
    );
    assert_eq!(active_id(), "", "focus is on Cancel (which has no id)");
    assert_eq!(
        document()
            .active_element()
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("Cancel")
    );
    click_button("Cancel");
    settle().await;
    assert!(!review_open());
    assert_eq!(fake.requests().len(), 1, "nothing sent");
    assert!(
        bar().unwrap_or_default().contains("2 unsaved changes"),
        "the draft stays"
    );
}

#[wasm_bindgen_test]
async fn a_change_elsewhere_to_another_behavior_merges_and_only_the_drafts_keys_are_sent() {
    clear_storage();
    let fake = FakeTransport::new();
    let theirs = behaviors_with("sentinel_one", true, "high");
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(&theirs));
    fake.push(FakeReply::ok(r#"{"behaviors":{}}"#));
    fake.push(FakeReply::ok(&theirs));
    let _handle = loaded(&fake).await;
    toggle("Impossible Travel");
    settle().await;
    click_button("Save changes");
    settle().await;
    click_button("Apply");
    saved_toast("Saved 1 behavior change").await;
    assert_eq!(
        put_bodies(&fake),
        [json!({"behaviors": {"imp_travel": {"enabled": true, "risk_level": "high"}}})]
    );
    wait_for("the reload", || fake.requests().len() == 4).await;
    wait_for("their change shown", || {
        checked("SentinelOne Infection Detected") == "true"
    })
    .await;
    assert!(
        query("fieldset.conflict").is_none(),
        "no conflict was shown"
    );
}

#[wasm_bindgen_test]
async fn a_put_answered_204_is_saved_and_the_behaviors_are_read_again() {
    clear_storage();
    let fake = FakeTransport::new();
    let saved = behaviors_with("imp_travel", true, "high");
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::no_content());
    fake.push(FakeReply::ok(&saved));
    fake.push(FakeReply::ok(&saved));
    let _handle = loaded(&fake).await;
    toggle("Impossible Travel");
    settle().await;
    click_button("Save changes");
    settle().await;
    click_button("Apply");
    saved_toast("Saved 1 behavior change").await;
    assert!(query("[role=alert]").is_none(), "no error shown");
    wait_for("the reload", || fake.requests().len() == 5).await;
    assert_eq!(checked("Impossible Travel"), "true");
}

/// Loads, changes DLP to medium and Impossible Travel on, and Applies while the server has DLP
/// at high (changed elsewhere): the conflict appears and nothing is sent.
async fn conflict(fake: &FakeTransport) -> impl Drop {
    let theirs = behaviors_with("high_dlp", true, "high");
    fake.push(FakeReply::ok(BEHAVIORS));
    fake.push(FakeReply::ok(&theirs));
    let handle = loaded(fake).await;
    choose("high_dlp", "medium");
    toggle("Impossible Travel");
    settle().await;
    click_button("Save changes");
    settle().await;
    click_button("Apply");
    wait_for("the conflict", || query("fieldset.conflict").is_some()).await;
    assert!(review_open(), "the review stays open");
    let conflict = text("fieldset.conflict");
    assert!(
        conflict.contains("High Number of DLP Policies Triggered"),
        "{conflict}"
    );
    assert!(conflict.contains("Original: On, Low"), "{conflict}");
    assert!(conflict.contains("Keep theirs: On, High"), "{conflict}");
    assert!(conflict.contains("Keep yours: On, Medium"), "{conflict}");
    assert_eq!(
        document()
            .query_selector_all("fieldset.conflict")
            .map(|l| l.length())
            .ok(),
        Some(1)
    );
    assert!(text("dialog").contains("Resolve 1 conflict to apply."));
    assert!(apply_button().disabled(), "Apply waits for a choice");
    apply_button().click();
    settle().await;
    assert!(
        puts(fake).is_empty(),
        "nothing is sent while a conflict is open"
    );
    fake.push(FakeReply::ok(&theirs));
    fake.push(FakeReply::ok(r#"{"behaviors":{}}"#));
    fake.push(FakeReply::ok(&theirs));
    handle
}

/// On fresh storage, runs [`conflict`] and picks the choice labelled `choice`.
async fn resolve_conflict(choice: &str) -> (FakeTransport, impl Drop) {
    clear_storage();
    let fake = FakeTransport::new();
    let handle = conflict(&fake).await;
    radio(choice).click();
    settle().await;
    (fake, handle)
}

#[wasm_bindgen_test]
async fn a_conflict_blocks_the_put_until_resolved_keeping_yours() {
    let (fake, _handle) = resolve_conflict("Keep yours: On, Medium").await;
    assert!(!apply_button().disabled());
    click_button("Apply");
    saved_toast("Saved 2 behavior changes").await;
    assert_eq!(
        put_bodies(&fake),
        [json!({"behaviors": {
            "high_dlp": {"enabled": true, "risk_level": "medium"},
            "imp_travel": {"enabled": true, "risk_level": "high"}}})]
    );
}

#[wasm_bindgen_test]
async fn a_conflict_resolved_as_theirs_drops_that_edit() {
    let (fake, _handle) = resolve_conflict("Keep theirs: On, High").await;
    click_button("Apply");
    saved_toast("Saved 1 behavior change").await;
    assert_eq!(
        put_bodies(&fake),
        [json!({"behaviors": {"imp_travel": {"enabled": true, "risk_level": "high"}}})]
    );
}

const ADA: &str = "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b";

fn summary_row(id: &str, name: &str) -> String {
    format!(
        r#"{{"user_id":"{id}","name":"{name}","email":"{name}@example.com","max_risk_level":"low","event_count":1,"last_event":"2026-11-28T10:00:00Z"}}"#
    )
}

fn detail(name: &str, behavior: &str) -> String {
    format!(
        r#"{{"name":"{name}","email":"{name}@example.com","events":[{{"id":"e-{name}","name":"{behavior}","risk_level":"low","timestamp":"2026-11-28T10:00:00Z"}}],"last_reset_time":null}}"#
    )
}

#[wasm_bindgen_test]
async fn the_review_counts_loaded_users_whose_level_would_change() {
    use zt_risk_console::state::events::Loaded;
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(BEHAVIORS));
    let loaded_user = |i: usize, behavior: &str| {
        let name = format!("user{i}");
        let id = format!("{}{i}", &ADA[..35]);
        Loaded {
            user: serde_json::from_str(&summary_row(&id, &name)).expect("row"),
            detail: serde_json::from_str(&detail(&name, behavior)).expect("detail"),
            loaded_at: chrono::Utc::now(),
            left: false,
            kept: Vec::new(),
        }
    };
    let users = vec![
        loaded_user(1, "Impossible Travel"),
        loaded_user(2, "High Number of DLP Policies Triggered"),
        loaded_user(3, "SentinelOne Infection Detected"),
    ];
    let _handle = mount(config_with_token(), fake.clone(), 1000, move || {
        zt_risk_console::state::use_events().fill(ACCOUNT, users);
        leptos::prelude::view! { <zt_risk_console::pages::BehaviorsPage/> }
    });
    wait_for("the table", || query("table caption").is_some()).await;
    make_two_changes();
    settle().await;
    click_button("Save changes");
    wait_for("the count", || query("dialog .impact").is_some()).await;
    // Travel on (high) moves user 1 from unscored; DLP low → medium moves user 2; SentinelOne
    // stays off, so user 3 stays unscored.
    assert_eq!(
        text("dialog .impact"),
        "Of 3 users with loaded events, 2 would change level."
    );
    assert!(!text("dialog").contains("Load events"), "nothing to offer");
    assert_eq!(fake.requests().len(), 1, "counting sends nothing");
}

#[wasm_bindgen_test]
async fn without_loaded_events_the_review_says_so_and_offers_to_load_them() {
    let (fake, _handle) = loaded_fresh().await;
    choose("high_dlp", "medium");
    settle().await;
    click_button("Save changes");
    settle().await;
    assert!(
        text("dialog .impact").contains("Events are not loaded"),
        "{}",
        text("dialog .impact")
    );
    assert_eq!(
        fake.requests().len(),
        1,
        "the review loads nothing by itself"
    );
    fake.push(FakeReply::ok(&format!(
        r#"{{"users":[{}]}}"#,
        summary_row(ADA, "ada")
    )));
    fake.push(FakeReply::ok(&detail(
        "ada",
        "High Number of DLP Policies Triggered",
    )));
    click_button("Load events");
    wait_for("the scope picker", || query("dialog #load-scope").is_some()).await;
    click_button("Load events for 1 user");
    wait_for("the count", || {
        text("dialog .impact").starts_with("Of 1 user")
    })
    .await;
    assert_eq!(
        text("dialog .impact"),
        "Of 1 user with loaded events, 1 would change level."
    );
    assert!(review_open(), "still reviewing");
    assert!(puts(&fake).is_empty());
}
