//! A scripted `Transport` for component tests: records every request and answers from a queue.

use std::collections::VecDeque;
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

    /// A success envelope around `result` (JSON text).
    pub fn ok(result: &str) -> Self {
        Self::json(
            200,
            format!(r#"{{"success":true,"errors":[],"messages":[],"result":{result}}}"#),
        )
    }
}

/// Records requests; answers with the queued replies in order, then with `fallback`.
#[derive(Clone, Default)]
pub struct FakeTransport {
    replies: Arc<Mutex<VecDeque<FakeReply>>>,
    requests: Arc<Mutex<Vec<HttpRequest>>>,
}

impl FakeTransport {
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues the next reply.
    pub fn push(&self, reply: FakeReply) -> &Self {
        if let Ok(mut q) = self.replies.lock() {
            q.push_back(reply);
        }
        self
    }

    /// Every request sent so far.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Transport for FakeTransport {
    fn send(
        &self,
        request: HttpRequest,
        signal: AbortSignal,
    ) -> LocalFuture<Result<HttpResponse, TransportError>> {
        if let Ok(mut r) = self.requests.lock() {
            r.push(request);
        }
        let reply = self.replies.lock().ok().and_then(|mut q| q.pop_front());
        Box::pin(async move {
            match reply {
                Some(FakeReply::Respond(response)) => Ok(response),
                Some(FakeReply::Fail(error)) => Err(error),
                Some(FakeReply::Hang) | None => {
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
