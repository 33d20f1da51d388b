//! A scripted `Transport` for component tests: records every request and answers from a queue,
//! now or after a delay, and counts the requests in flight.
//!
//! Access requests (paths under `/access/`) have a script of their own ([`FakeTransport::push_access`],
//! [`FakeTransport::access_requests`]): pages load the risk scoring data and the Access data
//! independently, so the order between the two is not something a test should depend on, and a
//! test of one is not disturbed by the other (unscripted Access requests hang).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use web_sys::AbortSignal;

use super::transport::{HttpRequest, HttpResponse, LocalFuture, Transport, TransportError};

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum FakeReply {
    Respond(HttpResponse),
    Fail(TransportError),
    /// Never answers (to test time limits and aborts).
    Hang,
    /// The inner reply, after this many milliseconds.
    After(u32, Box<FakeReply>),
}

impl FakeReply {
    /// A JSON response with the given status.
    pub fn json(status: u16, body: impl Into<String>) -> Self {
        Self::Respond(HttpResponse {
            status,
            status_text: String::new(),
            content_type: Some("application/json".into()),
            retry_after: None,
            body: body.into(),
        })
    }

    /// This reply, `ms` milliseconds after the request.
    pub fn after(self, ms: u32) -> Self {
        Self::After(ms, Box::new(self))
    }

    /// Cloudflare's 429 (code 971), with `Retry-After` if given.
    pub fn rate_limited(retry_after: Option<&str>) -> Self {
        let body = r#"{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}],"messages":[],"result":null}"#;
        Self::Respond(HttpResponse {
            status: 429,
            status_text: "Too Many Requests".into(),
            content_type: Some("application/json".into()),
            retry_after: retry_after.map(str::to_owned),
            body: body.into(),
        })
    }

    /// `204 No Content`: a success with no body, as a write may answer.
    pub fn no_content() -> Self {
        Self::Respond(HttpResponse {
            status: 204,
            status_text: "No Content".into(),
            content_type: None,
            retry_after: None,
            body: String::new(),
        })
    }

    /// A success envelope around `result` (JSON text).
    pub fn ok(result: &str) -> Self {
        Self::json(
            200,
            format!(r#"{{"success":true,"errors":[],"messages":[],"result":{result}}}"#),
        )
    }
}

/// One script: the replies still to give, and the requests received.
#[derive(Clone, Default)]
struct Script {
    replies: Arc<Mutex<VecDeque<FakeReply>>>,
    requests: Arc<Mutex<Vec<HttpRequest>>>,
}

impl Script {
    fn push(&self, reply: FakeReply) {
        if let Ok(mut q) = self.replies.lock() {
            q.push_back(reply);
        }
    }

    fn requests(&self) -> Vec<HttpRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Records `request` and takes the next reply, if any.
    fn take(&self, request: HttpRequest) -> Option<FakeReply> {
        if let Ok(mut r) = self.requests.lock() {
            r.push(request);
        }
        self.replies.lock().ok().and_then(|mut q| q.pop_front())
    }
}

/// Whether `request` goes to the Access script.
fn is_access(request: &HttpRequest) -> bool {
    request.url.contains("/access/")
}

/// Records requests; answers with the queued replies in order, then hangs. Access requests
/// follow a script of their own (see the module docs).
#[derive(Clone, Default)]
pub struct FakeTransport {
    main: Script,
    access: Script,
    /// Requests sent and not yet answered, and the most there ever were.
    in_flight: Arc<(AtomicUsize, AtomicUsize)>,
}

/// Counts a request as in flight until it is answered or dropped.
struct InFlight(Arc<(AtomicUsize, AtomicUsize)>);

impl InFlight {
    fn new(counts: &Arc<(AtomicUsize, AtomicUsize)>) -> Self {
        let now = counts.0.fetch_add(1, Ordering::SeqCst) + 1;
        counts.1.fetch_max(now, Ordering::SeqCst);
        Self(counts.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0 .0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl FakeTransport {
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues the next reply to a request that is not an Access one.
    pub fn push(&self, reply: FakeReply) -> &Self {
        self.main.push(reply);
        self
    }

    /// Queues the next reply to an Access request (a path under `/access/`).
    pub fn push_access(&self, reply: FakeReply) -> &Self {
        self.access.push(reply);
        self
    }

    /// Requests sent and not answered yet.
    pub fn in_flight(&self) -> usize {
        self.in_flight.0.load(Ordering::SeqCst)
    }

    /// The most requests that were ever in flight at once.
    pub fn max_in_flight(&self) -> usize {
        self.in_flight.1.load(Ordering::SeqCst)
    }

    /// Every request sent so far, except Access ones.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.main.requests()
    }

    /// Every Access request sent so far.
    pub fn access_requests(&self) -> Vec<HttpRequest> {
        self.access.requests()
    }
}

impl Transport for FakeTransport {
    fn send(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
    ) -> LocalFuture<Result<HttpResponse, TransportError>> {
        let script = if is_access(&request) {
            &self.access
        } else {
            &self.main
        };
        let mut reply = script.take(request);
        let counted = InFlight::new(&self.in_flight);
        Box::pin(async move {
            let _counted = counted;
            while let Some(FakeReply::After(ms, inner)) = reply {
                gloo_timers::future::TimeoutFuture::new(ms).await;
                reply = Some(*inner);
            }
            match reply {
                Some(FakeReply::Respond(response)) => Ok(response),
                Some(FakeReply::Fail(error)) => Err(error),
                Some(FakeReply::Hang | FakeReply::After(..)) | None => {
                    // Wait until aborted, as a request that never answers would.
                    while !signal.aborted() {
                        gloo_timers::future::TimeoutFuture::new(10).await;
                    }
                    Err(TransportError::Aborted)
                }
            }
        })
    }
}
