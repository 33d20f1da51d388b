//! `proxy`: a CORS proxy in front of the Cloudflare API that forwards only the 11 risk scoring
//! operations, to one fixed upstream, for exact origins; optionally serving the console too.
//! Order of checks: request form → origin → route → account/ids/query → body → forward.

pub mod allow;
pub mod cors;
pub mod forward;
pub mod upstream;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::envelope::{ApiError, INVALID, ORIGIN};
use crate::ops::{self, RouteError};
use crate::static_files::Site;
use cors::{Cors, Origin};

/// Default cap on a forwarded request body.
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;
/// Default upstream deadline.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A configured proxy.
pub struct Proxy {
    pub upstream: upstream::Upstream,
    pub cors: Cors,
    pub accounts: allow::Accounts,
    pub site: Option<Site>,
    pub timeout: Duration,
    pub max_body: usize,
    client: forward::Client,
}

impl Proxy {
    pub fn new(
        upstream: upstream::Upstream,
        cors: Cors,
        accounts: allow::Accounts,
        site: Option<Site>,
        timeout: Duration,
        max_body: usize,
    ) -> Result<Arc<Self>, String> {
        Ok(Arc::new(Self {
            upstream,
            cors,
            accounts,
            site,
            timeout,
            max_body,
            client: forward::client()?,
        }))
    }
}

pub fn router(proxy: Arc<Proxy>) -> Router {
    Router::new().fallback(handle).with_state(proxy)
}

fn is_api_path(path: &str) -> bool {
    path.starts_with("/accounts/") || path.starts_with("/client/v4/")
}

async fn handle(State(proxy): State<Arc<Proxy>>, request: Request<Body>) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    // The path only: ids are not secrets, credentials never appear in it, the query is paging.
    let target = request.uri().path().to_owned();
    let has_origin = request.headers().contains_key(header::ORIGIN);
    let response = respond(&proxy, request).await;
    eprintln!(
        "{} proxy {method} {} -> {} {}ms{}",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"),
        target.escape_debug(),
        response.status().as_u16(),
        started.elapsed().as_millis(),
        if has_origin { " (cors)" } else { "" },
    );
    response
}

async fn respond(proxy: &Proxy, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    // Absolute-form (`GET http://host/...`) and authority-form (`CONNECT host:443`) targets
    // name a host: refuse them, the host comes from --upstream only.
    if parts.uri.scheme().is_some() || parts.uri.authority().is_some() {
        return ApiError::bad_request(INVALID, "Only origin-form request targets are accepted")
            .into_response();
    }
    let path = parts.uri.path();
    if !is_api_path(path) {
        if let Some(site) = &proxy.site {
            return site.serve(&parts.method, path, None).await;
        }
    }
    let origin = proxy.cors.classify(&parts.headers);
    let mut response = match api(proxy, &parts, body, &origin).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    cors::decorate(&mut response, &origin);
    response
}

async fn api(
    proxy: &Proxy,
    parts: &axum::http::request::Parts,
    body: Body,
    origin: &Origin,
) -> Result<Response, ApiError> {
    if *origin == Origin::Denied {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ORIGIN,
            "Origin not allowed by this proxy",
        ));
    }
    let preflight = parts.method == Method::OPTIONS;
    let method = if preflight {
        // A preflight asks about the method it names; without an allowed origin it is no CORS.
        if !matches!(origin, Origin::Allowed(_)) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ORIGIN,
                "Preflight from an origin that is not allowed",
            ));
        }
        parts
            .headers
            .get(header::ACCESS_CONTROL_REQUEST_METHOD)
            .and_then(|m| Method::from_bytes(m.as_bytes()).ok())
            .ok_or_else(|| ApiError::method_not_allowed("GET, POST, PUT, DELETE"))?
    } else {
        parts.method.clone()
    };
    let matched = ops::match_route(&method, parts.uri.path()).map_err(|e| match e {
        RouteError::NoRoute => ApiError::no_route(),
        RouteError::Method(allow) => ApiError::method_not_allowed(allow),
    })?;
    let (path, query) = allow::plan(&matched, &proxy.accounts, parts.uri.query())?;
    if preflight {
        if let Some(h) = cors::unexpected_request_header(&parts.headers) {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ORIGIN,
                format!("Request header {h:?} is not allowed"),
            ));
        }
        let mut response = StatusCode::NO_CONTENT.into_response();
        cors::preflight_headers(&mut response);
        return Ok(response);
    }
    let body = if matched.op.has_body() {
        Some(crate::body::read_limited(body, &parts.headers, proxy.max_body).await?)
    } else {
        None
    };
    let uri = proxy
        .upstream
        .uri(&path, query.as_deref())
        .map_err(|e| ApiError::bad_request(INVALID, e))?;
    forward::send(
        &proxy.client,
        method,
        uri,
        &parts.headers,
        body,
        proxy.timeout,
    )
    .await
}
