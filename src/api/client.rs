//! `ApiClient`: joins the base URL, sets auth, applies the time limit, aborts a page's
//! requests when it unmounts, and hands the response to `response::interpret`.
//!
//! Pages never build URLs or headers; they call the typed operations in `ops.rs`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::{select, Either};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use web_sys::AbortController;
use zt_risk_api::paths::{Method, PathError, SegmentKind};
use zt_risk_api::{Envelope, RiskSummary};
use zt_risk_summary_stream::SummaryStream;

use super::error::ApiError;
use super::response::{document, interpret, interpret_large, interpret_write, Page};
use super::transport::{HttpRequest, HttpResponse, Transport, TransportError, Watch};
use crate::memory::Memory;
use crate::session::{Connection, Session};
use crate::state::Cache;

/// A boxed, non-`Send` future borrowing the client.
type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Default time limit of one request.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// The one client, provided through context at the root.
#[derive(Clone)]
pub struct ApiClient {
    transport: Arc<dyn Transport>,
    session: Session,
    timeout_ms: u32,
}

/// A client bound to one component: its in-flight requests are aborted on unmount.
#[derive(Clone)]
pub struct Api {
    client: ApiClient,
    inflight: SendWrapper<Rc<RefCell<Vec<AbortController>>>>,
    connection: Option<Connection>,
    pub(super) cache: Option<Cache>,
    /// What the profile remembers: every summary and behaviors read is recorded there.
    pub(super) memory: Option<Memory>,
    /// Skip fresh cached reads (a Refresh button, a Retry).
    pub(super) bypass_cache: bool,
}

