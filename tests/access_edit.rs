//! Editing a reusable policy's risk rules in headless Chromium: a rule added, reviewed (rules
//! before → after, the matrix cells it moves) and saved with every other rule and member as
//! read; a policy changed elsewhere meanwhile is a conflict that sends nothing until settled;
//! the server's errors land on the rule list they name and the draft stays; a token that may
//! read but not edit is told which permission it lacks. (The draft's rules are native tests in
//! `src/access/draft_tests.rs`.)

mod common;

use common::access::*;
use common::behaviors::saved_toast;
use common::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::access::fixtures::{self, EMPLOYEES_ID};
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

const REUSABLE: &str = r#","reusable":true,"app_count":2"#;
const HIGH: &str = r#"{"user_risk_score":{"user_risk_score":["high"]}}"#;
const MEDIUM: &str = r#"{"user_risk_score":{"user_risk_score":["medium"]}}"#;

/// Mounts the page, waits for Jenkins' row, opens the editor on Employees.
async fn editing_employees(fake: &FakeTransport) -> impl Drop {
    push_first_load(fake);
    let handle = mount_access(fake, "/access");
    wait_for("Jenkins' policies read", || {
        matrix_rows()
            .get(1)
            .is_some_and(|(_, cells)| cells[2] == "Kept out")
    })
    .await;
    click_button("Edit risk rules of Employees");
    wait_for("the editor", || {
        query(".rule-editor:not([hidden])").is_some()
    })
    .await;
    handle
}

fn check(id: &str) {
    let input: web_sys::HtmlInputElement = el(&format!("#{id}")).unchecked_into();
    input.set_checked(true);
    input
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
}

/// Adds "Exclude: Risk score is Medium" through the form.
async fn exclude_medium() {
    check("add-rule-level-medium");
    click_button("Add rule");
    wait_for("the new rule", || {
        text("#rules-exclude").contains("Risk score is Medium")
    })
    .await;
}

fn save_button() -> web_sys::HtmlButtonElement {
    el("dialog > .actions button:last-child").unchecked_into()
}

/// Opens the review of the draft.
async fn review() {
    click_button("Review changes");
    wait_for("the review", || query("dialog[open]").is_some()).await;
}

fn employees_with(extra: &str) -> String {
    fixtures::employees(&format!("{REUSABLE}{extra}"))
}

/// The body of the `PUT` that adds Medium to Employees' excludes.
fn expected_put(require: Option<Value>) -> Value {
    let mut body = json!({
        "name": "Employees",
        "decision": "allow",
        "include": [{"email_domain": {"domain": "example.com"}}],
        "exclude": [
            serde_json::from_str::<Value>(HIGH).expect("high"),
            serde_json::from_str::<Value>(MEDIUM).expect("medium"),
        ],
    });
    if let Some(require) = require {
        body["require"] = require;
    }
    body
}

#[wasm_bindgen_test]
async fn exclude_medium_is_reviewed_then_saved_with_every_other_rule_as_read() {
    let fake = FakeTransport::new();
    let _h = editing_employees(&fake).await;
    assert_eq!(text("#rule-editor-title"), "Edit risk rules: Employees");
    assert!(text("#rules-include").contains("Email ends in @example.com"));
    assert!(text("#rules-exclude").contains("Risk score is High"));
    exclude_medium().await;
    assert!(text(".rule-editor").contains("Unsaved changes"));
    review().await;
    assert_eq!(text("dialog h2"), "Review changes to Employees");
    let dialog = text("dialog");
    assert!(dialog.contains("Risk score is Medium"), "{dialog}");
    assert_eq!(
        text("dialog ins"),
        "Risk score is Medium",
        "the added rule is marked"
    );
    assert!(
        dialog.contains("GrafanaMediumDepends on identity → Kept out"),
        "{dialog}"
    );
    assert!(
        dialog.contains("JenkinsMediumDepends on identity → Kept out"),
        "{dialog}"
    );
    assert!(dialog.contains("Used by 2 applications whose policies were read."));
    assert!(access_puts(&fake).is_empty(), "nothing sent before Save");

    fake.push_access(FakeReply::ok(&employees_with("")));
    let saved = serde_json::to_string(&expected_put(None)).expect("json");
    fake.push_access(FakeReply::ok(&saved));
    push_first_load(&fake);
    save_button().click();
    saved_toast("Saved the rules of Employees").await;
    assert_eq!(access_puts(&fake), [expected_put(None)]);
    let paths = access_paths(&fake);
    assert_eq!(
        paths[3],
        format!("GET /policies/{EMPLOYEES_ID}"),
        "re-read past the cache"
    );
    assert_eq!(paths[4], format!("PUT /policies/{EMPLOYEES_ID}"));
    wait_for("the matrix read again", || {
        fake.access_requests().len() == 8
    })
    .await;
    assert!(
        query(".rule-editor:not([hidden])").is_none(),
        "the editor closes"
    );
}

