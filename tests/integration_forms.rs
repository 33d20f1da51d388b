//! Integration forms in headless Chromium: create with client and server validation, the
//! well-known URL afterwards, edit as a full overwrite, and delete behind a confirm.

mod common;

use common::integrations::*;
use common::*;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::FakeReply;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn invalid_tenant_url_blocks_submit() {
    let (fake, _h) = open("/integrations/new", []);
    settle().await;
    for bad in ["http://acme.okta.com", "not a url"] {
        type_into("tenant-url", bad);
        click_button("Create integration");
        settle().await;
        assert!(fake.requests().is_empty(), "no request for {bad:?}");
        assert_eq!(aria_invalid("#tenant-url").as_deref(), Some("true"));
        assert!(!text("#tenant-url-error").trim().is_empty());
        assert_eq!(active_id(), "tenant-url", "focus moves to the field");
        assert_eq!(input_value("tenant-url"), bad, "the typed value is kept");
    }
    assert!(text("#tenant-url-error").contains("https://"));
}

#[wasm_bindgen_test]
async fn valid_create_sends_one_post_and_shows_well_known_url() {
    let (fake, _h) = open(
        "/integrations/new",
        [FakeReply::ok(&integration(
            "https://acme.okta.com",
            "generated",
            true,
        ))],
    );
    settle().await;
    type_into("tenant-url", " https://acme.okta.com/ ");
    click_button("Create integration");
    wait_for("the success panel", || query("#well-known-url").is_some()).await;
    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, Method::Post);
    assert_eq!(requests[0].url, integrations_url());
    assert_eq!(
        requests[0].body.as_deref(),
        Some(r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com"}"#)
    );
    assert!(text("section.created[role=status]").contains("Integration created"));
    assert_eq!(
        input_value("well-known-url"),
        format!("https://ssf.risk-score.teams.cloudflare.com/.well-known/sse-configuration/{ID}")
    );
    assert!(text("#created-heading").contains("Integration created"));
    assert!(text(".created").contains("Receive shared signals"));
    assert!(query(&format!("a[href='/integrations/{ID}']")).is_some());
}

#[wasm_bindgen_test]
async fn create_with_reference_id_sends_it() {
    let (fake, _h) = open(
        "/integrations/new",
        [FakeReply::ok(&integration(
            "https://acme.okta.com",
            "idp-7",
            true,
        ))],
    );
    settle().await;
    type_into("tenant-url", "https://acme.okta.com");
    type_into("reference-id", "idp-7");
    click_button("Create integration");
    wait_for("the success panel", || query("#well-known-url").is_some()).await;
    assert_eq!(
        fake.requests()[0].body.as_deref(),
        Some(
            r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"idp-7"}"#
        )
    );
}

#[wasm_bindgen_test]
async fn server_field_error_marks_the_field_and_keeps_the_value() {
    let (fake, _h) = open(
        "/integrations/new",
        [FakeReply::json(
            400,
            r#"{"success":false,"errors":[{"code":1002,"message":"tenant_url is not an Okta tenant","source":{"pointer":"/tenant_url"}}],"messages":[],"result":null}"#,
        )],
    );
    settle().await;
    type_into("tenant-url", "https://login.acme.com");
    click_button("Create integration");
    wait_for("the field marked", || {
        aria_invalid("#tenant-url").as_deref() == Some("true")
    })
    .await;
    assert!(text("#tenant-url-error").contains("not an Okta tenant"));
    assert_eq!(input_value("tenant-url"), "https://login.acme.com");
    assert_eq!(fake.requests().len(), 1);
    assert!(query("#well-known-url").is_none());
    assert!(text("button[type=submit]").contains("Create integration"));
}

#[wasm_bindgen_test]
async fn other_server_errors_show_the_error_view() {
    let (_fake, _h) = open(
        "/integrations/new",
        [FakeReply::json(
            403,
            r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}"#,
        )],
    );
    settle().await;
    type_into("tenant-url", "https://acme.okta.com");
    click_button("Create integration");
    wait_for("an alert", || query("[role=alert]").is_some()).await;
    assert!(text("[role=alert]").contains("10000"));
    assert_eq!(input_value("tenant-url"), "https://acme.okta.com");
    assert_eq!(aria_invalid("#tenant-url"), None);
}

