//! The client's error mapping, through the real client with a fake transport.

mod common;

use common::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::api::transport::{HttpResponse, TransportError};
use zt_risk_console::api::{use_api, ApiError};
use zt_risk_console::components::ErrorView;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a component that calls `summary()` once and shows the outcome.
async fn outcome(reply: FakeReply, timeout_ms: u32) -> (Result<usize, ApiError>, String) {
    clear_storage();
    let fake = FakeTransport::new();
    fake.push(reply);
    let mut config = config();
    config.demo_token = Some("t".into());
    let result = RwSignal::new(None::<Result<usize, ApiError>>);
    let _handle = mount(config, fake, timeout_ms, move || {
        let api = use_api();
        leptos::task::spawn_local(async move {
            result.set(Some(api.summary().await.map(|s| s.users.len())));
        });
        move || {
            result
                .get()
                .and_then(Result::err)
                .map(|error| view! { <ErrorView error/> })
        }
    });
    wait_for("a result", || result.get_untracked().is_some()).await;
    settle().await;
    let shown = query("[role=alert]")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    (result.get_untracked().expect("result"), shown)
}

#[wasm_bindgen_test]
async fn html_502_from_a_proxy_is_explained() {
    let reply = FakeReply::Respond(HttpResponse {
        status: 502,
        status_text: "Bad Gateway".into(),
        content_type: Some("text/html".into()),
        retry_after: None,
        body: "<html><body><h1>502 Bad Gateway</h1></body></html>".into(),
    });
    let (result, shown) = outcome(reply, 1000).await;
    assert!(
        matches!(result, Err(ApiError::NotJson { status: 502, .. })),
        "{result:?}"
    );
    assert!(
        shown.contains("HTML page") && shown.contains("502"),
        "{shown}"
    );
    assert!(
        query("[role=alert] h1").is_none(),
        "the HTML body is never rendered"
    );
}

#[wasm_bindgen_test]
async fn invalid_json_and_unknown_levels() {
    let (result, _) = outcome(FakeReply::json(200, "{\"success\": tru"), 1000).await;
    assert!(
        matches!(result, Err(ApiError::NotJson { .. })),
        "{result:?}"
    );
    let users = r#"{"users":[{"user_id":"u","name":"n","email":"e","max_risk_level":"critical","event_count":1,"last_event":"2026-01-01T00:00:00Z"}]}"#;
    let (result, _) = outcome(FakeReply::ok(users), 1000).await;
    assert_eq!(
        result,
        Ok(1),
        "an unknown risk level does not fail the response"
    );
}

#[wasm_bindgen_test]
async fn network_failure_and_timeout() {
    let (result, shown) = outcome(
        FakeReply::Fail(TransportError::Network("Failed to fetch".into())),
        1000,
    )
    .await;
    assert!(
        matches!(result, Err(ApiError::Network { .. })),
        "{result:?}"
    );
    assert!(shown.contains("Retry") || query("[role=alert] button").is_none());
    let (result, shown) = outcome(FakeReply::Hang, 50).await;
    assert_eq!(result, Err(ApiError::Timeout { seconds: 1 }));
    assert!(shown.contains("timed out"), "{shown}");
}

#[wasm_bindgen_test]
async fn rate_limit_and_server_errors() {
    let body = r#"{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}],"messages":[],"result":null}"#;
    let reply = match FakeReply::json(429, body) {
        FakeReply::Respond(mut r) => {
            r.retry_after = Some("17".into());
            FakeReply::Respond(r)
        }
        other => other,
    };
    let (result, shown) = outcome(reply, 1000).await;
    assert!(
        matches!(
            result,
            Err(ApiError::RateLimited {
                retry_after: Some(17),
                ..
            })
        ),
        "{result:?}"
    );
    assert!(shown.contains("17 seconds"), "{shown}");
    let (result, _) = outcome(
        FakeReply::json(
            500,
            r#"{"success":false,"errors":[],"messages":[],"result":null}"#,
        ),
        1000,
    )
    .await;
    assert!(
        matches!(result, Err(ApiError::Server { status: 500, .. })),
        "{result:?}"
    );
}
