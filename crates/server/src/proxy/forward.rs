//! Sends one request the core allowed to its fixed upstream: exactly the core's headers, the
//! body read up to the core's limit, within the deadline; relays status, `Content-Type` and
//! body unchanged. Never logs or echoes credentials.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, Method, Request};
use axum::response::{IntoResponse, Response};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;
use zt_risk_proxy_core::{Forward, Reply};

/// The upstream HTTP client (rustls with the bundled web PKI roots; http for loopback tests).
pub type Client = HyperClient<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// Largest upstream response relayed (a summary of many thousand users fits easily).
const MAX_RESPONSE: usize = 32 * 1024 * 1024;

thread_local! {
    /// One client (and connection pool) per thread: a request is sent on connections driven
    /// by its own thread, never waking another one.
    static CLIENT: std::cell::OnceCell<Option<Client>> = const { std::cell::OnceCell::new() };
}

/// This thread's client.
fn this_thread_client() -> Option<Client> {
    CLIENT.with(|c| c.get_or_init(|| client().ok()).clone())
}

pub fn client() -> Result<Client, String> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    // Requests are written in one go and answered at once: Nagle's delay only adds latency.
    http.set_nodelay(true);
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .https_or_http()
        .enable_http1()
        .wrap_connector(http);
    Ok(HyperClient::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .build(https))
}

/// Reads the body if the core wants one, forwards and relays; the error is the core's answer
/// (413, 502, 504) with its CORS headers.
pub async fn run(
    forward: &Forward,
    incoming: &HeaderMap,
    body: Body,
    timeout: Duration,
) -> Result<Response, Reply> {
    let body = match forward.body_limit {
        Some(limit) => crate::body::read_limited(body, incoming, limit)
            .await
            .map_err(|_| forward.too_large())?,
        None => Bytes::new(),
    };
    let mut request = Request::builder()
        .method(Method::from_bytes(forward.method.as_bytes()).unwrap_or(Method::GET))
        .uri(forward.url.as_str());
    if let Some(headers) = request.headers_mut() {
        crate::proxy::add_headers(headers, forward.headers.iter().cloned());
    }
    let request = request.body(Full::new(body)).map_err(|e| {
        eprintln!("proxy: cannot build the upstream request: {e}");
        forward.upstream_down()
    })?;
    let client = this_thread_client().ok_or_else(|| forward.upstream_down())?;
    let exchange = async {
        let response = client.request(request).await.map_err(|e| {
            eprintln!("proxy: upstream unreachable: {e}");
            forward.upstream_down()
        })?;
        let (parts, body) = response.into_parts();
        let bytes = Limited::new(body, MAX_RESPONSE)
            .collect()
            .await
            .map_err(|e| {
                eprintln!("proxy: upstream response failed: {e}");
                forward.upstream_down()
            })?
            .to_bytes();
        Ok::<_, Reply>((
            parts.status,
            parts.headers.get(header::CONTENT_TYPE).cloned(),
            bytes,
        ))
    };
    let (status, content_type, bytes) = tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| forward.upstream_timeout(timeout.as_millis()))??;
    let mut response = (status, Body::from(bytes)).into_response();
    let h = response.headers_mut();
    if let Some(ct) = content_type {
        h.insert(header::CONTENT_TYPE, ct);
    }
    crate::proxy::add_headers(h, forward.response_headers.iter().cloned());
    Ok(response)
}
