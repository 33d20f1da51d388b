//! CORS for the proxy: exact-match origins only, the origin echoed (never `*`), `Vary: Origin`
//! always, no credentials. Must not decide which paths are forwarded (that is `route`/`allow`).

use std::borrow::Cow;

use crate::config::ConfigError;
use crate::headers::ALLOWED;
use crate::HeaderPairs;

const ALLOW_HEADERS_VALUE: &str = "Authorization, Content-Type, X-Auth-Email, X-Auth-Key";
const ALLOW_METHODS_VALUE: &str = "GET, POST, PUT, DELETE";
/// How long a browser may cache a preflight answer, in seconds.
const MAX_AGE: &str = "600";

/// What the request's `Origin` means for this proxy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin<'a> {
    /// No `Origin` header: not a cross-origin browser request (curl, an SDK, a same-origin GET).
    Absent,
    /// The console served by this proxy's own origin calling it.
    SameOrigin,
    /// An allowed origin, to be echoed.
    Allowed(&'a str),
    /// Anything else, including `null`.
    Denied,
}

/// The exact origins allowed, and whether same-origin calls are expected (console served too).
#[derive(Debug, Clone, Default)]
pub struct Cors {
    origins: Vec<String>,
    same_origin: bool,
}

impl Cors {
    /// `origins` must be `scheme://host[:port]` with nothing after it.
    pub fn new(origins: &[String], same_origin: bool) -> Result<Self, ConfigError> {
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
                    Err(ConfigError::Origin {
                        value: o.to_owned(),
                    })
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            origins,
            same_origin,
        })
    }

    /// Whether the proxy also serves the console (same-origin calls expected).
    pub fn same_origin(&self) -> bool {
        self.same_origin
    }

    /// Classifies the `Origin` header given the request's `Host`.
    pub fn classify<'a>(&self, origin: Option<&'a [u8]>, host: Option<&[u8]>) -> Origin<'a> {
        let Some(origin) = origin else {
            return Origin::Absent;
        };
        let Ok(origin) = std::str::from_utf8(origin) else {
            return Origin::Denied;
        };
        if self.origins.iter().any(|o| o == origin) {
            return Origin::Allowed(origin);
        }
        // A browser cannot forge Host, and a non-browser could simply omit Origin: comparing
        // them is a sound same-origin test for the console this proxy serves.
        let host = host.and_then(|h| std::str::from_utf8(h).ok());
        let same = host.is_some_and(|h| {
            let rest = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            !h.is_empty() && rest == Some(h)
        });
        if self.same_origin && same {
            return Origin::SameOrigin;
        }
        Origin::Denied
    }
}

/// `Vary: Origin` and, for an allowed origin, the echo; on every API answer, errors included,
/// so the browser shows Cloudflare's error body to the console.
pub fn response_headers(origin: &Origin) -> HeaderPairs {
    let mut h = Vec::with_capacity(5);
    h.push(("vary", Cow::Borrowed("Origin")));
    if let Origin::Allowed(value) = origin {
        h.push((
            "access-control-allow-origin",
            Cow::Owned((*value).to_owned()),
        ));
    }
    h
}

/// The extra headers of a successful preflight answer.
pub const PREFLIGHT: [(&str, &str); 3] = [
    ("access-control-allow-methods", ALLOW_METHODS_VALUE),
    ("access-control-allow-headers", ALLOW_HEADERS_VALUE),
    ("access-control-max-age", MAX_AGE),
];

/// The first header named in `Access-Control-Request-Headers` outside [`ALLOWED`], if any.
pub fn unexpected_request_header(requested: Option<&[u8]>) -> Option<String> {
    let requested = String::from_utf8_lossy(requested.unwrap_or_default());
    requested
        .split(',')
        .map(|h| h.trim().to_ascii_lowercase())
        .find(|h| !h.is_empty() && !ALLOWED.contains(&h.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(cors: &Cors, origin: &'static str, host: &'static str) -> Origin<'static> {
        cors.classify(Some(origin.as_bytes()), Some(host.as_bytes()))
    }

    #[test]
    fn exact_origins_only() {
        let cors = Cors::new(&["https://console.example.com/".into()], false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            classify(&cors, "https://console.example.com", "p"),
            Origin::Allowed("https://console.example.com")
        );
        for bad in [
            "https://console.example.com.evil.test",
            "http://console.example.com",
            "https://console.example.com:443",
            "https://CONSOLE.example.com",
            "null",
            "",
        ] {
            assert_eq!(classify(&cors, bad, "p"), Origin::Denied, "{bad}");
        }
        assert_eq!(cors.classify(None, None), Origin::Absent);
        assert_eq!(cors.classify(Some(b"\xff"), None), Origin::Denied);
        assert_eq!(classify(&cors, "http://p:1", "p:1"), Origin::Denied);
        let same = Cors::new(&[], true).unwrap_or_default();
        assert_eq!(classify(&same, "http://p:1", "p:1"), Origin::SameOrigin);
        assert_eq!(classify(&same, "http://p:1", "p:2"), Origin::Denied);
        assert_eq!(classify(&same, "http://", ""), Origin::Denied);
        assert!(Cors::new(&["*".into()], false).is_err());
        assert!(Cors::new(&["https://a.example/path".into()], false).is_err());
    }

    #[test]
    fn preflight_headers_and_cors_echo() {
        assert_eq!(
            unexpected_request_header(Some(b"Authorization, content-type")),
            None
        );
        assert_eq!(
            unexpected_request_header(Some(b"authorization, x-forwarded-host")).as_deref(),
            Some("x-forwarded-host")
        );
        assert_eq!(unexpected_request_header(None), None);
        let h = response_headers(&Origin::Allowed("https://a.example"));
        assert!(h.contains(&("access-control-allow-origin", "https://a.example".into())));
        assert_eq!(
            response_headers(&Origin::Absent),
            vec![("vary", "Origin".into())]
        );
    }
}