#[wasm_bindgen_test]
async fn a_policy_changed_elsewhere_is_a_conflict_and_nothing_is_sent_until_settled() {
    let fake = FakeTransport::new();
    let _h = editing_employees(&fake).await;
    exclude_medium().await;
    review().await;
    let posture = r#"[{"device_posture":{"integration_uid":"abc"}}]"#;
    let theirs = employees_with(&format!(r#","require":{posture}"#));
    fake.push_access(FakeReply::ok(&theirs));
    save_button().click();
    wait_for("the conflict", || {
        text("dialog").contains("Changed elsewhere")
    })
    .await;
    let dialog = text("dialog");
    assert!(
        dialog.contains("was changed elsewhere (require)"),
        "{dialog}"
    );
    assert!(dialog.contains("device_posture rule"), "{dialog}");
    assert!(save_button().disabled(), "Save waits for a choice");
    save_button().click();
    settle().await;
    assert!(
        access_puts(&fake).is_empty(),
        "nothing is sent while the conflict is open"
    );

    click_button("Apply my edits to their version");
    wait_for("the rebased review", || {
        !text("dialog").contains("Changed elsewhere")
    })
    .await;
    let dialog = text("dialog");
    assert!(
        dialog.contains(r#"{"device_posture":{"integration_uid":"abc"}}"#),
        "{dialog}"
    );
    assert!(!save_button().disabled());
    fake.push_access(FakeReply::ok(&theirs));
    fake.push_access(FakeReply::ok(&theirs));
    save_button().click();
    saved_toast("Saved the rules of Employees").await;
    let require: Value = serde_json::from_str(posture).expect("posture");
    assert_eq!(access_puts(&fake), [expected_put(Some(require))]);
}

#[wasm_bindgen_test]
async fn the_servers_errors_land_on_the_list_they_name_and_the_draft_stays() {
    let fake = FakeTransport::new();
    let _h = editing_employees(&fake).await;
    exclude_medium().await;
    review().await;
    fake.push_access(FakeReply::ok(&employees_with("")));
    fake.push_access(FakeReply::json(
        400,
        r#"{"success":false,"errors":[{"code":1004,"message":"Unknown risk level","source":{"pointer":"/exclude/1/user_risk_score/user_risk_score/0"}}],"messages":[],"result":null}"#,
    ));
    save_button().click();
    wait_for("the field error", || {
        text("#rules-exclude-error") == "Unknown risk level"
    })
    .await;
    assert!(query("dialog[open]").is_none(), "the review closes");
    assert!(
        text(".rule-editor").contains("Unsaved changes"),
        "the draft stays"
    );
    assert!(text("#rules-exclude").contains("Risk score is Medium"));
    assert!(
        query("[role=alert]").is_none(),
        "all of it fits on the list"
    );
    assert_eq!(active_id(), "rules-exclude", "focus on the list named");
}

#[wasm_bindgen_test]
async fn a_token_that_may_read_but_not_edit_is_told_which_permission_it_lacks() {
    let fake = FakeTransport::new();
    let _h = editing_employees(&fake).await;
    exclude_medium().await;
    review().await;
    fake.push_access(FakeReply::ok(&employees_with("")));
    fake.push_access(access_denied());
    save_button().click();
    wait_for("the error", || query(".rule-editor [role=alert]").is_some()).await;
    let alert = text(".rule-editor [role=alert]");
    assert!(
        alert.contains("\"Access: Apps and Policies Edit\" permission"),
        "{alert}"
    );
    assert!(text(".rule-editor").contains("Unsaved changes"));
}

#[wasm_bindgen_test]
async fn a_rule_needs_a_level_and_only_risk_rules_can_be_removed() {
    let fake = FakeTransport::new();
    let _h = editing_employees(&fake).await;
    click_button("Add rule");
    wait_for("the refusal", || {
        text("#add-rule-levels-error") == "Choose at least one level."
    })
    .await;
    let review: web_sys::HtmlButtonElement = document()
        .query_selector_all(".rule-editor .actions button")
        .ok()
        .and_then(|b| b.item(0))
        .expect("Review changes")
        .unchecked_into();
    assert!(review.disabled(), "nothing to review");
    // Include holds an email domain rule only: no Remove; Exclude's risk rule has one.
    assert!(query("#rules-include button").is_none());
    click_button("Remove Exclude: Risk score is High");
    wait_for("the rule removed", || {
        text("#rules-exclude").contains("No rules")
    })
    .await;
    assert!(!review.disabled());
    click_button("Discard changes");
    wait_for("the rule back", || {
        text("#rules-exclude").contains("Risk score is High")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_rule_of_a_type_this_console_does_not_read_is_shown_as_json_text() {
    let fake = FakeTransport::new();
    push_first_load(&fake);
    let _h = mount_access(&fake, "/access");
    wait_for("the policies", || query(".access-policies-table").is_some()).await;
    click_button("Edit risk rules of Contractors");
    wait_for("the editor", || {
        text("#rule-editor-title").contains("Contractors")
    })
    .await;
    let raw = text("#rules-include code.raw-rule");
    assert_eq!(raw, r#"{"future_rule":{"x":[1,2]}}"#);
    assert!(
        query("#rules-include code.raw-rule *").is_none(),
        "text, never markup"
    );
    assert!(text("#rules-exclude").contains("No rules"));
}
