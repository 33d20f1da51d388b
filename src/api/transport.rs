//! The HTTP seam: a `Transport` sends one request and returns status, headers and body text.
//!
//! The browser implementation uses gloo-net (fetch); tests swap in a fake. Nothing here knows
//! about envelopes or the API: that belongs to `client.rs` and `error.rs`.

use std::future::Future;
use std::pin::Pin;

use web_sys::AbortSignal;
use zt_risk_api::paths::Method;

/// A boxed, non-`Send` future, as browser futures are.
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// One outgoing request, fully resolved (absolute URL, all headers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

/// What came back, before any interpretation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub status_text: String,
    pub content_type: Option<String>,
    pub retry_after: Option<String>,
    pub body: String,
}

/// Why no response arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// The request never completed (DNS, refused connection, CORS rejection, offline).
    Network(String),
    /// The request was aborted (page left, or timed out).
    Aborted,
}

/// Sends requests. Implementations must honour the abort signal.
pub trait Transport: Send + Sync {
    fn send(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
    ) -> LocalFuture<Result<HttpResponse, TransportError>>;
}

/// The real transport: the browser's fetch through gloo-net.
#[derive(Debug, Default, Clone, Copy)]
pub struct FetchTransport;

impl Transport for FetchTransport {
    fn send(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
    ) -> LocalFuture<Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            use gloo_net::http::{Method as Http, RequestBuilder};
            let method = match request.method {
                Method::Get => Http::GET,
                Method::Post => Http::POST,
                Method::Put => Http::PUT,
                Method::Delete => Http::DELETE,
            };
            let mut builder = RequestBuilder::new(&request.url)
                .method(method)
                .abort_signal(Some(&signal));
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            let built = match request.body {
                Some(body) => builder.body(body),
                None => builder.build(),
            };
            let network = |e: gloo_net::Error| {
                if signal.aborted() {
                    TransportError::Aborted
                } else {
                    TransportError::Network(e.to_string())
                }
            };
            let response = built.map_err(network)?.send().await.map_err(network)?;
            let headers = response.headers();
            Ok(HttpResponse {
                status: response.status(),
                status_text: response.status_text(),
                content_type: headers.get("content-type"),
                retry_after: headers.get("retry-after"),
                // The bytes, not `text()`: that decodes into a JS string only for it to be
                // encoded again into Rust's memory (tens of ms for a 50,000-user summary).
                body: utf8(response.binary().await.map_err(network)?),
            })
        })
    }
}

/// A body as text; bytes that are not UTF-8 (a proxy's Latin-1 error page) are replaced.
fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
