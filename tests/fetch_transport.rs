//! The browser transport's early start (`Transport::start`): a request sent before anything
//! asks for it is taken, once, by the first equal request. Blob URLs stand in for the API: once
//! revoked, only a request already sent can still read one.

use wasm_bindgen_test::*;
use web_sys::{AbortController, Blob, BlobPropertyBag, Url};
use zt_risk_api::paths::Method;
use zt_risk_console::api::transport::{
    FetchTransport, HttpRequest, HttpResponse, Transport, TransportError,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A blob: URL serving `body` as JSON.
fn blob_url(body: &str) -> String {
    let parts = js_sys::Array::of1(&body.into());
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).expect("blob");
    Url::create_object_url_with_blob(&blob).expect("blob URL")
}

fn get(url: &str, token: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url: url.to_owned(),
        headers: vec![("Authorization", format!("Bearer {token}"))],
        body: None,
    }
}

async fn send(request: HttpRequest) -> Result<HttpResponse, TransportError> {
    let signal = AbortController::new().expect("controller").signal();
    FetchTransport.send(request, signal).await
}

fn is_network_error(outcome: &Result<HttpResponse, TransportError>) -> bool {
    matches!(outcome, Err(TransportError::Network(_)))
}

#[wasm_bindgen_test]
async fn a_started_request_is_taken_once_by_an_equal_request() {
    let url = blob_url(r#"{"success":true}"#);
    FetchTransport.start(get(&url, "t"));
    Url::revoke_object_url(&url).expect("revoke");
    // Another token makes another request: sent by itself, it finds the blob gone.
    assert!(is_network_error(&send(get(&url, "other")).await));
    let taken = send(get(&url, "t")).await.expect("the started response");
    assert_eq!(taken.status, 200);
    assert_eq!(taken.content_type.as_deref(), Some("application/json"));
    assert_eq!(taken.body, r#"{"success":true}"#);
    // Taken once: the same request again is sent again.
    assert!(is_network_error(&send(get(&url, "t")).await));
}

#[wasm_bindgen_test]
async fn a_started_request_that_fails_is_a_network_error() {
    let url = blob_url("{}");
    Url::revoke_object_url(&url).expect("revoke");
    FetchTransport.start(get(&url, "t"));
    let outcome = send(get(&url, "t")).await;
    assert!(is_network_error(&outcome), "{outcome:?}");
}
