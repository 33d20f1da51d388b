//! `proxy`: the native runtime of the CORS proxy. Every decision (route, ids, query, origin,
//! preflight, headers to forward) is `zt_risk_proxy_core`'s; this module only does the I/O:
//! reads the capped body, calls the fixed upstream within the deadline, relays status and body,
//! serves the console for [`Decision::Site`], and writes the access log.

pub mod access_log;
pub mod forward;

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use zt_risk_proxy_core::{Config, Decision, Reply};

use crate::static_files::Site;
use access_log::AccessLog;

pub use zt_risk_proxy_core::{DEFAULT_MAX_BODY, SSF_UPSTREAM};
/// Default upstream deadline.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A configured proxy.
pub struct Proxy {
    core: zt_risk_proxy_core::Proxy,
    site: Option<Site>,
    timeout: Duration,
    log: AccessLog,
}

impl Proxy {
    /// `config.serves_site` is set from `site`.
    pub fn new(
        mut config: Config,
        site: Option<Site>,
        timeout: Duration,
    ) -> Result<Arc<Self>, String> {
        config.serves_site = site.is_some();
        // Fail at start-up, not on the first request, if TLS cannot be set up.
        forward::client()?;
        Ok(Arc::new(Self {
            core: zt_risk_proxy_core::Proxy::new(&config)?,
            site,
            timeout,
            log: AccessLog::stderr(),
        }))
    }

    /// `scheme://host[:port]` of the API upstream, for the start-up line.
    pub fn upstream_origin(&self) -> String {
        self.core.upstream().origin()
    }
}

pub fn router(proxy: Arc<Proxy>) -> Router {
    Router::new().fallback(handle).with_state(proxy)
}

/// The core's view of a `HeaderMap`.
struct View<'a>(&'a HeaderMap);

impl zt_risk_proxy_core::Headers for View<'_> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.0.get(name).map(HeaderValue::as_bytes)
    }
}

/// The request target as received: origin-form as is; absolute- and authority-form targets
/// whole, so the core sees (and refuses) the host they name.
fn raw_target(uri: &Uri) -> Cow<'_, str> {
    if uri.scheme().is_some() || uri.authority().is_some() {
        return Cow::Owned(uri.to_string());
    }
    Cow::Borrowed(uri.path_and_query().map_or("/", |pq| pq.as_str()))
}

async fn handle(State(proxy): State<Arc<Proxy>>, request: Request<Body>) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let target = raw_target(&parts.uri);
    let decision = proxy
        .core
        .decide(parts.method.as_str(), &target, &View(&parts.headers));
    let response = match decision {
        Decision::Site => match &proxy.site {
            Some(site) => site.serve(&parts.method, parts.uri.path(), None).await,
            None => StatusCode::NOT_FOUND.into_response(),
        },
        Decision::Preflight(reply) | Decision::Refuse(reply) => into_response(reply),
        Decision::Forward(forward) => forward::run(&forward, &parts.headers, body, proxy.timeout)
            .await
            .unwrap_or_else(into_response),
    };
    // The path only: ids are not secrets, credentials never appear in it, the query is paging.
    proxy.log.record(
        &parts.method,
        parts.uri.path(),
        response.status().as_u16(),
        started.elapsed(),
        parts.headers.contains_key("origin"),
    );
    response
}

/// A reply of the core as an HTTP response.
pub fn into_response(reply: Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, reply.body).into_response();
    add_headers(response.headers_mut(), reply.headers);
    response
}

/// Appends headers whose names come from the core (static, lower case).
pub fn add_headers(
    target: &mut HeaderMap,
    headers: impl IntoIterator<Item = (&'static str, String)>,
) {
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::try_from(value) {
            target.insert(HeaderName::from_static(name), value);
        }
    }
}
