//! Settings page in headless Chromium: saving, restoring, token storage, and API errors.

mod common;

use common::*;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::pages::SettingsPage;
use zt_risk_console::session::storage::{KEY_ACCOUNT, KEY_BASE_URL, KEY_TOKEN};

wasm_bindgen_test_configure!(run_in_browser);

const TOKEN: &str = "tok-SECRET-1234567890";

#[wasm_bindgen_test]
async fn saves_and_restores_values() {
    clear_storage();
    let handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    assert_eq!(
        input_value("api-base-url"),
        BASE,
        "prefilled from config.json"
    );
    type_into("api-base-url", "https://proxy.example.com/client/v4/");
    type_into("account-id", "ABCDEF0123456789ABCDEF0123456789");
    click_button("Save settings");
    settle().await;
    assert_eq!(
        local(KEY_BASE_URL).as_deref(),
        Some("https://proxy.example.com/client/v4")
    );
    assert_eq!(
        local(KEY_ACCOUNT).as_deref(),
        Some("abcdef0123456789abcdef0123456789")
    );
    assert!(text("form").contains("Settings saved."));
    drop(handle);

    let _handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    assert_eq!(
        input_value("api-base-url"),
        "https://proxy.example.com/client/v4"
    );
    assert_eq!(
        input_value("account-id"),
        "abcdef0123456789abcdef0123456789"
    );
}

#[wasm_bindgen_test]
async fn invalid_values_are_not_saved_and_marked() {
    clear_storage();
    let _handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    type_into("account-id", "not-an-account");
    type_into("api-base-url", "ftp://x");
    click_button("Save settings");
    settle().await;
    assert_eq!(local(KEY_ACCOUNT), None);
    assert_eq!(
        el("#account-id").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        el("#api-base-url").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(text("#account-id-error").contains("32 hexadecimal"));
}

#[wasm_bindgen_test]
async fn token_stays_out_of_local_storage_unless_remembered() {
    clear_storage();
    let handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    type_into("api-token", TOKEN);
    click_button("Save settings");
    settle().await;
    assert_eq!(session(KEY_TOKEN).as_deref(), Some(TOKEN));
    assert_eq!(
        local(KEY_TOKEN),
        None,
        "not remembered: never in localStorage"
    );
    assert_eq!(input_value("api-token"), "", "the token is not shown again");
    let html = document().body().expect("body").inner_html();
    assert!(!html.contains(TOKEN), "the token is never in the DOM");

    click("#remember");
    click_button("Save settings");
    settle().await;
    assert_eq!(local(KEY_TOKEN).as_deref(), Some(TOKEN));
    assert_eq!(session(KEY_TOKEN), None);
    drop(handle);

    let _handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    assert!(text(".token-state").contains("remembered on this device"));
    click("#remember");
    click_button("Save settings");
    settle().await;
    assert_eq!(
        local(KEY_TOKEN),
        None,
        "unticking moves the token out of localStorage"
    );
    assert_eq!(session(KEY_TOKEN).as_deref(), Some(TOKEN));
}

#[wasm_bindgen_test]
async fn test_connection_shows_cloudflare_error_code_and_message() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::json(
        403,
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}"#,
    ));
    let _handle = mount(config(), fake.clone(), 1000, SettingsPage);
    settle().await;
    type_into("api-token", TOKEN);
    click_button("Test connection");
    wait_for("an alert", || query("[role=alert]").is_some()).await;
    let alert = text("[role=alert]");
    assert!(alert.contains("10000"), "{alert}");
    assert!(alert.contains("Authentication error"), "{alert}");
    assert!(
        alert.contains("Zero Trust: PII Read"),
        "names the permission: {alert}"
    );

    let requests = fake.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.url,
        format!("{BASE}/accounts/{ACCOUNT}/zt_risk_scoring/summary")
    );
    assert!(!request.url.contains(TOKEN));
    assert!(request
        .headers
        .contains(&("Authorization", format!("Bearer {TOKEN}"))));
}

#[wasm_bindgen_test]
async fn test_connection_reports_success() {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(r#"{"users":[]}"#));
    let _handle = mount(config(), fake, 1000, SettingsPage);
    settle().await;
    type_into("api-token", TOKEN);
    click_button("Test connection");
    wait_for("success", || text(".test-connection").contains("Connected")).await;
}
