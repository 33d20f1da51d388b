//! The HTTP seam: a `Transport` sends one request and returns status, headers and body text.
//!
//! The browser implementation uses gloo-net (fetch) and reads bodies with `body.rs`; tests
//! swap in a fake. Nothing here knows about envelopes or the API: that belongs to `client.rs`
//! and `error.rs`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};
use zt_risk_api::paths::Method;

use super::body::{bytes, reserved, streamed, utf8};

/// A boxed, non-`Send` future, as browser futures are.
pub type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

/// Shown the body received so far, each time more of it arrives ([`Transport::send_watched`]).
pub type Watch = Box<dyn FnMut(&[u8])>;

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

    /// Sends `request` at once, before anything asks for it: the next `send` of an equal
    /// request takes its response instead of sending it again. A transport that cannot start
    /// early ignores it (the later `send` then sends as usual).
    fn start(&self, _request: HttpRequest) {}

    /// Takes a request already sent (`response`: fetch's promise, aborted by `controller`)
    /// as if [`start`](Self::start) had sent it. A transport that cannot start early aborts it.
    fn adopt(
        &self,
        _request: HttpRequest,
        _response: js_sys::Promise,
        controller: AbortController,
    ) {
        controller.abort();
    }

    /// [`send`](Self::send), showing `watch` the body received so far each time more of it
    /// arrives, so a large response can be decoded while it arrives. A transport that does not
    /// stream never calls `watch` (its caller reads the whole body either way).
    fn send_watched(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
        _watch: Watch,
    ) -> LocalFuture<Result<HttpResponse, TransportError>> {
        self.send(request, signal)
    }
}

/// The real transport: the browser's fetch through gloo-net. It holds the request sent early
/// ([`Transport::start`]) until a `send` takes it.
pub struct FetchTransport {
    started: SendWrapper<RefCell<Option<Started>>>,
}

impl Default for FetchTransport {
    fn default() -> Self {
        Self {
            started: SendWrapper::new(RefCell::new(None)),
        }
    }
}

/// A request [`Transport::start`] sent that no `send` has taken yet.
struct Started {
    request: HttpRequest,
    /// `fetch`'s promise of the response.
    response: js_sys::Promise,
    controller: AbortController,
}

/// Aborts a started request when its taker stops waiting (a time-out, or its page left);
/// once the body has been read, aborting changes nothing.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// `request` as a fetch request that `signal` aborts.
fn build(
    request: &HttpRequest,
    signal: &AbortSignal,
) -> Result<gloo_net::http::Request, gloo_net::Error> {
    use gloo_net::http::{Method as Http, RequestBuilder};
    let method = match request.method {
        Method::Get => Http::GET,
        Method::Post => Http::POST,
        Method::Put => Http::PUT,
        Method::Delete => Http::DELETE,
    };
    let mut builder = RequestBuilder::new(&request.url)
        .method(method)
        .abort_signal(Some(signal));
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    match &request.body {
        Some(body) => builder.body(body.as_str()),
        None => builder.build(),
    }
}

impl Transport for FetchTransport {
    /// Calls `fetch` now (not at a future's first poll, which comes after the mount).
    fn start(&self, request: HttpRequest) {
        let (Ok(controller), Some(window)) = (AbortController::new(), web_sys::window()) else {
            return;
        };
        let Ok(built) = build(&request, &controller.signal()) else {
            return;
        };
        let response = window.fetch_with_request(&built.into());
        self.adopt(request, response, controller);
    }

    fn adopt(&self, request: HttpRequest, response: js_sys::Promise, controller: AbortController) {
        let earlier = self.started.replace(Some(Started {
            request,
            response,
            controller,
        }));
        if let Some(earlier) = earlier {
            earlier.controller.abort();
        }
    }

    fn send(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
    ) -> LocalFuture<Result<HttpResponse, TransportError>> {
        let started = self.take_started(&request);
        fetch(request, signal, None, started)
    }

    fn send_watched(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
        watch: Watch,
    ) -> LocalFuture<Result<HttpResponse, TransportError>> {
        let started = self.take_started(&request);
        fetch(request, signal, Some(watch), started)
    }
}

impl FetchTransport {
    /// The request sent early, if it is `request`.
    fn take_started(&self, request: &HttpRequest) -> Option<Started> {
        self.started.borrow_mut().take_if(|s| s.request == *request)
    }
}

/// Sends `request` (or takes `started`, the same request sent early) and reads the response;
/// a `watch`ed body is read as a stream.
fn fetch(
    request: HttpRequest,
    signal: AbortSignal,
    watch: Option<Watch>,
    started: Option<Started>,
) -> LocalFuture<Result<HttpResponse, TransportError>> {
    Box::pin(async move {
        let network = |e: gloo_net::Error| {
            if signal.aborted() {
                TransportError::Aborted
            } else {
                TransportError::Network(e.to_string())
            }
        };
        let (response, _abort): (gloo_net::http::Response, _) = match started {
            Some(Started {
                response,
                controller,
                ..
            }) => {
                let abort = AbortOnDrop(controller);
                let response = JsFuture::from(response)
                    .await
                    .map_err(|e| TransportError::Network(js_message(e)))?;
                (
                    response.unchecked_into::<web_sys::Response>().into(),
                    Some(abort),
                )
            }
            None => (
                build(&request, &signal)
                    .map_err(network)?
                    .send()
                    .await
                    .map_err(network)?,
                None,
            ),
        };
        let headers = response.headers();
        let (status, status_text) = (response.status(), response.status_text());
        let (content_type, retry_after) = (headers.get("content-type"), headers.get("retry-after"));
        // The bytes, not `text()`: that decodes into a JS string only for it to be
        // encoded again into Rust's memory (tens of ms for a 50,000-user summary).
        let body = match watch {
            None => bytes(response.into()).await,
            Some(watch) => {
                let reserve = reserved(headers.get("content-length").as_deref());
                streamed(response.into(), watch, reserve).await
            }
        };
        Ok(HttpResponse {
            status,
            status_text,
            content_type,
            retry_after,
            body: utf8(body.map_err(network)?),
        })
    })
}

/// The message of a rejected fetch or body read (a `TypeError` or an `AbortError`).
pub(super) fn js_message(e: JsValue) -> String {
    e.unchecked_into::<js_sys::Error>().to_string().into()
}
