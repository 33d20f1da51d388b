//! The client's error mapping, through the real client with a fake transport.

mod common;

use common::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::api::transport::{HttpResponse, TransportError};
use zt_risk_console::api::{use_api, ApiError};
use zt_risk_console::components::ErrorView;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    /// How often the shown error view's Retry called back, in the current `outcome`.
    static RETRIES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// What one call came to, read while it was still mounted.
struct Shown {
    result: Result<usize, ApiError>,
    /// The alert's text.
    text: String,
    /// The alert's markup.
    html: String,
    /// The view offered Retry: a button whose click reached the callback.
    retry: bool,
}

/// Mounts a component that calls `summary()` once and shows a failure in the shared error view
/// with a Retry callback, and reads what it shows before unmounting it.
async fn outcome(reply: FakeReply, timeout_ms: u32) -> Shown {
    clear_storage();
    RETRIES.set(0);
    let fake = FakeTransport::new();
    fake.push(reply);
    let mut config = config();
    config.demo_token = Some("t".into());
    let result = RwSignal::new(None::<Result<usize, ApiError>>);
    let _handle = mount(config, fake, timeout_ms, move || {
        let api = use_api();
        leptos::task::spawn_local(async move {
            result.set(Some(api.summary().await.map(|users| users.len())));
        });
        let on_retry = Callback::new(|()| RETRIES.set(RETRIES.get() + 1));
        move || {
            result
                .get()
                .and_then(Result::err)
                .map(|error| view! { <ErrorView error on_retry/> })
        }
    });
    wait_for("a result", || result.get_untracked().is_some()).await;
    settle().await;
    let alert = query("[role=alert]");
    let text = alert
        .as_ref()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let html = alert.map(|e| e.inner_html()).unwrap_or_default();
    let retry =
        query("[role=alert] button").filter(|b| b.text_content().as_deref() == Some("Retry"));
    if let Some(button) = &retry {
        button.unchecked_ref::<web_sys::HtmlElement>().click();
        settle().await;
    }
    Shown {
        result: result.get_untracked().expect("result"),
        text,
        html,
        retry: retry.is_some() && RETRIES.get() == 1,
    }
}

/// A non-JSON error page, as an edge, a gateway or a proxy sends one.
fn page(status: u16, content_type: &str, retry_after: Option<&str>) -> FakeReply {
    FakeReply::Respond(HttpResponse {
        status,
        status_text: String::new(),
        content_type: Some(content_type.into()),
        retry_after: retry_after.map(Into::into),
        body: format!("<html><body><h1>{status}</h1></body></html>"),
    })
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
    let Shown {
        result,
        text: shown,
        html,
        ..
    } = outcome(reply, 1000).await;
    assert!(
        matches!(result, Err(ApiError::Server { status: 502, .. })),
        "{result:?}"
    );
    assert!(
        shown.contains("HTML page") && shown.contains("502"),
        "{shown}"
    );
    assert!(
        !html.contains("<h1"),
        "the HTML body is never rendered: {html}"
    );
}

#[wasm_bindgen_test]
async fn invalid_json_and_unknown_levels() {
    let Shown { result, .. } = outcome(FakeReply::json(200, "{\"success\": tru"), 1000).await;
    assert!(
        matches!(result, Err(ApiError::NotJson { .. })),
        "{result:?}"
    );
    let users = r#"{"users":[{"user_id":"u","name":"n","email":"e","max_risk_level":"critical","event_count":1,"last_event":"2026-01-01T00:00:00Z"}]}"#;
    let Shown { result, .. } = outcome(FakeReply::ok(users), 1000).await;
    assert_eq!(
        result,
        Ok(1),
        "an unknown risk level does not fail the response"
    );
}

#[wasm_bindgen_test]
async fn network_failure_and_timeout() {
    let Shown {
        result,
        text: shown,
        retry,
        ..
    } = outcome(
        FakeReply::Fail(TransportError::Network("Failed to fetch".into())),
        1000,
    )
    .await;
    assert!(
        matches!(result, Err(ApiError::Network { .. })),
        "{result:?}"
    );
    assert!(retry, "a network error offers Retry: {shown}");
    let Shown {
        result,
        text: shown,
        retry,
        ..
    } = outcome(FakeReply::Hang, 50).await;
    assert_eq!(result, Err(ApiError::Timeout { seconds: 1 }));
    assert!(shown.contains("timed out"), "{shown}");
    assert!(retry, "a timeout offers Retry: {shown}");
}

#[wasm_bindgen_test]
async fn errors_that_retrying_cannot_fix_offer_no_retry() {
    let body = |code: u32| {
        format!(
            r#"{{"success":false,"errors":[{{"code":{code},"message":"no"}}],"messages":[],"result":null}}"#
        )
    };
    let not_found = outcome(FakeReply::json(404, body(1001)), 1000).await;
    assert!(
        matches!(not_found.result, Err(ApiError::NotFound { .. })),
        "{:?}",
        not_found.result
    );
    assert!(!not_found.retry, "{}", not_found.text);
    let rejected = outcome(FakeReply::json(400, body(1002)), 1000).await;
    assert!(
        matches!(rejected.result, Err(ApiError::Rejected { status: 400, .. })),
        "{:?}",
        rejected.result
    );
    assert!(!rejected.retry, "{}", rejected.text);
}

#[wasm_bindgen_test]
async fn html_error_pages_keep_the_meaning_of_their_status() {
    for status in [401, 403] {
        let denied = outcome(page(status, "text/html", None), 1000).await;
        assert!(
            matches!(&denied.result, Err(ApiError::Unauthorized { status: s, permission: "Zero Trust: PII Read", .. }) if *s == status),
            "{status}: {:?}",
            denied.result
        );
        let text = denied.text;
        assert!(
            text.contains("\"Zero Trust: PII Read\" permission"),
            "{text}"
        );
    }
    let limited = outcome(page(429, "text/html", Some("30")), 1000).await;
    assert!(
        matches!(
            limited.result,
            Err(ApiError::RateLimited {
                retry_after: Some(30),
                ..
            })
        ),
        "{:?}",
        limited.result
    );
    assert!(
        limited.text.contains("Try again in 30 seconds"),
        "{}",
        limited.text
    );
    assert!(limited.retry, "{}", limited.text);
    let failed = outcome(page(503, "text/plain", None), 1000).await;
    assert!(
        matches!(failed.result, Err(ApiError::Server { status: 503, .. })),
        "{:?}",
        failed.result
    );
    let text = failed.text;
    assert!(
        text.contains("503") && text.contains("\"text/plain\" content"),
        "{text}"
    );
    assert!(failed.retry, "{text}");
    // A 404 page tells nothing about the API (a wrong proxy path, say): still "not JSON".
    let missing = outcome(page(404, "text/html", None), 1000).await;
    assert!(
        matches!(missing.result, Err(ApiError::NotJson { status: 404, .. })),
        "{:?}",
        missing.result
    );
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
    let Shown {
        result,
        text: shown,
        ..
    } = outcome(reply, 1000).await;
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
    let Shown { result, .. } = outcome(
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
