//! What is sent upstream for an allowed request: its [`Destination`] (the API or the public SSF
//! document), the only headers that go with it, and the resulting [`Forward`] with the answers
//! a runtime gives when the body is too large or the upstream fails.

use std::borrow::Cow;

use crate::headers::{self, Headers, CREDENTIALS};
use crate::reply::{Refusal, Reply};
use crate::HeaderPairs;

/// An allowed request, rebuilt from decoded values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forward {
    pub method: &'static str,
    /// Absolute upstream URL (fixed host, canonical path, re-encoded query).
    pub url: String,
    /// Headers to send upstream (lower-case names); nothing else from the request.
    pub headers: HeaderPairs,
    /// `Some(limit)`: read the request body, at most `limit` bytes, and send it; `None`: send
    /// no body whatever the request carried.
    pub body_limit: Option<usize>,
    /// Added to the relayed response (CORS, `Cache-Control`); of the upstream's headers only
    /// [`headers::RELAYED_RESPONSE`] is kept.
    pub response_headers: HeaderPairs,
}

impl Forward {
    /// The answer when the body exceeds [`Forward::body_limit`].
    pub fn too_large(&self) -> Reply {
        self.refuse(Refusal::too_large(self.body_limit.unwrap_or_default()))
    }

    /// The answer when the upstream cannot be reached.
    pub fn upstream_down(&self) -> Reply {
        self.refuse(Refusal::upstream_down())
    }

    /// The answer when the upstream has not answered within `millis`.
    pub fn upstream_timeout(&self, millis: u128) -> Reply {
        self.refuse(Refusal::upstream_timeout(millis))
    }

    fn refuse(&self, refusal: Refusal) -> Reply {
        let cors = self
            .response_headers
            .iter()
            .filter(|(n, _)| *n != "cache-control")
            .cloned()
            .collect();
        refusal.reply(cors)
    }
}

/// Where an allowed request goes.
pub(crate) enum Destination {
    /// The public SSF configuration document: `GET`, no credential, no body.
    Ssf { url: String },
    /// An API operation: its method, the caller's credential, and a JSON body if it takes one.
    Api {
        method: &'static str,
        url: String,
        body: bool,
    },
}

impl Destination {
    /// The request to send: `headers` upstream, `response_headers` added to the answer, and
    /// a body of at most `max_body` bytes for an operation that takes one.
    pub(crate) fn forward(
        self,
        headers: HeaderPairs,
        response_headers: HeaderPairs,
        max_body: usize,
    ) -> Forward {
        let (method, url, body_limit) = match self {
            Self::Ssf { url } => ("GET", url, None),
            Self::Api { method, url, body } => (method, url, body.then_some(max_body)),
        };
        Forward {
            method,
            url,
            headers,
            body_limit,
            response_headers,
        }
    }
}

/// What goes upstream: the credential to the API only (the SSF document is public), fixed
/// `Accept` and `User-Agent`, and a JSON `Content-Type` with a body; nothing else.
pub(crate) fn forward_headers<H: Headers + ?Sized>(
    headers: &H,
    destination: &Destination,
) -> Result<HeaderPairs, Refusal> {
    let mut out = Vec::with_capacity(6);
    if let Destination::Api { .. } = destination {
        for name in CREDENTIALS {
            match headers::credential(headers, name) {
                Ok(Some(value)) => out.push((name, Cow::Owned(value.to_owned()))),
                Ok(None) => {}
                Err(headers::Malformed) => {
                    return Err(Refusal::invalid(format!("The {name} header is malformed")))
                }
            }
        }
    }
    out.push(("accept", "application/json".into()));
    out.push(("user-agent", headers::USER_AGENT.into()));
    if let Destination::Api { body: true, .. } = destination {
        out.push(("content-type", "application/json".into()));
    }
    Ok(out)
}
