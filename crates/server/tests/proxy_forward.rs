//! What the proxy forwards, and how: canonical path, only the needed headers, status and body
//! unchanged, CORS on every answer, 502/504 as v4 errors; and end to end against the emulator.

mod common;

use common::*;
use zt_risk_server::emulator;

const USER: &str = "11111111-2222-4333-8444-555555555555";
const SLOW: &str = "5c6f0d52-0000-4000-8000-00000000510e";

fn base() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring")
}

#[tokio::test]
async fn forwards_allowed_requests_with_only_the_needed_headers() {
    let (upstream, seen) = fake_upstream().await;
    let proxy = proxy_to(upstream, &[]).await;
    let headers = [
        ("Origin", CONSOLE),
        ("Authorization", "Bearer secret-token"),
        ("Cookie", "session=abc"),
        ("X-Forwarded-Host", "evil.example"),
        ("X-Auth-Email", "admin@northwind.example"),
        ("X-Auth-Key", "legacy-key"),
        ("Proxy-Authorization", "Basic Zm9vOmJhcg=="),
        ("Te", "trailers"),
        ("Upgrade", "websocket"),
    ];
    let r = send(
        proxy,
        "GET",
        &format!("/accounts/{ACCOUNT}/zt_risk_scoring/summary?page=2&per_page=10"),
        &headers,
        None,
    )
    .await;
    assert_eq!(r.status, 418, "status passed through");
    assert!(r.body.contains("from upstream"), "body passed through");
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    assert_eq!(r.header("vary"), Some("Origin"));
    assert!(
        r.header("set-cookie").is_none(),
        "upstream cookies are not relayed"
    );
    assert!(r.header("access-control-allow-credentials").is_none());

    let seen = seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 1);
    let s = &seen[0];
    assert_eq!(s.method, "GET");
    assert_eq!(
        s.uri,
        format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/summary?page=2&per_page=10")
    );
    let names: Vec<&str> = s.headers.iter().map(|(k, _)| k.as_str()).collect();
    for forbidden in [
        "cookie",
        "origin",
        "x-forwarded-host",
        "proxy-authorization",
        "te",
        "upgrade",
    ] {
        assert!(
            !names.contains(&forbidden),
            "{forbidden} forwarded: {names:?}"
        );
    }
    let get = |n: &str| {
        s.headers
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("authorization"), Some("Bearer secret-token"));
    assert_eq!(get("x-auth-email"), Some("admin@northwind.example"));
    assert_eq!(get("x-auth-key"), Some("legacy-key"));
    assert_eq!(
        get("host"),
        Some(upstream.to_string().as_str()),
        "host comes from --upstream"
    );
}

#[tokio::test]
async fn bodies_are_forwarded_as_json_and_reset_without_body() {
    let (upstream, seen) = fake_upstream().await;
    let proxy = proxy_to(upstream, &[]).await;
    let body = r#"{"behaviors":{"imp_travel":{"enabled":true,"risk_level":"high"}}}"#;
    let r = send(
        proxy,
        "PUT",
        &format!("{}/behaviors", base()),
        &[("Authorization", "Bearer t")],
        Some(body),
    )
    .await;
    assert_eq!(r.status, 418);
    let r = send(
        proxy,
        "POST",
        &format!("{}/{USER}/reset", base()),
        &[("Authorization", "Bearer t")],
        Some("{\"x\":1}"),
    )
    .await;
    assert_eq!(r.status, 418);
    let seen = seen.lock().expect("lock").clone();
    assert_eq!(seen[0].body, body);
    assert!(seen[0]
        .headers
        .iter()
        .any(|(k, v)| k == "content-type" && v == "application/json"));
    assert_eq!(seen[1].uri, format!("{}/{USER}/reset", base()));
    assert_eq!(seen[1].body, "", "reset carries no body");
}

#[tokio::test]
async fn upstream_timeout_is_504_and_down_is_502() {
    let (upstream, _) = fake_upstream().await;
    let proxy = proxy_to(upstream, &[]).await;
    let r = send(
        proxy,
        "GET",
        &format!("{}/{SLOW}", base()),
        &[("Origin", CONSOLE), ("Authorization", "Bearer t")],
        None,
    )
    .await;
    r.v4_error(504, 1011);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));

    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr")
    };
    let proxy = proxy_to(closed, &[]).await;
    let r = send(
        proxy,
        "GET",
        &format!("{}/summary", base()),
        &[("Origin", CONSOLE), ("Authorization", "Bearer t")],
        None,
    )
    .await;
    r.v4_error(502, 1010);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
}

#[tokio::test]
async fn end_to_end_against_the_emulator() {
    let emu = spawn(emulator::router(emulator_with(
        emulator::TokenPolicy::Any,
        None,
    )))
    .await;
    let proxy = proxy_to(emu, &[]).await;
    let h = [("Origin", CONSOLE), AUTH];
    let r = send(proxy, "GET", &format!("{}/summary", base()), &h, None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    assert!(r.json()["result"]["users"]
        .as_array()
        .is_some_and(|u| !u.is_empty()));
    // Upstream errors pass through unchanged, with CORS so the console can read them.
    let r = send(proxy, "GET", &format!("{}/{USER}", base()), &h, None).await;
    r.v4_error(404, 1004);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    let r = send(
        proxy,
        "GET",
        &format!("{}/summary", base()),
        &[("Origin", CONSOLE)],
        None,
    )
    .await;
    r.v4_error(401, 10000);
    let body = r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com"}"#;
    let r = send(
        proxy,
        "POST",
        &format!("{}/integrations", base()),
        &h,
        Some(body),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}
