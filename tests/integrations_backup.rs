//! The integrations backup in headless Chromium: export, and the checked import: one test per
//! rule, then the review, the run and its report.

mod common;

use common::files::*;
use common::integrations::*;
use common::*;
use serde_json::Value;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(","))
}

async fn list_page(
    items: &[String],
    more: impl IntoIterator<Item = FakeReply>,
) -> (FakeTransport, impl Drop) {
    let replies = std::iter::once(FakeReply::ok(&list(items))).chain(more);
    let (fake, handle) = open("/integrations", replies);
    wait_for("the list", || {
        query(".drop-zone").is_some() && (items.is_empty() || query("tbody tr").is_some())
    })
    .await;
    (fake, handle)
}

const INPUT: &str = "#import-integrations";

async fn refused(text: &str) -> String {
    let (fake, _h) = list_page(&[], []).await;
    choose_file(INPUT, text);
    wait_for("the problems", || query("[role=alert]").is_some()).await;
    assert!(query("dialog[open]").is_none(), "no review");
    assert_eq!(fake.requests().len(), 1, "nothing sent");
    text_of_alert()
}

fn text_of_alert() -> String {
    text("[role=alert]")
}

#[wasm_bindgen_test]
async fn export_downloads_the_list_as_the_api_returns_it() {
    let one = integration("https://acme.okta.com", "idp-1", false);
    let (_fake, _h) = list_page(std::slice::from_ref(&one), []).await;
    catch_downloads();
    click_button("Export");
    let (name, text) = downloaded().await.expect("a download");
    assert!(
        name.starts_with(&format!("zt-risk-integrations-{ACCOUNT}-")) && name.ends_with(".json"),
        "{name}"
    );
    let got: Value = serde_json::from_str(&text).expect("JSON");
    let want: Value = serde_json::from_str(&list(&[one])).expect("JSON");
    assert_eq!(got, want);
}

#[wasm_bindgen_test]
async fn import_rule_the_file_is_a_json_list() {
    assert!(refused("[{").await.contains("not valid JSON"));
    assert!(refused(r#"{"integrations": []}"#)
        .await
        .contains("Expected a list"));
}

#[wasm_bindgen_test]
async fn import_rule_the_type_is_okta() {
    let shown =
        refused(r#"[{"integration_type":"Azure","tenant_url":"https://a.okta.com"}]"#).await;
    assert!(shown.contains("/0/integration_type"), "{shown}");
}

#[wasm_bindgen_test]
async fn import_rule_the_tenant_url_is_an_okta_tenant_url() {
    let shown =
        refused(r#"[{"integration_type":"Okta","tenant_url":"http://a.okta.com/x"}]"#).await;
    assert!(
        shown.contains("/0/tenant_url") && shown.contains("https://"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
async fn import_rule_reference_ids_are_valid_and_unique() {
    let text = r#"[{"integration_type":"Okta","tenant_url":"https://a.okta.com","reference_id":"r"},
                   {"integration_type":"Okta","tenant_url":"https://b.okta.com","reference_id":"r"},
                   {"integration_type":"Okta","tenant_url":"https://c.okta.com","reference_id":5}]"#;
    let shown = refused(text).await;
    assert!(
        shown.contains("/1/reference_id") && shown.contains("/2/reference_id"),
        "{shown}"
    );
    assert!(!shown.contains("/0/"), "{shown}");
}

#[wasm_bindgen_test]
async fn import_rule_a_file_over_1_mb_is_refused() {
    let (fake, _h) = list_page(&[], []).await;
    choose_big_file(INPUT, 2 * 1024 * 1024);
    wait_for("the problems", || query("[role=alert]").is_some()).await;
    assert!(text_of_alert().contains("1 MB"));
    assert_eq!(fake.requests().len(), 1);
}

const OTHER: &str = "6a3c7b45-8d2e-4f90-8b1c-2d3e4f5a6b7c";

#[wasm_bindgen_test]
async fn an_import_is_reviewed_then_creates_updates_and_reports_each_result() {
    let existing = integration("https://acme.okta.com", "idp-1", true);
    let created = existing
        .replace(ID, OTHER)
        .replace("idp-1", "idp-new")
        .replace("acme", "new");
    let file = r#"[
        {"integration_type":"Okta","tenant_url":"https://new.okta.com","reference_id":"idp-new","active":false},
        {"integration_type":"Okta","tenant_url":"https://moved.okta.com","reference_id":"idp-1","active":true},
        {"integration_type":"Okta","tenant_url":"https://gone.okta.com","reference_id":"idp-x"}]"#;
    let (fake, _h) = list_page(
        std::slice::from_ref(&existing),
        [
            FakeReply::ok(&created),
            FakeReply::ok(&created.replace("\"active\":true", "\"active\":false")),
            FakeReply::ok(&existing.replace("acme", "moved")),
            FakeReply::json(400, r#"{"success":false,"errors":[{"code":1003,"message":"reference_id already used"}],"messages":[],"result":null}"#),
            FakeReply::ok(&list(std::slice::from_ref(&existing))),
        ],
    )
    .await;
    drop_file(".drop-zone", file);
    wait_for("the review", || query("dialog[open]").is_some()).await;
    let review = text("dialog[open] tbody");
    assert!(
        review.contains("https://new.okta.com") && review.contains("Create"),
        "{review}"
    );
    assert!(review.contains("Update tenant URL"), "{review}");
    assert_eq!(fake.requests().len(), 1, "nothing sent before Apply");
    click_button("Apply");
    wait_for("the report", || {
        query("[role=status] caption")
            .is_some_and(|c| c.text_content().unwrap_or_default() == "Import results")
    })
    .await;
    let requests = fake.requests();
    let calls: Vec<(Method, String)> = requests[1..5]
        .iter()
        .map(|r| (r.method, r.url.clone()))
        .collect();
    let base = integrations_url();
    assert_eq!(
        calls,
        [
            (Method::Post, base.clone()),
            (Method::Put, format!("{base}/{OTHER}")),
            (Method::Put, format!("{base}/{ID}")),
            (Method::Post, base.clone()),
        ]
    );
    assert!(
        requests[2]
            .body
            .as_deref()
            .unwrap_or("")
            .contains(r#""active":false"#),
        "deactivated after create"
    );
    assert!(
        requests.iter().all(|r| r.method != Method::Delete),
        "nothing is deleted"
    );
    let report = text("[role=status] tbody");
    assert!(
        report.contains("Created") && report.contains("Updated"),
        "{report}"
    );
    assert!(
        report.contains("Failed: reference_id already used"),
        "{report}"
    );
    assert!(query("dialog[open]").is_none());
    // Retry runs only what failed.
    fake.push(FakeReply::ok(&created));
    fake.push(FakeReply::ok(&list(&[existing])));
    click_button("Retry failed");
    wait_for("the retried report", || {
        text("[role=status] tbody").contains("Created")
            && !text("[role=status] tbody").contains("Failed")
    })
    .await;
    let last = fake.requests();
    assert_eq!(last.len(), 8);
    assert_eq!((last[6].method, last[6].url.clone()), (Method::Post, base));
    assert!(last[6]
        .body
        .as_deref()
        .unwrap_or("")
        .contains("gone.okta.com"));
}
