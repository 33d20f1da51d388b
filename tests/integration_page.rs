//! The integration page in headless Chromium: whether it is active, the well-known URL and the
//! Okta steps, and SSF Check (the document, the plain message when the proxy does not forward it,
//! and other failures with Retry).

mod common;

use common::integrations::*;
use common::*;
use wasm_bindgen_test::*;
use zt_risk_api::paths::Method;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::api::transport::{HttpResponse, TransportError};

wasm_bindgen_test_configure!(run_in_browser);

const SSF_DOC: &str = r#"{"spec_version":"1_0","issuer":"https://ssf.example/i","jwks_uri":"https://ssf.example/i/jwks.json",
  "delivery_methods_supported":["urn:ietf:rfc:8935","urn:ietf:rfc:8936"],"configuration_endpoint":"https://ssf.example/i/ssf/stream",
  "events_supported":["https://schemas.openid.net/secevent/caep/event-type/risk-level-change","<b>not html</b>"]}"#;

async fn integration_page(
    active: bool,
    more: impl IntoIterator<Item = FakeReply>,
) -> (FakeTransport, impl Drop) {
    let replies = std::iter::once(FakeReply::ok(&integration(
        "https://acme.okta.com",
        "idp-1",
        active,
    )))
    .chain(more);
    let (fake, handle) = open(&format!("/integrations/{ID}"), replies);
    wait_for("the page", || query("#well-known-url").is_some()).await;
    (fake, handle)
}

#[wasm_bindgen_test]
async fn the_page_says_whether_it_is_active_with_the_url_and_the_okta_steps() {
    let (_fake, h) = integration_page(false, []).await;
    assert_eq!(text("dd.status"), "Inactive");
    assert!(input_value("well-known-url").ends_with(ID));
    assert!(text("main, body").contains("Receive shared signals"));
    drop(h);
    let (_fake, _h) = integration_page(true, []).await;
    assert_eq!(text("dd.status"), "Active");
}

#[wasm_bindgen_test]
async fn check_fetches_and_shows_the_ssf_configuration() {
    let (fake, _h) = integration_page(true, [FakeReply::json(200, SSF_DOC)]).await;
    click_button("Check");
    wait_for("the document", || query(".ssf-check dl").is_some()).await;
    let request = &fake.requests()[1];
    assert_eq!(request.method, Method::Get);
    assert_eq!(
        request.url,
        format!("{BASE}/ssf/.well-known/sse-configuration/{ID}")
    );
    assert!(
        request.headers.iter().all(|(n, _)| *n != "Authorization"),
        "the public document is fetched without the token"
    );
    let shown = text(".ssf-check dl");
    for part in [
        "https://ssf.example/i",
        "https://ssf.example/i/jwks.json",
        "urn:ietf:rfc:8935",
        "https://ssf.example/i/ssf/stream",
        "risk-level-change",
    ] {
        assert!(shown.contains(part), "{part} in {shown}");
    }
    let events = document()
        .query_selector_all(".ssf-check dd:last-child li")
        .expect("items");
    assert_eq!(events.length(), 2, "the events as a list");
    assert!(query(".ssf-check b").is_none(), "text, never HTML");
}

async fn unsupported_says_okta_fetches_it(reply: FakeReply) {
    let (_fake, _h) = integration_page(true, [reply]).await;
    click_button("Check");
    wait_for("the message", || query(".ssf-check .notice").is_some()).await;
    let shown = text(".ssf-check .notice");
    assert!(
        shown.contains("Okta fetches the well-known URL itself, not the browser"),
        "{shown}"
    );
    assert!(shown.contains("optional"), "{shown}");
    assert!(
        query(".ssf-check [role=alert]").is_none(),
        "not shown as an error"
    );
}

#[wasm_bindgen_test]
async fn a_proxy_without_the_ssf_route_is_explained() {
    unsupported_says_okta_fetches_it(FakeReply::json(
        404,
        r#"{"success":false,"errors":[{"code":7003,"message":"No route for the URI"}],"messages":[],"result":null}"#,
    ))
    .await;
}

#[wasm_bindgen_test]
async fn a_foreign_404_page_or_a_cors_failure_is_explained_too() {
    unsupported_says_okta_fetches_it(FakeReply::Respond(HttpResponse {
        status: 404,
        status_text: "Not Found".into(),
        content_type: Some("text/html".into()),
        retry_after: None,
        body: "<html>nope</html>".into(),
    }))
    .await;
    unsupported_says_okta_fetches_it(FakeReply::Fail(TransportError::Network(
        "Failed to fetch".into(),
    )))
    .await;
}

#[wasm_bindgen_test]
async fn other_check_failures_show_the_error_with_retry() {
    let (_fake, _h) = integration_page(
        true,
        [FakeReply::json(502, "{}"), FakeReply::json(200, SSF_DOC)],
    )
    .await;
    click_button("Check");
    wait_for("the error", || query(".ssf-check [role=alert]").is_some()).await;
    click_button("Retry");
    wait_for("the document", || query(".ssf-check dl").is_some()).await;
}