#[wasm_bindgen_test]
async fn edit_saves_a_full_overwrite() {
    let (fake, _h) = open(
        &format!("/integrations/{ID}"),
        [
            FakeReply::ok(&integration("https://acme.okta.com", "idp-1", true)),
            FakeReply::ok(&integration("https://acme.okta.com", "idp-2", false)),
        ],
    );
    wait_for("the form", || query("#tenant-url").is_some()).await;
    assert!(text("dl.facts").contains(ACCOUNT));
    assert_eq!(
        el("[role=switch]").get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    click("[role=switch]");
    type_into("reference-id", "idp-2");
    click_button("Save changes");
    wait_for("the toast", || {
        text(".toasts").contains("Integration saved")
    })
    .await;
    let requests = fake.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].method, Method::Put);
    assert_eq!(requests[1].url, format!("{}/{ID}", integrations_url()));
    assert_eq!(
        requests[1].body.as_deref(),
        Some(r#"{"active":false,"tenant_url":"https://acme.okta.com","reference_id":"idp-2"}"#)
    );
    assert_eq!(
        el("[role=switch]").get_attribute("aria-checked").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn an_edit_answered_204_is_saved_and_read_back() {
    let (fake, _h) = open(
        &format!("/integrations/{ID}"),
        [
            FakeReply::ok(&integration("https://acme.okta.com", "idp-1", true)),
            FakeReply::no_content(),
            FakeReply::ok(&integration("https://acme.okta.com", "idp-2", false)),
        ],
    );
    wait_for("the form", || query("#tenant-url").is_some()).await;
    click("[role=switch]");
    type_into("reference-id", "idp-2");
    click_button("Save changes");
    wait_for("the toast", || {
        text(".toasts").contains("Integration saved")
    })
    .await;
    let requests = fake.requests();
    assert_eq!(requests.len(), 3, "GET, PUT, the read back");
    assert_eq!(requests[2].method, Method::Get);
    assert_eq!(requests[2].url, format!("{}/{ID}", integrations_url()));
    assert!(query("[role=alert]").is_none(), "no error shown");
    assert_eq!(
        el("[role=switch]").get_attribute("aria-checked").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn a_create_answered_204_finds_the_new_integration_in_the_list() {
    let (fake, _h) = open(
        "/integrations/new",
        [
            FakeReply::no_content(),
            FakeReply::ok(&format!(
                "[{}]",
                integration("https://acme.okta.com", "generated", true)
            )),
        ],
    );
    settle().await;
    type_into("tenant-url", "https://acme.okta.com");
    click_button("Create integration");
    wait_for("the success panel", || query("#well-known-url").is_some()).await;
    let requests = fake.requests();
    assert_eq!(requests.len(), 2, "POST, then the list");
    assert_eq!(requests[1].method, Method::Get);
    assert_eq!(requests[1].url, integrations_url());
    assert!(query("[role=alert]").is_none(), "no error shown");
}

#[wasm_bindgen_test]
async fn edit_failure_keeps_edits() {
    let (_fake, _h) = open(
        &format!("/integrations/{ID}"),
        [
            FakeReply::ok(&integration("https://acme.okta.com", "idp-1", true)),
            FakeReply::json(
                400,
                r#"{"success":false,"errors":[{"code":1003,"message":"reference_id already used","source":{"pointer":"/reference_id"}}],"messages":[],"result":null}"#,
            ),
        ],
    );
    wait_for("the form", || query("#tenant-url").is_some()).await;
    type_into("reference-id", "taken");
    click_button("Save changes");
    wait_for("the field marked", || {
        aria_invalid("#reference-id").as_deref() == Some("true")
    })
    .await;
    assert!(text("#reference-id-error").contains("already used"));
    assert_eq!(input_value("reference-id"), "taken");
}

#[wasm_bindgen_test]
async fn delete_waits_for_confirm() {
    let (fake, _h) = open(
        &format!("/integrations/{ID}"),
        [
            FakeReply::ok(&integration("https://acme.okta.com", "idp-1", true)),
            FakeReply::ok("null"),
            FakeReply::ok("[]"),
        ],
    );
    wait_for("the page", || query("#tenant-url").is_some()).await;
    click_button("Delete integration");
    settle().await;
    assert!(el("dialog").has_attribute("open"));
    assert!(text("dialog h2").contains("Delete the integration for https://acme.okta.com?"));
    assert_eq!(fake.requests().len(), 1, "nothing sent before confirm");
    click_button("Cancel");
    settle().await;
    assert!(!el("dialog").has_attribute("open"));
    assert_eq!(fake.requests().len(), 1, "nothing sent after cancel");

    click_button("Delete integration");
    settle().await;
    click("dialog button.danger");
    wait_for("back to the list", || pathname() == "/integrations").await;
    let requests = fake.requests();
    assert_eq!(requests[1].method, Method::Delete);
    assert_eq!(requests[1].url, format!("{}/{ID}", integrations_url()));
    wait_for("the toast", || {
        text(".toasts").contains("Integration deleted")
    })
    .await;
}
