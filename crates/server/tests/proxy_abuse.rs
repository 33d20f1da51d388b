//! Attempts to use the proxy for anything but the 11 operations, from allowed origins: none may
//! reach the upstream. A fake upstream on loopback records every request it receives.

mod common;

use common::*;

const USER: &str = "11111111-2222-4333-8444-555555555555";

fn base() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring")
}

/// (what, raw request, expected status)
fn attempts() -> Vec<(&'static str, String, u16)> {
    let b = base();
    let req = |method: &str, target: &str, extra: &str| {
        format!("{method} {target} HTTP/1.1\r\nHost: proxy.test\r\nConnection: close\r\nAuthorization: Bearer t\r\nOrigin: {CONSOLE}\r\n{extra}\r\n")
    };
    let with_origin = |origin: &str, target: &str| {
        format!("GET {target} HTTP/1.1\r\nHost: proxy.test\r\nConnection: close\r\nAuthorization: Bearer t\r\nOrigin: {origin}\r\n\r\n")
    };
    vec![
        ("other API path", req("GET", "/client/v4/user/tokens/verify", ""), 404),
        ("other product under the account", req("GET", &format!("/client/v4/accounts/{ACCOUNT}/access/apps"), ""), 404),
        ("scope root", req("GET", &b, ""), 404),
        ("encoded dot-dot", req("GET", &format!("{b}/%2e%2e/%2e%2e/members"), ""), 404),
        ("raw dot-dot", req("GET", &format!("{b}/../../members"), ""), 404),
        ("encoded slash", req("GET", &format!("{b}/summary%2f..%2f..%2fmembers"), ""), 404),
        ("encoded backslash", req("GET", &format!("{b}/..%5c..%5cmembers"), ""), 404),
        ("double-encoded dot-dot as a user id", req("GET", &format!("{b}/%252e%252e"), ""), 400),
        ("absolute-form to another host", req("GET", &format!("http://evil.example{b}/summary"), ""), 400),
        ("absolute-form to the real API", req("GET", &format!("https://api.cloudflare.com{b}/summary"), ""), 400),
        ("CONNECT tunnel", "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n".into(), 400),
        ("PATCH behaviors", req("PATCH", &format!("{b}/behaviors"), "Content-Length: 2\r\n\r\n{}"), 405),
        ("DELETE summary", req("DELETE", &format!("{b}/summary"), ""), 405),
        ("TRACE", req("TRACE", &format!("{b}/summary"), ""), 405),
        ("HEAD", req("HEAD", &format!("{b}/summary"), ""), 405),
        ("disallowed origin", with_origin("https://evil.example", &format!("{b}/summary")), 403),
        ("null origin", with_origin("null", &format!("{b}/summary")), 403),
        ("suffix origin", with_origin("https://console.example.evil.example", &format!("{b}/summary")), 403),
        ("other scheme origin", with_origin("http://console.example", &format!("{b}/summary")), 403),
        ("other port origin", with_origin("https://console.example:8443", &format!("{b}/summary")), 403),
        ("non-hex account", req("GET", "/client/v4/accounts/..%2f..%2fuser/zt_risk_scoring/summary", ""), 404),
        ("account of 32 non-hex", req("GET", &format!("/client/v4/accounts/{}/zt_risk_scoring/summary", "z".repeat(32)), ""), 404),
        ("extra query parameter", req("GET", &format!("{b}/summary?page=1&url=http://evil.example"), ""), 400),
        ("query on an operation without paging", req("GET", &format!("{b}/behaviors?page=1"), ""), 400),
        ("non-digit page", req("GET", &format!("{b}/summary?page=1%0d%0aX:1"), ""), 400),
        ("non-UUID user id", req("GET", &format!("{b}/summary;x=1"), ""), 400),
        ("CRLF in a user id", req("GET", &format!("{b}/%0d%0aHost:%20evil.example"), ""), 404),
        ("non-UUID integration id", req("DELETE", &format!("{b}/integrations/*"), ""), 400),
        ("bare CR in a header value", req("GET", &format!("{b}/summary"), "X-Auth-Key: a\rInjected: 1\r\n"), 400),
        ("obs-fold header continuation", req("GET", &format!("{b}/summary"), "X-Auth-Key: a\r\n Injected: 1\r\n"), 400),
        ("oversized body", req("PUT", &format!("{b}/behaviors"), &format!("Content-Length: 5000\r\n\r\n{}", "x".repeat(5000))), 413),
        ("oversized chunked body", req("POST", &format!("{b}/integrations"), &format!("Transfer-Encoding: chunked\r\n\r\n1400\r\n{}\r\n0\r\n\r\n", "x".repeat(5120))), 413),
        ("path outside the API", req("GET", "/etc/passwd", ""), 404),
        ("protocol-relative path", req("GET", &format!("//evil.example{b}/summary"), ""), 404),
        ("userinfo-like path", req("GET", &format!("/client/v4@evil.example{b}/summary"), ""), 404),
        ("reset with GET", req("GET", &format!("{b}/{USER}/reset"), ""), 405),
    ]
}

#[tokio::test]
async fn abuse_never_reaches_the_upstream() {
    let (upstream, seen) = fake_upstream().await;
    let proxy = proxy_to(upstream, &[]).await;
    let attempts = attempts();
    assert!(attempts.len() >= 20);
    for (what, request, status) in attempts {
        let resp = raw(proxy, request.as_bytes()).await;
        assert_eq!(resp.status, status, "{what}: {}", resp.body);
        if !resp.body.is_empty() && resp.header("content-type") == Some("application/json") {
            let v = resp.json();
            assert_eq!(v["success"], false, "{what}");
            assert!(
                v["errors"][0]["code"].as_i64().is_some_and(|c| c >= 1000),
                "{what}"
            );
        }
        assert!(
            seen.lock().expect("lock").is_empty(),
            "{what} reached the upstream"
        );
    }
}

#[tokio::test]
async fn account_allow_list_and_preflights() {
    let (upstream, seen) = fake_upstream().await;
    let other = "fedcba9876543210fedcba9876543210";
    let proxy = proxy_to(upstream, &[other]).await;
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
        send(proxy, "OPTIONS", &target, &extra, None).await
    };
    let acct = format!("/client/v4/accounts/{other}/zt_risk_scoring");
    assert_eq!(
        preflight(
            "https://evil.example",
            "GET",
            "authorization",
            format!("{acct}/summary")
        )
        .await
        .status,
        403
    );
    assert_eq!(
        preflight(
            CONSOLE,
            "PATCH",
            "authorization",
            format!("{acct}/behaviors")
        )
        .await
        .status,
        405
    );
    assert_eq!(
        preflight(CONSOLE, "GET", "authorization", format!("{acct}/nope/x/y"))
            .await
            .status,
        404
    );
    assert_eq!(
        preflight(
            CONSOLE,
            "GET",
            "authorization, x-forwarded-host",
            format!("{acct}/summary")
        )
        .await
        .status,
        403
    );
    assert_eq!(
        preflight(
            CONSOLE,
            "GET",
            "authorization",
            format!("{}/summary", base())
        )
        .await
        .status,
        403
    );
    let ok = preflight(
        CONSOLE,
        "PUT",
        "authorization, content-type",
        format!("{acct}/behaviors"),
    )
    .await;
    assert_eq!(ok.status, 204);
    assert!(
        seen.lock().expect("lock").is_empty(),
        "preflights are answered by the proxy"
    );
}
