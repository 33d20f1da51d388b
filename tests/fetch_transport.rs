//! The browser transport: a body arrives byte for byte (read whole, or watched as it arrives),
//! and a request sent early (`Transport::start`), before anything asks for it, is taken once
//! by the first equal request.
//! Blob URLs stand in for the API: once revoked, only a request already sent can still read one.

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

async fn send(
    transport: &FetchTransport,
    request: HttpRequest,
) -> Result<HttpResponse, TransportError> {
    let signal = AbortController::new().expect("controller").signal();
    transport.send(request, signal).await
}

fn is_network_error(outcome: &Result<HttpResponse, TransportError>) -> bool {
    matches!(outcome, Err(TransportError::Network(_)))
}

#[wasm_bindgen_test]
async fn a_started_request_is_taken_once_by_an_equal_request() {
    let url = blob_url(r#"{"success":true}"#);
    let transport = FetchTransport::default();
    transport.start(get(&url, "t"));
    Url::revoke_object_url(&url).expect("revoke");
    // Another token makes another request: sent by itself, it finds the blob gone.
    assert!(is_network_error(
        &send(&transport, get(&url, "other")).await
    ));
    // Another transport has nothing started.
    let other = FetchTransport::default();
    assert!(is_network_error(&send(&other, get(&url, "t")).await));
    let taken = send(&transport, get(&url, "t"))
        .await
        .expect("the started response");
    assert_eq!(taken.status, 200);
    assert_eq!(taken.content_type.as_deref(), Some("application/json"));
    assert_eq!(taken.body, r#"{"success":true}"#);
    // Taken once: the same request again is sent again.
    assert!(is_network_error(&send(&transport, get(&url, "t")).await));
}

#[wasm_bindgen_test]
async fn a_started_request_that_fails_is_a_network_error() {
    let url = blob_url("{}");
    Url::revoke_object_url(&url).expect("revoke");
    let transport = FetchTransport::default();
    transport.start(get(&url, "t"));
    let outcome = send(&transport, get(&url, "t")).await;
    assert!(is_network_error(&outcome), "{outcome:?}");
}

/// A blob: URL serving `bytes` as they are.
fn bytes_url(bytes: &[u8]) -> String {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).expect("blob");
    Url::create_object_url_with_blob(&blob).expect("blob URL")
}

#[wasm_bindgen_test]
async fn a_body_arrives_byte_for_byte_and_bytes_that_are_not_utf8_are_replaced() {
    let text = "{\"name\":\"Zoë 日本 🚀\"}";
    let transport = FetchTransport::default();
    let utf8 = send(&transport, get(&bytes_url(text.as_bytes()), "t"))
        .await
        .expect("body");
    assert_eq!(utf8.body, text);
    // A proxy's Latin-1 error page: the é (0xE9) is not UTF-8.
    let latin1 = send(&transport, get(&bytes_url(b"<p>Arr\xEAt\xE9</p>"), "t"))
        .await
        .expect("body");
    assert_eq!(latin1.body, "<p>Arr\u{FFFD}t\u{FFFD}</p>");
}

#[wasm_bindgen_test]
async fn a_watched_body_is_shown_as_it_arrives_and_arrives_whole() {
    use std::cell::RefCell;
    use std::rc::Rc;
    // 4 MB of distinct bytes: more than one read of the stream.
    let bytes: Vec<u8> = (0..4_000_000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let seen = Rc::new(RefCell::new(Vec::<usize>::new()));
    let watch = {
        let (seen, bytes) = (Rc::clone(&seen), bytes.clone());
        Box::new(move |body: &[u8]| {
            assert_eq!(body, &bytes[..body.len()], "a prefix of the body");
            seen.borrow_mut().push(body.len());
        })
    };
    let signal = AbortController::new().expect("controller").signal();
    let response = FetchTransport::default()
        .send_watched(get(&bytes_url(&bytes), "t"), signal, watch)
        .await
        .expect("body");
    assert_eq!(response.body.as_bytes(), &bytes[..]);
    let seen = seen.borrow();
    assert!(seen.len() > 1, "shown once only: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&bytes.len()));
}