impl ApiClient {
    pub fn new(transport: Arc<dyn Transport>, session: Session) -> Self {
        Self {
            transport,
            session,
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }

    /// The same client with another time limit (tests use a short one).
    pub fn with_timeout_ms(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    /// Binds the client to the current component: leaving it aborts its requests.
    pub fn scoped(&self) -> Api {
        let inflight: Rc<RefCell<Vec<AbortController>>> = Rc::default();
        let on_unmount = SendWrapper::new(inflight.clone());
        on_cleanup(move || {
            for controller in on_unmount.borrow_mut().drain(..) {
                controller.abort();
            }
        });
        Api {
            client: self.clone(),
            inflight: SendWrapper::new(inflight),
            connection: None,
            cache: use_context::<Cache>(),
            memory: use_context::<Memory>(),
            bypass_cache: false,
        }
    }
}

/// An operation to perform: method, path builder result, body and needed permission.
pub struct Call {
    pub method: Method,
    pub path: Result<String, PathError>,
    pub body: Option<String>,
    pub permission: &'static str,
    /// Whether the request carries the token (every API operation; not a public document).
    pub auth: bool,
}

impl Api {
    /// The session this client reads its connection from.
    pub fn session(&self) -> Session {
        self.client.session
    }

    /// The same client, reading from the API even when a fresh cached result exists.
    pub fn uncached(mut self) -> Self {
        self.bypass_cache = true;
        self
    }

    /// The same client using `connection` instead of the session's (Settings' "Test connection").
    pub fn with_connection(mut self, connection: Connection) -> Self {
        self.connection = Some(connection);
        self.cache = None;
        self
    }

    /// The connection requests use: the override, or the session's.
    pub fn connection(&self) -> Connection {
        self.connection
            .clone()
            .unwrap_or_else(|| self.client.session.connection())
    }

    /// Performs `call` with the current connection and decodes the result.
    pub async fn send<T: DeserializeOwned>(&self, call: Call) -> Result<Page<T>, ApiError> {
        let permission = call.permission;
        // Only decoding is generic: the exchange's state machine exists once in the binary.
        interpret(&self.exchange(call, None).await?, permission)
    }

    /// [`send`](Self::send) for a write: `None` when the API answered a 2xx with no body.
    pub async fn send_write<T: DeserializeOwned>(&self, call: Call) -> Result<Option<T>, ApiError> {
        let permission = call.permission;
        interpret_write(&self.exchange(call, None).await?, permission)
    }

    /// [`send`](Self::send) for `GET /summary`, megabytes on a large tenant: its users are
    /// decoded while the body arrives ([`SummaryStream`]), so decoding overlaps the transfer.
    /// A body the stream does not take (an error, any unusual shape) is read by
    /// [`interpret_large`] as before.
    pub async fn send_summary(&self, call: Call) -> Result<Page<RiskSummary>, ApiError> {
        let permission = call.permission;
        let stream = Rc::new(RefCell::new(SummaryStream::default()));
        let watch: Watch = {
            let stream = Rc::clone(&stream);
            Box::new(move |body| stream.borrow_mut().advance(body))
        };
        let response = self.exchange(call, Some(watch)).await?;
        if (200..300).contains(&response.status) {
            if let Some(Envelope {
                result: Some(result),
                result_info,
                ..
            }) = stream.take().finish(response.body.as_bytes())
            {
                return Ok(Page {
                    result,
                    result_info,
                });
            }
        }
        interpret_large(&response, permission)
    }

    /// Performs `call` and decodes a plain JSON document (no v4 envelope).
    pub async fn send_document<T: DeserializeOwned>(&self, call: Call) -> Result<T, ApiError> {
        let permission = call.permission;
        document(&self.exchange(call, None).await?, permission)
    }

    /// Sends `call` and returns the raw response, or why none arrived.
    ///
    /// Boxed behind `dyn Future`: every typed operation awaits this one state machine through
    /// a call instead of inlining it into its own (measured: −100 B brotli).
    /// With `watch`, the body is read as it arrives ([`Transport::send_watched`]).
    fn exchange(
        &self,
        call: Call,
        watch: Option<Watch>,
    ) -> LocalFuture<'_, Result<HttpResponse, ApiError>> {
        Box::pin(self.exchange_inner(call, watch))
    }

    /// Sends `request` now, before the page that needs it has mounted: that page's first equal
    /// request takes this response instead of sending again (`Transport::start`).
    pub(crate) fn start(&self, request: HttpRequest) {
        self.client.transport.start(request);
    }

    /// Takes `request`, already sent (`boot.js` sent it), as if [`start`](Self::start) had.
    pub(crate) fn adopt(
        &self,
        request: HttpRequest,
        response: js_sys::Promise,
        controller: AbortController,
    ) {
        self.client.transport.adopt(request, response, controller);
    }

    /// The request for `call` with the current connection, and the base URL it goes to.
    pub(crate) fn request(&self, call: Call) -> Result<(HttpRequest, String), ApiError> {
        let connection = self.connection();
        let base = connection
            .api_base_url
            .trim()
            .trim_end_matches('/')
            .to_owned();
        if base.is_empty() {
            return Err(ApiError::NotConfigured(
                "No API base URL (the CORS proxy) is set.".into(),
            ));
        }
        let token = connection.token.filter(|t| !t.trim().is_empty());
        let mut headers = Vec::new();
        if call.auth {
            let Some(token) = token else {
                return Err(ApiError::NotConfigured("No API token is set.".into()));
            };
            headers.push(("Authorization", format!("Bearer {}", token.trim())));
        }
        let path = call.path.map_err(|e| match e.kind {
            SegmentKind::Account => ApiError::NotConfigured("No valid account ID is set.".into()),
            _ => ApiError::InvalidId(e.to_string()),
        })?;
        if call.body.is_some() {
            headers.push(("Content-Type", "application/json".to_owned()));
        }
        let request = HttpRequest {
            method: call.method,
            url: format!("{base}{path}"),
            headers,
            body: call.body,
        };
        Ok((request, base))
    }

    async fn exchange_inner(
        &self,
        call: Call,
        watch: Option<Watch>,
    ) -> Result<HttpResponse, ApiError> {
        let (request, base) = self.request(call)?;
        let controller = AbortController::new().map_err(|_| ApiError::Aborted)?;
        self.inflight.borrow_mut().push(controller.clone());
        let transport = &self.client.transport;
        let sending = match watch {
            Some(watch) => transport.send_watched(request, controller.signal(), watch),
            None => transport.send(request, controller.signal()),
        };
        let timer = gloo_timers::future::TimeoutFuture::new(self.client.timeout_ms);
        let outcome = select(sending, timer).await;
        self.inflight.borrow_mut().retain(|c| c != &controller);
        let outcome = match outcome {
            Either::Left((outcome, _)) => outcome,
            Either::Right(((), _)) => {
                controller.abort();
                let seconds = self.client.timeout_ms.div_ceil(1000);
                return Err(ApiError::Timeout { seconds });
            }
        };
        match outcome {
            Ok(response) => Ok(response),
            Err(TransportError::Aborted) => Err(ApiError::Aborted),
            Err(TransportError::Network(detail)) => Err(ApiError::Network {
                base_url: base,
                detail,
            }),
        }
    }
}

/// The client for the current component (aborts its requests when it unmounts).
pub fn use_api() -> Api {
    expect_context::<ApiClient>().scoped()
}
