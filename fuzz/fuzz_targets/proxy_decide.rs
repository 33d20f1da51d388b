//! The proxy's whole decision for any request, with its properties asserted: every request gets
//! a decision; a forwarded request goes to the configured upstream on a path of the allow-list
//! (matching it again gives the same operation and the same canonical path, with only that
//! operation's query parameters); CORS headers only ever name an allowed origin, and only the
//! one the request came from; credentials go to the API upstream only, unchanged, and nothing
//! else from the request is forwarded; a proxy given an account list forwards only those.
//!
//! Input: a request head (see [`parse`]), decided by two proxies: one for a console hosted
//! elsewhere with one account allowed, and one that also serves the console, any account.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zt_risk_api::validate::is_uuid;
use zt_risk_proxy_core::headers::CREDENTIALS;
use zt_risk_proxy_core::{query, route, Config, Decision, HeaderPairs, Proxy, Reply};

const API: &str = "http://127.0.0.1:9/client/v4";
const SSF: &str = "http://127.0.0.1:10";
const CONSOLE: &str = "https://console.example";
const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
const FORWARDED: [&str; 6] = [
    "authorization",
    "x-auth-email",
    "x-auth-key",
    "accept",
    "user-agent",
    "content-type",
];

/// A request head as HTTP/1.1 writes it: `METHOD TARGET [VERSION]`, then `Name: value` lines,
/// up to an empty line (CRLF or LF); what follows is the body, which the decision never reads.
struct Request<'a> {
    method: &'a str,
    target: &'a str,
    headers: Vec<(&'a str, &'a str)>,
}

fn parse(text: &str) -> Option<Request<'_>> {
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut first = lines.next()?.splitn(3, ' ');
    let (method, target) = (first.next()?, first.next()?);
    let headers = lines
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap_or((l, ""));
            (name, value.strip_prefix(' ').unwrap_or(value))
        })
        .collect();
    Some(Request {
        method,
        target,
        headers,
    })
}

fn proxies() -> &'static [Proxy; 2] {
    static PROXIES: OnceLock<[Proxy; 2]> = OnceLock::new();
    PROXIES.get_or_init(|| {
        [false, true].map(|serves_site| {
            Proxy::new(&Config {
                upstream: API.into(),
                ssf_upstream: SSF.into(),
                allowed_origins: vec![CONSOLE.into()],
                accounts: if serves_site {
                    vec![]
                } else {
                    vec![ACCOUNT.into()]
                },
                serves_site,
                max_body: 1024,
            })
            .expect("a valid configuration")
        })
    })
}

fn header<'a>(h: &'a HeaderPairs, name: &str) -> Option<&'a str> {
    h.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
}

/// CORS: at most an echo of the request's own origin, and only if it is allowed.
fn check_cors(h: &HeaderPairs, origin: Option<&str>) {
    for (name, value) in h {
        if *name == "access-control-allow-origin" {
            assert_eq!(value, CONSOLE, "a CORS header names another origin");
            assert_eq!(origin, Some(CONSOLE), "an origin echoed that was not sent");
        }
    }
    assert_eq!(header(h, "access-control-allow-credentials"), None);
}

fn check_reply(r: &Reply, origin: Option<&str>) {
    check_cors(&r.headers, origin);
    if r.status != 204 {
        assert!((400..600).contains(&r.status), "{}", r.status);
        let v: serde_json::Value = serde_json::from_str(&r.body).expect("a v4 error body");
        assert_eq!(v["success"], false);
    }
}

/// Checks a forwarded request; returns whether its operation takes a body.
fn check_forward(
    method: &str,
    url: &str,
    request: &[(&str, &str)],
    h: &HeaderPairs,
    one_account: bool,
) -> bool {
    for (name, value) in h {
        assert!(FORWARDED.contains(name), "{name} forwarded");
        if CREDENTIALS.contains(name) {
            let sent = request.iter().find(|(n, _)| n.eq_ignore_ascii_case(name));
            assert_eq!(
                sent.map(|(_, v)| *v),
                Some(value.as_ref()),
                "{name} changed"
            );
        }
    }
    if let Some(rest) = url.strip_prefix(API) {
        let (path, q) = match rest.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (rest, None),
        };
        let matched =
            route::match_route(method, path).expect("a forwarded path is on the allow-list");
        assert_eq!(matched.op.method(), method);
        assert!(
            !one_account || matched.account == ACCOUNT,
            "another account forwarded"
        );
        assert_eq!(
            matched.canonical_path().as_deref(),
            Ok(path),
            "not canonical"
        );
        let pairs = query::parse(q).expect("a forwarded query parses");
        for (key, _) in &pairs {
            assert!(
                matched.op.query_params().contains(&key.as_str()),
                "{key} forwarded"
            );
        }
        matched.op.has_body()
    } else {
        let id = url
            .strip_prefix(SSF)
            .and_then(|r| r.strip_prefix("/.well-known/sse-configuration/"))
            .expect("forwarded to a configured upstream only");
        assert!(is_uuid(id), "{id:?}");
        assert_eq!(method, "GET");
        for name in CREDENTIALS {
            assert_eq!(header(h, name), None, "a credential sent to the SSF host");
        }
        false
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(request) = std::str::from_utf8(data).ok().and_then(parse) else {
        return;
    };
    for (proxy, serves_site) in proxies().iter().zip([false, true]) {
        decide(proxy, serves_site, &request);
    }
});

fn decide(proxy: &Proxy, serves_site: bool, request: &Request) {
    let (method, target) = (request.method, request.target);
    let request = request.headers.as_slice();
    // The origin the proxy reads: the first `Origin` header, whatever its case.
    let seen_origin = request
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("origin"))
        .map(|(_, v)| *v);
    match proxy.decide(method, target, request) {
        Decision::Site => {
            assert!(serves_site && target.starts_with('/'));
            let path = target.split('?').next().unwrap_or_default();
            for api in ["/accounts/", "/client/v4/", "/ssf/"] {
                assert!(!path.starts_with(api), "an API path served as the site");
            }
        }
        Decision::Forward(f) => {
            check_cors(&f.response_headers, seen_origin);
            let body = check_forward(f.method, &f.url, request, &f.headers, !serves_site);
            assert_eq!(
                f.body_limit.is_some(),
                body,
                "a body for an operation without one"
            );
        }
        Decision::Preflight(r) => {
            assert_eq!(method, "OPTIONS");
            check_reply(&r, seen_origin);
        }
        Decision::Refuse(r) => check_reply(&r, seen_origin),
    }
}
