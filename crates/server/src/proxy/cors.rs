//! CORS for the proxy: exact-match origins only, the origin echoed (never `*`), `Vary: Origin`
//! always, no credentials. Must not decide which paths are forwarded (that is `allow`).

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;

/// Request headers a browser may send through the proxy (everything else is dropped anyway).
pub const ALLOWED_HEADERS: [&str; 4] = [
    "authorization",
    "content-type",
    "x-auth-email",
    "x-auth-key",
];
const ALLOW_HEADERS_VALUE: &str = "Authorization, Content-Type, X-Auth-Email, X-Auth-Key";
const ALLOW_METHODS_VALUE: &str = "GET, POST, PUT, DELETE";
/// How long a browser may cache a preflight answer, in seconds.
const MAX_AGE: &str = "600";

/// What the request's `Origin` means for this proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// No `Origin` header: not a cross-origin browser request (curl, an SDK, a same-origin GET).
    Absent,
    /// The console served by this proxy (`--dist`) calling its own origin.
    SameOrigin,
    /// An origin from `--allow-origin`, to be echoed.
    Allowed(HeaderValue),
    /// Anything else, including `null`.
    Denied,
}

/// The exact origins allowed, and whether same-origin calls are expected (`--dist`).
#[derive(Debug, Clone, Default)]
pub struct Cors {
    origins: Vec<String>,
    same_origin: bool,
}

impl Cors {
    /// `origins` must be `scheme://host[:port]` with nothing after it.
    pub fn new(origins: &[String], same_origin: bool) -> Result<Self, String> {
        let origins = origins
            .iter()
            .map(|o| {
                let o = o.trim().trim_end_matches('/');
                let valid = (o.starts_with("https://") || o.starts_with("http://"))
                    && o.splitn(3, '/').nth(2).is_some_and(|host| {
                        !host.is_empty()
                            && host
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
                    });
                if valid {
                    Ok(o.to_ascii_lowercase())
                } else {
                    Err(format!(
                        "--allow-origin {o:?} must be an origin such as https://console.example.com"
                    ))
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            origins,
            same_origin,
        })
    }

    pub fn classify(&self, headers: &HeaderMap) -> Origin {
        let Some(value) = headers.get(header::ORIGIN) else {
            return Origin::Absent;
        };
        let Ok(origin) = value.to_str() else {
            return Origin::Denied;
        };
        if self.origins.iter().any(|o| o == origin) {
            return Origin::Allowed(value.clone());
        }
        // A browser cannot forge Host, and a non-browser could simply omit Origin: comparing
        // them is a sound same-origin test for the console this proxy serves.
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        if self.same_origin
            && host.is_some_and(|h| {
                origin == format!("http://{h}") || origin == format!("https://{h}")
            })
        {
            return Origin::SameOrigin;
        }
        Origin::Denied
    }
}

/// Adds `Vary: Origin` and, for an allowed origin, the echo; used on every API response,
/// errors included, so the browser shows Cloudflare's error body to the console.
pub fn decorate(response: &mut Response, origin: &Origin) {
    let h = response.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    if let Origin::Allowed(value) = origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value.clone());
    }
}

/// The extra headers of a successful preflight answer.
pub fn preflight_headers(response: &mut Response) {
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(ALLOW_METHODS_VALUE),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static(ALLOW_HEADERS_VALUE),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static(MAX_AGE),
    );
}

/// The first requested header outside [`ALLOWED_HEADERS`], if any.
pub fn unexpected_request_header(headers: &HeaderMap) -> Option<String> {
    let requested = headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    requested
        .split(',')
        .map(|h| h.trim().to_ascii_lowercase())
        .find(|h| !h.is_empty() && !ALLOWED_HEADERS.contains(&h.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(origin: &'static str, host: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ORIGIN, HeaderValue::from_static(origin));
        h.insert(header::HOST, HeaderValue::from_static(host));
        h
    }

    #[test]
    fn exact_origins_only() {
        let cors = Cors::new(&["https://console.example.com/".into()], false)
            .unwrap_or_else(|e| panic!("{e}"));
        let allowed = cors.classify(&headers("https://console.example.com", "p"));
        assert!(matches!(allowed, Origin::Allowed(_)));
        for bad in [
            "https://console.example.com.evil.test",
            "http://console.example.com",
            "null",
        ] {
            assert_eq!(cors.classify(&headers(bad, "p")), Origin::Denied, "{bad}");
        }
        assert_eq!(cors.classify(&headers("http://p:1", "p:1")), Origin::Denied);
        let same = Cors::new(&[], true).unwrap_or_default();
        assert_eq!(
            same.classify(&headers("http://p:1", "p:1")),
            Origin::SameOrigin
        );
        assert!(Cors::new(&["*".into()], false).is_err());
        assert!(Cors::new(&["https://a.example/path".into()], false).is_err());
    }
}
