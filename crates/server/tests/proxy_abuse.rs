//! Attempts to use the proxy for anything but the 11 risk scoring operations, the 6 Access ones
//! (their attempts in `proxy_abuse/access.rs`) and the SSF document, from allowed origins: none
//! may reach the upstream. One list of cases, run against every proxy runtime (native and the
//! Worker in workerd); a fake upstream on loopback records every request it receives and must
//! record none.

#[path = "proxy_abuse/access.rs"]
mod access;
mod common;

use common::*;

const USER: &str = "11111111-2222-4333-8444-555555555555";

fn base() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring")
}

/// A request from the console's origin with a token, `extra` header lines (and body) after.
fn req(method: &str, target: &str, extra: &str) -> String {
    format!("{method} {target} HTTP/1.1\r\nHost: proxy.test\r\nConnection: close\r\nAuthorization: Bearer t\r\nOrigin: {CONSOLE}\r\n{extra}\r\n")
}

/// A GET with a token from `origin`.
fn with_origin(origin: &str, target: &str) -> String {
    format!("GET {target} HTTP/1.1\r\nHost: proxy.test\r\nConnection: close\r\nAuthorization: Bearer t\r\nOrigin: {origin}\r\n\r\n")
}

/// What a refused attempt gets.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// This status, from the proxy's own decision.
    Status(u16),
    /// Malformed HTTP, refused by the runtime's HTTP layer or by the proxy: any error status,
    /// or the connection closed without an answer.
    Refused,
    /// An absolute-form target naming another host. The native proxy refuses it (400). workerd's
    /// HTTP layer keeps only its path (the Worker never sees the named host), so there the
    /// request may reach the one fixed upstream, as the canonical API path and nothing else.
    AbsoluteForm,
}

