//! Sends one request the core allowed to its fixed upstream: exactly the core's headers, the
//! body read up to the core's limit, within the deadline; relays status, `Content-Type` and
//! body unchanged. Never logs or echoes credentials.
//!
//! The upstream answer is read whole (up to [`MAX_RESPONSE`]) before anything is relayed, so a
//! slow or oversized upstream still gets a clean v4 504 or 502 with CORS headers instead of a
//! truncated 200. The cost is one copy of bodies that arrive in several reads (the summary).

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, Response, Uri};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use zt_risk_proxy_core::{Forward, Reply};

use super::Out;

/// Largest upstream response relayed (a summary of many thousand users fits easily).
const MAX_RESPONSE: usize = 32 * 1024 * 1024;

/// Reads the body if the core wants one, forwards and relays; the error is the core's answer
/// (413, 502, 504) with its CORS headers.
pub async fn run(
    forward: &Forward,
    incoming: &HeaderMap,
    body: Incoming,
    timeout: Duration,
) -> Result<Response<Out>, Reply> {
    let body = match forward.body_limit {
        Some(limit) => read_limited(body, incoming, limit)
            .await
            .ok_or_else(|| forward.too_large())?,
        None => Bytes::new(),
    };
    let (origin, target) = split_url(&forward.url);
    let request = request(forward, origin, target, body).map_err(|e| {
        eprintln!("proxy: cannot build the upstream request: {e}");
        forward.upstream_down()
    })?;
    let exchange = async {
        let (response, conn) = super::pool::send(origin, request).await.map_err(|e| {
            eprintln!("proxy: upstream unreachable: {e}");
            forward.upstream_down()
        })?;
        let (parts, body) = response.into_parts();
        let bytes = Limited::new(body, MAX_RESPONSE)
            .collect()
            .await
            .map_err(|e| {
                eprintln!("proxy: upstream response failed: {e}");
                forward.upstream_down()
            })?
            .to_bytes();
        conn.release();
        Ok::<_, Reply>((
            parts.status,
            parts.headers.get(header::CONTENT_TYPE).cloned(),
            bytes,
        ))
    };
    let (status, content_type, bytes) = tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| forward.upstream_timeout(timeout.as_millis()))??;
    let mut response = Response::new(Out::Left(Full::new(bytes)));
    *response.headers_mut() = HeaderMap::with_capacity(8);
    *response.status_mut() = status;
    let h = response.headers_mut();
    if let Some(ct) = content_type {
        h.insert(header::CONTENT_TYPE, ct);
    }
    super::add_headers(h, &forward.response_headers);
    Ok(response)
}

/// The upstream request: origin-form target, `Host` from the fixed upstream, the core's headers.
fn request(
    forward: &Forward,
    origin: &str,
    target: &str,
    body: Bytes,
) -> Result<Request<Full<Bytes>>, String> {
    let mut request = Request::new(Full::new(body));
    // Host, the credential, Accept, User-Agent, maybe Content-Type: allocated once.
    *request.headers_mut() = HeaderMap::with_capacity(8);
    *request.method_mut() = method(forward.method);
    *request.uri_mut() = Uri::try_from(target).map_err(|e| e.to_string())?;
    let host = origin.split_once("://").map_or(origin, |(_, a)| a);
    let h = request.headers_mut();
    h.insert(
        header::HOST,
        HeaderValue::from_str(host).map_err(|e| e.to_string())?,
    );
    super::add_headers(h, &forward.headers);
    Ok(request)
}

/// `https://host:port/path?query` → (`https://host:port`, `/path?query`). The core builds the
/// URL from a validated upstream (no `/` in its authority) and a path starting with `/`.
fn split_url(url: &str) -> (&str, &str) {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => url.split_at(after_scheme + i),
        None => (url, "/"),
    }
}

fn method(name: &str) -> Method {
    match name {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "DELETE" => Method::DELETE,
        _ => Method::GET,
    }
}

/// The whole body, or `None` as soon as it is known to exceed `limit` bytes (declared or read).
async fn read_limited(body: Incoming, headers: &HeaderMap, limit: usize) -> Option<Bytes> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return None;
    }
    // Chunked bodies have no declared length: the limit is enforced while reading.
    Limited::new(body, limit)
        .collect()
        .await
        .ok()
        .map(|c| c.to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_cores_urls() {
        assert_eq!(
            split_url("https://api.example/client/v4/accounts/a?page=1"),
            ("https://api.example", "/client/v4/accounts/a?page=1")
        );
        assert_eq!(
            split_url("http://127.0.0.1:9/ssf/x"),
            ("http://127.0.0.1:9", "/ssf/x")
        );
        assert_eq!(split_url("http://[::1]:9"), ("http://[::1]:9", "/"));
        assert_eq!(method("DELETE"), Method::DELETE);
    }
}
