//! Settings: the demo configuration is shown and "Test connection" reaches the emulator.

use crate::common::run;

#[test]
fn settings_show_the_demo_config_and_test_connection_succeeds() {
    run("settings", &[], |c| async move {
        c.open("/settings").await;
        c.wait_text("h1", "Settings").await;
        let base = c.labelled("API base URL (CORS proxy)").await;
        let base = base.prop("value").await.unwrap().unwrap_or_default();
        assert!(
            base.starts_with(&c.base),
            "the demo points the console at its own origin {}, got {base:?}",
            c.base
        );
        let account = c.labelled("Account ID").await;
        let account = account.prop("value").await.unwrap().unwrap_or_default();
        assert_eq!(
            account.len(),
            32,
            "a 32-hex demo account id, got {account:?}"
        );
        c.wait_text("[role=status]", "The demo emulator's token is used")
            .await;
        c.click_button("Test connection").await;
        let ok = c.wait_text("[role=status]", "Connected").await;
        let text = ok.text().await.unwrap();
        assert!(text.contains("user"), "{text:?}");
        assert!(
            !c.is_visible("[role=alert]").await,
            "no error alongside success"
        );
        c.screenshot("settings").await;
    });
}
