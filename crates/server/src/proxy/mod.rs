//! `proxy`: the native runtime of the CORS proxy. Every decision (route, ids, query, origin,
//! preflight, headers to forward) is `zt_risk_proxy_core`'s; this module only does the I/O:
//! reads the capped body, calls the fixed upstream within the deadline, relays status and body,
//! serves the console for [`Decision::Site`], and writes the access log. [`serve`] runs it on
//! hyper's HTTP/1.1 server directly (no router or middleware: the core is the router).

pub mod access_log;
pub mod forward;
mod pool;
pub mod serve;

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode, Uri};
use http_body_util::{Either, Full};
use hyper::body::Incoming;
use zt_risk_proxy_core::{Config, Decision, HeaderPairs, Reply};

use crate::static_files::Site;
use access_log::AccessLog;

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
        pool::connector()?;
        Ok(Arc::new(Self {
            core: zt_risk_proxy_core::Proxy::new(&config).map_err(|e| e.to_string())?,
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

/// A response body: the proxy's own or relayed bytes, or a file of the console.
pub type Out = Either<Full<Bytes>, Body>;

/// The core's view of a `HeaderMap`.
struct View<'a>(&'a HeaderMap);

impl zt_risk_proxy_core::Headers for View<'_> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        match known_name(name) {
            Some(known) => self.0.get(known),
            None => self.0.get(name),
        }
        .map(HeaderValue::as_bytes)
    }
}

const X_AUTH_EMAIL: HeaderName = HeaderName::from_static("x-auth-email");
const X_AUTH_KEY: HeaderName = HeaderName::from_static("x-auth-key");

/// The prebuilt name of a header the core reads or writes: no parsing per request.
fn known_name(name: &str) -> Option<HeaderName> {
    Some(match name {
        "origin" => header::ORIGIN,
        "host" => header::HOST,
        "authorization" => header::AUTHORIZATION,
        "x-auth-email" => X_AUTH_EMAIL,
        "x-auth-key" => X_AUTH_KEY,
        "access-control-request-method" => header::ACCESS_CONTROL_REQUEST_METHOD,
        "access-control-request-headers" => header::ACCESS_CONTROL_REQUEST_HEADERS,
        "accept" => header::ACCEPT,
        "user-agent" => header::USER_AGENT,
        "content-type" => header::CONTENT_TYPE,
        "cache-control" => header::CACHE_CONTROL,
        "vary" => header::VARY,
        "allow" => header::ALLOW,
        "access-control-allow-origin" => header::ACCESS_CONTROL_ALLOW_ORIGIN,
        "access-control-allow-methods" => header::ACCESS_CONTROL_ALLOW_METHODS,
        "access-control-allow-headers" => header::ACCESS_CONTROL_ALLOW_HEADERS,
        "access-control-max-age" => header::ACCESS_CONTROL_MAX_AGE,
        _ => return None,
    })
}

/// The request target as received: origin-form as is; absolute- and authority-form targets
/// whole, so the core sees (and refuses) the host they name.
fn raw_target(uri: &Uri) -> Cow<'_, str> {
    if uri.scheme().is_some() || uri.authority().is_some() {
        return Cow::Owned(uri.to_string());
    }
    Cow::Borrowed(uri.path_and_query().map_or("/", |pq| pq.as_str()))
}

/// Answers one request: the core decides, this does the I/O and logs one line.
pub async fn handle(proxy: &Proxy, request: Request<Incoming>) -> Response<Out> {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let target = raw_target(&parts.uri);
    let decision = proxy
        .core
        .decide(parts.method.as_str(), &target, &View(&parts.headers));
    let response = match decision {
        Decision::Site => match &proxy.site {
            Some(site) => site
                .serve(&parts.method, parts.uri.path(), None)
                .await
                .map(Either::Right),
            None => {
                let mut r = Response::new(Out::Left(Full::default()));
                *r.status_mut() = StatusCode::NOT_FOUND;
                r
            }
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
pub fn into_response(reply: Reply) -> Response<Out> {
    let mut response = Response::new(Out::Left(Full::new(Bytes::from(reply.body))));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    add_headers(response.headers_mut(), &reply.headers);
    response
}

/// Sets headers whose names come from the core (static, lower case); its fixed values are
/// used in place, without a copy.
pub fn add_headers(target: &mut HeaderMap, headers: &HeaderPairs) {
    for (name, value) in headers {
        let value = match value {
            Cow::Borrowed(fixed) => {
                HeaderValue::from_maybe_shared(Bytes::from_static(fixed.as_bytes()))
            }
            Cow::Owned(taken) => HeaderValue::from_str(taken),
        };
        if let Ok(value) = value {
            let name = known_name(name).unwrap_or_else(|| HeaderName::from_static(name));
            target.insert(name, value);
        }
    }
}
