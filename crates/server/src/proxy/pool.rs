//! Keep-alive HTTP/1.1 connections to the fixed upstreams, one pool per thread: a request is
//! sent on a connection driven by its own thread's runtime, never waking another one, and no
//! lock is taken. Built on hyper's low-level client connections (`client::conn::http1`):
//! checkout is a `Vec::pop` on the upstream's idle list, not a hashed lookup through a shared
//! pool.
//!
//! Connections come back only after their response body was read to the end, so an idle one
//! is either ready or closed. One stale connection (closed by the upstream while idle, the
//! request never written) is retried once on a fresh connection, as hyper's pooled client does.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{Request, Response, Uri};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::client::conn::http1::{self, SendRequest};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use tower_service::Service;

/// The TLS-capable connector (rustls with the bundled web PKI roots; http for loopback tests).
pub type Connector = HttpsConnector<HttpConnector>;

/// Idle connections kept per upstream and thread (nginx's `keepalive 64`).
const MAX_IDLE: usize = 64;
/// An idle connection older than this is closed rather than reused.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// A connection whose response is being read; [`Conn::release`] returns it once read.
pub struct Conn {
    /// Index of its upstream in [`Pool::idle`].
    slot: usize,
    sender: SendRequest<Full<Bytes>>,
}

struct Idle {
    sender: SendRequest<Full<Bytes>>,
    since: Instant,
}

#[derive(Default)]
struct Pool {
    connector: Option<Connector>,
    /// Per upstream origin (`scheme://authority`): its idle connections, the most recently
    /// used last. Never shrinks: a proxy has two upstreams (tests start a few more).
    idle: Vec<(Box<str>, Vec<Idle>)>,
}

impl Pool {
    fn slot(&mut self, origin: &str) -> usize {
        match self.idle.iter().position(|(o, _)| **o == *origin) {
            Some(i) => i,
            None => {
                self.idle.push((origin.into(), Vec::new()));
                self.idle.len() - 1
            }
        }
    }
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
}

/// A new connector; fails if TLS cannot be set up (checked once at start-up).
pub fn connector() -> Result<Connector, String> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    // Requests are written in one go and answered at once: Nagle's delay only adds latency.
    http.set_nodelay(true);
    Ok(hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
        .map_err(|e| format!("cannot set up TLS: {e}"))?
        .https_or_http()
        .enable_http1()
        .wrap_connector(http))
}

/// Sends `request` (origin-form target, `Host` set) to `origin` on an idle connection of this
/// thread, or a new one.
pub async fn send(
    origin: &str,
    request: Request<Full<Bytes>>,
) -> Result<(Response<Incoming>, Conn), String> {
    let slot = POOL.with(|p| p.borrow_mut().slot(origin));
    let request = match checkout(slot).await {
        Some(mut sender) => match sender.try_send_request(request).await {
            Ok(response) => return Ok((response, Conn { slot, sender })),
            Err(mut e) => match e.take_message() {
                // Closed while idle, before the request was written: once more, on a new one.
                Some(request) => request,
                None => return Err(e.into_error().to_string()),
            },
        },
        None => request,
    };
    let mut sender = connect(origin).await?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| e.to_string())?;
    Ok((response, Conn { slot, sender }))
}

impl Conn {
    /// Returns the connection to this thread's pool; call once its response body was read to
    /// the end (a connection dropped instead is closed).
    pub fn release(self) {
        if self.sender.is_closed() {
            return;
        }
        POOL.with(|p| {
            let mut pool = p.borrow_mut();
            let Some((_, idle)) = pool.idle.get_mut(self.slot) else {
                return;
            };
            if idle.len() < MAX_IDLE {
                idle.push(Idle {
                    sender: self.sender,
                    since: Instant::now(),
                });
            }
        });
    }
}

/// The most recently used live connection of `slot`, once ready for a request.
async fn checkout(slot: usize) -> Option<SendRequest<Full<Bytes>>> {
    loop {
        let idle = POOL.with(|p| p.borrow_mut().idle.get_mut(slot)?.1.pop())?;
        if idle.sender.is_closed() || idle.since.elapsed() > IDLE_TIMEOUT {
            continue;
        }
        let mut sender = idle.sender;
        // Its last response was read: the connection turns ready as soon as its task runs.
        if sender.ready().await.is_ok() {
            return Some(sender);
        }
    }
}

/// A new connection to `origin`, driven by a task on this thread's runtime.
async fn connect(origin: &str) -> Result<SendRequest<Full<Bytes>>, String> {
    let mut connector = POOL.with(|p| {
        let mut pool = p.borrow_mut();
        match &pool.connector {
            Some(c) => Ok(c.clone()),
            None => {
                let c = connector()?;
                pool.connector = Some(c.clone());
                Ok::<_, String>(c)
            }
        }
    })?;
    let uri: Uri = origin
        .parse()
        .map_err(|e| format!("bad upstream {origin}: {e}"))?;
    let io = connector.call(uri).await.map_err(|e| e.to_string())?;
    let (sender, connection) = http1::handshake(io).await.map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        // Ends when the upstream closes, on an error, or once the sender is dropped.
        let _ = connection.await;
    });
    Ok(sender)
}
