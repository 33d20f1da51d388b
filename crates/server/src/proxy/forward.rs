//! Sends one allowed request to the fixed upstream: only the needed headers, a capped body and
//! a deadline; returns status and body unchanged. Never logs or echoes credentials.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;

use crate::envelope::{ApiError, UPSTREAM_DOWN, UPSTREAM_TIMEOUT};

/// The upstream HTTP client (rustls with the bundled web PKI roots; http for loopback tests).
pub type Client = HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// Headers copied from the browser; everything else (cookies, hop-by-hop, `Host`, `Origin`,
/// forwarding headers) is dropped.
const FORWARDED: [header::HeaderName; 3] = [
    header::AUTHORIZATION,
    header::HeaderName::from_static("x-auth-email"),
    header::HeaderName::from_static("x-auth-key"),
];

/// Largest upstream response relayed (a summary of many thousand users fits easily).
const MAX_RESPONSE: usize = 32 * 1024 * 1024;

pub fn client() -> Result<Client, String> {
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .https_or_http()
        .enable_http1()
        .build();
    Ok(HyperClient::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .build(https))
}

/// Forwards and relays; 504 after `timeout`, 502 when the upstream cannot be reached.
pub async fn send(
    client: &Client,
    method: Method,
    uri: Uri,
    incoming: &HeaderMap,
    body: Option<Bytes>,
    timeout: Duration,
) -> Result<Response, ApiError> {
    let mut request = Request::builder().method(method).uri(uri);
    for name in &FORWARDED {
        // One value per header: a repeated credential header is not something to guess about.
        if let Some(value) = incoming.get(name) {
            request = request.header(name, value);
        }
    }
    request = request.header(header::ACCEPT, "application/json").header(
        header::USER_AGENT,
        concat!("zt-risk-server-proxy/", env!("CARGO_PKG_VERSION")),
    );
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request
        .body(Full::new(body.unwrap_or_default()))
        .map_err(|e| down(format!("cannot build the upstream request: {e}")))?;
    let exchange = async {
        let response = client
            .request(request)
            .await
            .map_err(|e| down(format!("upstream unreachable: {e}")))?;
        let (parts, body) = response.into_parts();
        let bytes = Limited::new(body, MAX_RESPONSE)
            .collect()
            .await
            .map_err(|e| down(format!("upstream response failed: {e}")))?
            .to_bytes();
        Ok::<_, ApiError>((
            parts.status,
            parts.headers.get(header::CONTENT_TYPE).cloned(),
            bytes,
        ))
    };
    let (status, content_type, bytes) =
        tokio::time::timeout(timeout, exchange)
            .await
            .map_err(|_| {
                ApiError::new(
                    StatusCode::GATEWAY_TIMEOUT,
                    UPSTREAM_TIMEOUT,
                    format!(
                        "The upstream did not answer within {} ms",
                        timeout.as_millis()
                    ),
                )
            })??;
    let mut response = (status, Body::from(bytes)).into_response();
    let h = response.headers_mut();
    if let Some(ct) = content_type {
        h.insert(header::CONTENT_TYPE, ct);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

fn down(detail: String) -> ApiError {
    eprintln!("proxy: {detail}");
    ApiError::new(
        StatusCode::BAD_GATEWAY,
        UPSTREAM_DOWN,
        "The upstream API could not be reached",
    )
}
