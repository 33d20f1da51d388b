//! Settings page in headless Chromium: saving, restoring, token storage, and API errors.

mod common;

use common::*;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::pages::SettingsPage;
use zt_risk_console::session::storage::{
    token_key, KEY_ACCOUNT, KEY_BASE_URL, KEY_PROFILES, KEY_TOKEN,
};

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
    let saved = local(KEY_PROFILES).unwrap_or_default();
    assert!(
        saved.contains(r#""api_base_url":"https://proxy.example.com/client/v4""#),
        "{saved}"
    );
    assert!(
        saved.contains(r#""account_id":"abcdef0123456789abcdef0123456789""#),
        "{saved}"
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
    assert_eq!(local(KEY_PROFILES), None);
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
    let key = token_key("Default");
    let key = key.as_str();
    let handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    type_into("api-token", TOKEN);
    click_button("Save settings");
    settle().await;
    assert_eq!(session(key).as_deref(), Some(TOKEN));
    assert_eq!(local(key), None, "not remembered: never in localStorage");
    assert_eq!(input_value("api-token"), "", "the token is not shown again");
    let html = document().body().expect("body").inner_html();
    assert!(!html.contains(TOKEN), "the token is never in the DOM");

    click("#remember");
    click_button("Save settings");
    settle().await;
    assert_eq!(local(key).as_deref(), Some(TOKEN));
    assert_eq!(session(key), None);
    drop(handle);

    let _handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    assert!(text(".token-state").contains("remembered on this device"));
    click("#remember");
    click_button("Save settings");
    settle().await;
    assert_eq!(
        local(key),
        None,
        "unticking moves the token out of localStorage"
    );
    assert_eq!(session(key).as_deref(), Some(TOKEN));
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

#[wasm_bindgen_test]
async fn the_single_saved_override_and_token_become_the_first_profile() {
    clear_storage();
    let store = |k: &str, v: &str| {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("localStorage")
            .set_item(k, v)
            .expect("set")
    };
    store(KEY_BASE_URL, "https://old.example/client/v4");
    store(KEY_ACCOUNT, "ffffffffffffffffffffffffffffffff");
    store(KEY_TOKEN, TOKEN);
    let _handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    assert_eq!(input_value("profile-name"), "Default");
    assert_eq!(input_value("api-base-url"), "https://old.example/client/v4");
    assert_eq!(
        input_value("account-id"),
        "ffffffffffffffffffffffffffffffff"
    );
    assert!(text(".token-state").contains("remembered on this device"));
    assert_eq!(local(&token_key("Default")).as_deref(), Some(TOKEN));
    for legacy in [KEY_BASE_URL, KEY_ACCOUNT, KEY_TOKEN] {
        assert_eq!(local(legacy), None, "{legacy} is migrated away");
    }
}

#[wasm_bindgen_test]
async fn profiles_are_added_duplicated_renamed_and_deleted() {
    clear_storage();
    let _handle = mount(config(), FakeTransport::new(), 1000, SettingsPage);
    settle().await;
    type_into("api-token", TOKEN);
    click_button("Save settings");
    settle().await;
    click("button[aria-label='Duplicate Default']");
    settle().await;
    assert_eq!(input_value("profile-name"), "Default (copy)");
    assert_eq!(input_value("account-id"), ACCOUNT);
    assert!(
        text(".token-state").contains("No token"),
        "the token is not copied"
    );
    type_into("profile-name", "Staging");
    click_button("Save settings");
    settle().await;
    let saved = local(KEY_PROFILES).unwrap_or_default();
    assert!(
        saved.contains("Staging") && !saved.contains("copy"),
        "{saved}"
    );

    click_button("Add profile");
    settle().await;
    type_into("profile-name", "staging");
    click_button("Save settings");
    settle().await;
    assert!(text("#profile-name-error").contains("already"));

    click("button[aria-label='Delete Default']");
    settle().await;
    assert!(text("dialog[open] h2").contains("Delete profile Default?"));
    click("dialog[open] button.danger");
    settle().await;
    let saved = local(KEY_PROFILES).unwrap_or_default();
    assert!(!saved.contains("Default"), "{saved}");
    assert_eq!(
        session(&token_key("Default")),
        None,
        "its token is gone too"
    );
}
