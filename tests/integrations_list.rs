//! Integrations list in headless Chromium: rows and the empty state, lookup by reference ID,
//! unknown ids, and the Copy button.

mod common;

use common::integrations::*;
use common::*;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::FakeReply;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn list_renders_rows() {
    let (fake, _h) = open(
        "/integrations",
        [FakeReply::ok(&format!(
            "[{}]",
            integration("https://acme.okta.com", "idp-1", false)
        ))],
    );
    wait_for("the table", || query("table").is_some()).await;
    assert_eq!(text("table caption"), "Integrations");
    let row = text("tbody tr");
    assert!(row.contains("https://acme.okta.com"), "{row}");
    assert!(row.contains("Inactive"), "{row}");
    assert!(row.contains("idp-1"), "{row}");
    assert!(row.contains("Okta"), "{row}");
    let link = el("tbody a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(format!("/integrations/{ID}").as_str())
    );
    assert!(query("a[href='/integrations/new']").is_some());
    assert_eq!(fake.requests()[0].url, integrations_url());
}

#[wasm_bindgen_test]
async fn list_empty_state_and_retry() {
    let (fake, _h) = open(
        "/integrations",
        [
            FakeReply::json(
                503,
                r#"{"success":false,"errors":[],"messages":[],"result":null}"#,
            ),
            FakeReply::ok("[]"),
        ],
    );
    wait_for("an alert", || query("[role=alert]").is_some()).await;
    click_button("Retry");
    wait_for("the empty state", || query(".empty-state").is_some()).await;
    assert!(text(".empty-state").contains("No integrations yet"));
    assert!(text(".empty-state").contains("Okta"));
    assert!(query(".empty-state a[href='/integrations/new']").is_some());
    assert_eq!(fake.requests().len(), 2);
}

#[wasm_bindgen_test]
async fn lookup_not_found_says_so() {
    let (fake, _h) = open(
        "/integrations",
        [
            FakeReply::ok("[]"),
            FakeReply::json(
                404,
                r#"{"success":false,"errors":[{"code":1004,"message":"not found"}],"messages":[],"result":null}"#,
            ),
        ],
    );
    settle().await;
    click_button("Look up");
    settle().await;
    assert_eq!(
        aria_invalid("#lookup-reference-id").as_deref(),
        Some("true")
    );
    assert_eq!(
        fake.requests().len(),
        1,
        "a blank reference is not looked up"
    );
    type_into("lookup-reference-id", "idp 9");
    click_button("Look up");
    wait_for("the message", || {
        text("form.lookup").contains("No integration has reference ID idp 9.")
    })
    .await;
    let requests = fake.requests();
    assert_eq!(
        requests[1].url,
        format!("{}/reference_id/idp%209", integrations_url())
    );
    assert_eq!(pathname(), "/integrations");
}

#[wasm_bindgen_test]
async fn lookup_match_navigates_to_the_integration() {
    let (_fake, _h) = open(
        "/integrations",
        [
            FakeReply::ok("[]"),
            FakeReply::ok(&integration("https://acme.okta.com", "idp-1", true)),
            FakeReply::ok(&integration("https://acme.okta.com", "idp-1", true)),
        ],
    );
    settle().await;
    type_into("lookup-reference-id", "idp-1");
    click_button("Look up");
    wait_for("navigation", || pathname() == format!("/integrations/{ID}")).await;
    wait_for("the detail page", || query("#tenant-url").is_some()).await;
    assert_eq!(input_value("tenant-url"), "https://acme.okta.com");
}

#[wasm_bindgen_test]
async fn bad_or_unknown_id_says_not_found() {
    let (fake, h) = open("/integrations/not-a-uuid", []);
    wait_for("the message", || {
        text("body").contains("Integration not found")
    })
    .await;
    assert!(fake.requests().is_empty());
    assert!(query("main a[href='/integrations'], a[href='/integrations']").is_some());
    drop(h);

    let (_fake, _h) = open(
        &format!("/integrations/{ID}"),
        [FakeReply::json(
            404,
            r#"{"success":false,"errors":[{"code":1004,"message":"not found"}],"messages":[],"result":null}"#,
        )],
    );
    wait_for("the message", || {
        text("body").contains("Integration not found")
    })
    .await;
}

#[wasm_bindgen_test]
async fn copy_button_reports_the_outcome() {
    let (_fake, _h) = open(
        &format!("/integrations/{ID}"),
        [FakeReply::ok(&integration(
            "https://acme.okta.com",
            "idp-1",
            true,
        ))],
    );
    wait_for("the page", || query("#well-known-url").is_some()).await;
    click_button("Copy");
    wait_for("the outcome", || !text(".copy-status").is_empty()).await;
    // Headless Chromium denies the clipboard to synthetic clicks; either outcome is announced.
    let status = text(".copy-status");
    assert!(
        status == "Copied" || status.contains("copy it by hand"),
        "{status}"
    );
    assert_eq!(
        el(".copy-status").get_attribute("role").as_deref(),
        Some("status")
    );
}