/// (what, raw request, expectation)
fn attempts() -> Vec<(&'static str, String, Expect)> {
    use Expect::*;
    let b = base();
    let with_auth = |auth: &str| {
        format!("GET {b}/summary HTTP/1.1\r\nHost: proxy.test\r\nConnection: close\r\nAuthorization: {auth}\r\nOrigin: {CONSOLE}\r\n\r\n")
    };
    let ssf = format!("/client/v4/ssf/.well-known/sse-configuration/{USER}");
    let mut all = vec![
        ("other API path", req("GET", "/client/v4/user/tokens/verify", ""), Status(404)),
        ("other product under the account", req("GET", &format!("/client/v4/accounts/{ACCOUNT}/gateway/rules"), ""), Status(404)),
        ("scope root", req("GET", &b, ""), Status(404)),
        ("encoded dot-dot", req("GET", &format!("{b}/%2e%2e/%2e%2e/members"), ""), Status(404)),
        ("raw dot-dot", req("GET", &format!("{b}/../../members"), ""), Status(404)),
        ("encoded slash", req("GET", &format!("{b}/summary%2f..%2f..%2fmembers"), ""), Status(404)),
        ("encoded backslash", req("GET", &format!("{b}/..%5c..%5cmembers"), ""), Status(404)),
        ("double-encoded dot-dot as a user id", req("GET", &format!("{b}/%252e%252e"), ""), Status(400)),
        ("absolute-form to another host", req("GET", &format!("http://evil.example{b}/summary"), ""), AbsoluteForm),
        ("absolute-form to the real API", req("GET", &format!("https://api.cloudflare.com{b}/summary"), ""), AbsoluteForm),
        ("CONNECT tunnel", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n".into(), Refused),
        ("PATCH behaviors", req("PATCH", &format!("{b}/behaviors"), "Content-Length: 2\r\n\r\n{}"), Status(405)),
        ("DELETE summary", req("DELETE", &format!("{b}/summary"), ""), Status(405)),
        ("TRACE", req("TRACE", &format!("{b}/summary"), ""), Refused),
        ("HEAD", req("HEAD", &format!("{b}/summary"), ""), Status(405)),
        ("disallowed origin", with_origin("https://evil.example", &format!("{b}/summary")), Status(403)),
        ("null origin", with_origin("null", &format!("{b}/summary")), Status(403)),
        ("suffix origin", with_origin("https://console.example.evil.example", &format!("{b}/summary")), Status(403)),
        ("other scheme origin", with_origin("http://console.example", &format!("{b}/summary")), Status(403)),
        ("other port origin", with_origin("https://console.example:8443", &format!("{b}/summary")), Status(403)),
        ("non-hex account", req("GET", "/client/v4/accounts/..%2f..%2fuser/zt_risk_scoring/summary", ""), Status(404)),
        ("account of 32 non-hex", req("GET", &format!("/client/v4/accounts/{}/zt_risk_scoring/summary", "z".repeat(32)), ""), Status(404)),
        ("extra query parameter", req("GET", &format!("{b}/summary?page=1&url=http://evil.example"), ""), Status(400)),
        ("query on an operation without paging", req("GET", &format!("{b}/behaviors?page=1"), ""), Status(400)),
        ("non-digit page", req("GET", &format!("{b}/summary?page=1%0d%0aX:1"), ""), Status(400)),
        ("non-UUID user id", req("GET", &format!("{b}/summary;x=1"), ""), Status(400)),
        ("CRLF in a user id", req("GET", &format!("{b}/%0d%0aHost:%20evil.example"), ""), Status(404)),
        ("non-UUID integration id", req("DELETE", &format!("{b}/integrations/*"), ""), Status(400)),
        ("bare CR in a header value", req("GET", &format!("{b}/summary"), "X-Auth-Key: a\rInjected: 1\r\n"), Refused),
        ("obs-fold header continuation", req("GET", &format!("{b}/summary"), "X-Auth-Key: a\r\n Injected: 1\r\n"), Refused),
        ("two credentials in one Authorization", with_auth("Bearer a, Bearer b"), Status(400)),
        ("Authorization with extra words", with_auth("Bearer a Injected: 1"), Status(400)),
        ("oversized body", req("PUT", &format!("{b}/behaviors"), &format!("Content-Length: 5000\r\n\r\n{}", "x".repeat(5000))), Status(413)),
        ("oversized chunked body", req("POST", &format!("{b}/integrations"), &format!("Transfer-Encoding: chunked\r\n\r\n1400\r\n{}\r\n0\r\n\r\n", "x".repeat(5120))), Status(413)),
        ("path outside the API", req("GET", "/etc/passwd", ""), Status(404)),
        ("protocol-relative path", req("GET", &format!("//evil.example{b}/summary"), ""), Status(404)),
        ("userinfo-like path", req("GET", &format!("/client/v4@evil.example{b}/summary"), ""), Status(404)),
        ("reset with GET", req("GET", &format!("{b}/{USER}/reset"), ""), Status(405)),
        ("SSF with POST", req("POST", &ssf, "Content-Length: 2\r\n\r\n{}"), Status(405)),
        ("SSF with a query", req("GET", &format!("{ssf}?x=1"), ""), Status(400)),
        ("SSF non-UUID id", req("GET", "/ssf/.well-known/sse-configuration/..%2f..%2fjwks", ""), Status(404)),
        ("SSF other document", req("GET", "/ssf/.well-known/openid-configuration", ""), Status(404)),
        ("SSF id that is not a UUID", req("GET", "/ssf/.well-known/sse-configuration/abc", ""), Status(400)),
        ("SSF from another origin", with_origin("https://evil.example", &ssf), Status(403)),
    ];
    all.extend(access::attempts());
    all
}

async fn abuse_never_reaches_the_upstream(runtime: Runtime) {
    let Some((proxy, upstream, seen)) = start_with_upstream(runtime).await else {
        return;
    };
    let attempts = attempts();
    assert!(attempts.len() >= 75);
    for (what, request, expect) in attempts {
        let resp = raw_or_closed(proxy.addr, request.as_bytes()).await;
        match (expect, &resp) {
            (Expect::Status(status), Some(r)) => {
                assert_eq!(r.status, status, "{runtime:?} {what}: {}", r.body)
            }
            (Expect::Refused, Some(r)) => {
                assert!(r.status >= 400, "{runtime:?} {what}: {}", r.status)
            }
            (Expect::Refused, None) => {}
            (Expect::AbsoluteForm, Some(r)) if runtime == Runtime::Native => {
                assert_eq!(r.status, 400, "{what}: {}", r.body)
            }
            (Expect::AbsoluteForm, Some(_)) => {
                let seen = std::mem::take(&mut *seen.lock().expect("lock"));
                for s in seen {
                    assert_eq!(s.uri, format!("{}/summary", base()), "{what}");
                    let host = s
                        .headers
                        .iter()
                        .find(|(k, _)| k == "host")
                        .map(|(_, v)| v.clone());
                    assert_eq!(
                        host,
                        Some(upstream.to_string()),
                        "{what}: another host named"
                    );
                }
            }
            (_, None) => panic!("{runtime:?} {what}: no response"),
        }
        if let Some(r) = resp
            .filter(|r| !r.body.is_empty() && r.header("content-type") == Some("application/json"))
        {
            let v = r.json();
            assert_eq!(v["success"], false, "{runtime:?} {what}");
            assert!(
                v["errors"][0]["code"].as_i64().is_some_and(|c| c >= 1000),
                "{runtime:?} {what}"
            );
        }
        assert!(
            seen.lock().expect("lock").is_empty(),
            "{runtime:?} {what} reached the upstream"
        );
    }
}

async fn account_allow_list_and_preflights(runtime: Runtime) {
    let (upstream, seen) = fake_upstream().await;
    let other = "fedcba9876543210fedcba9876543210";
    let Some(proxy) = start(runtime, upstream, &[other]).await else {
        return;
    };
    let proxy = proxy.addr;
    let r = send(
        proxy,
        "GET",
        &format!("{}/summary", base()),
        &[("Origin", CONSOLE), ("Authorization", "Bearer t")],
        None,
    )
    .await;
    r.v4_error(403, 1009);
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some(CONSOLE),
        "CORS on errors too"
    );
    let preflight = |origin: &'static str,
                     method: &'static str,
                     headers: &'static str,
                     target: String| async move {
        let extra = [
            ("Origin", origin),
            ("Access-Control-Request-Method", method),
            ("Access-Control-Request-Headers", headers),
        ];
        send(proxy, "OPTIONS", &target, &extra, None).await.status
    };
    let acct = format!("/client/v4/accounts/{other}/zt_risk_scoring");
    let (summary, behaviors) = (format!("{acct}/summary"), format!("{acct}/behaviors"));
    let (nope, unlisted) = (format!("{acct}/nope/x/y"), format!("{}/summary", base()));
    let evil = "https://evil.example";
    for (origin, method, headers, target, status) in [
        (evil, "GET", "authorization", &summary, 403),
        (CONSOLE, "PATCH", "authorization", &behaviors, 405),
        (CONSOLE, "GET", "authorization", &nope, 404),
        (
            CONSOLE,
            "GET",
            "authorization, x-forwarded-host",
            &summary,
            403,
        ),
        (CONSOLE, "GET", "authorization", &unlisted, 403),
        (
            CONSOLE,
            "PUT",
            "authorization, content-type",
            &behaviors,
            204,
        ),
    ] {
        let got = preflight(origin, method, headers, target.clone()).await;
        assert_eq!(got, status, "{origin} {method} {target} ({headers})");
    }
    assert!(
        seen.lock().expect("lock").is_empty(),
        "{runtime:?}: preflights are answered by the proxy"
    );
}

on_every_runtime!(
    abuse_never_reaches_the_upstream,
    account_allow_list_and_preflights
);
