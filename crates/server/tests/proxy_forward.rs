//! What the proxy forwards, and how, on every runtime (native and the Worker in workerd):
//! canonical path, only the needed headers, status and body unchanged, CORS on every answer,
//! 502/504 as v4 errors, the SSF document without credentials; and end to end against the
//! emulator. (The Access operations: `proxy_forward_access.rs`.)

mod common;

use common::*;
use zt_risk_server::emulator;

const USER: &str = "11111111-2222-4333-8444-555555555555";
const SLOW: &str = "5c6f0d52-0000-4000-8000-00000000510e";

fn base() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring")
}

const FORBIDDEN: [&str; 6] = [
    "cookie",
    "origin",
    "x-forwarded-host",
    "proxy-authorization",
    "te",
    "upgrade",
];

/// The console's origin with every credential a client may send: a token, the legacy email and
/// key, a cookie.
const CREDENTIALS: [(&str, &str); 5] = [
    ("Origin", CONSOLE),
    ("Authorization", "Bearer secret-token"),
    ("X-Auth-Email", "admin@northwind.example"),
    ("X-Auth-Key", "legacy-key"),
    ("Cookie", "session=abc"),
];

async fn forwards_allowed_requests_with_only_the_needed_headers(runtime: Runtime) {
    let Some((proxy, upstream, seen)) = start_with_upstream(runtime).await else {
        return;
    };
    // The credentials, and spoofing and hop-by-hop headers that must not be forwarded.
    let headers = [
        &CREDENTIALS[..],
        &[
            ("X-Forwarded-Host", "evil.example"),
            ("Proxy-Authorization", "Basic Zm9vOmJhcg=="),
            ("Te", "trailers"),
            ("Upgrade", "websocket"),
        ],
    ]
    .concat();
    let target = format!("/accounts/{ACCOUNT}/zt_risk_scoring/summary?page=2&per_page=10");
    let r = send(proxy.addr, "GET", &target, &headers, None).await;
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
    assert_eq!(s.uri, format!("{}/summary?page=2&per_page=10", base()));
    let names: Vec<&str> = s.headers.iter().map(|(k, _)| k.as_str()).collect();
    for forbidden in FORBIDDEN {
        assert!(
            !names.contains(&forbidden),
            "{forbidden} forwarded: {names:?}"
        );
    }
    assert_eq!(s.header("authorization"), Some("Bearer secret-token"));
    assert_eq!(s.header("x-auth-email"), Some("admin@northwind.example"));
    assert_eq!(s.header("x-auth-key"), Some("legacy-key"));
    assert_eq!(
        s.header("host"),
        Some(upstream.to_string().as_str()),
        "host from --upstream"
    );
}

async fn bodies_are_forwarded_as_json_and_reset_without_body(runtime: Runtime) {
    let Some((proxy, _, seen)) = start_with_upstream(runtime).await else {
        return;
    };
    let body = r#"{"behaviors":{"imp_travel":{"enabled":true,"risk_level":"high"}}}"#;
    let auth = [("Authorization", "Bearer t")];
    let r = send(
        proxy.addr,
        "PUT",
        &format!("{}/behaviors", base()),
        &auth,
        Some(body),
    )
    .await;
    assert_eq!(r.status, 418);
    let reset = format!("{}/{USER}/reset", base());
    let r = send(proxy.addr, "POST", &reset, &auth, Some("{\"x\":1}")).await;
    assert_eq!(r.status, 418);
    let seen = seen.lock().expect("lock").clone();
    assert_eq!(seen[0].body, body);
    assert_eq!(seen[0].header("content-type"), Some("application/json"));
    assert_eq!(seen[1].uri, reset);
    assert_eq!(seen[1].body, "", "reset carries no body");
}

async fn ssf_configuration_is_fetched_without_credentials(runtime: Runtime) {
    let Some((proxy, _, seen)) = start_with_upstream(runtime).await else {
        return;
    };
    for prefix in ["", "/client/v4"] {
        let target = format!("{prefix}/ssf/.well-known/sse-configuration/{USER}");
        let r = send(proxy.addr, "GET", &target, &CREDENTIALS, None).await;
        assert_eq!(r.status, 418, "{target}: {}", r.body);
        assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    }
    let seen = seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 2);
    for s in &seen {
        assert_eq!(s.method, "GET");
        assert_eq!(s.uri, format!("/ssf/.well-known/sse-configuration/{USER}"));
        for secret in [
            "authorization",
            "x-auth-email",
            "x-auth-key",
            "cookie",
            "origin",
        ] {
            assert!(s.header(secret).is_none(), "{secret} sent to the SSF host");
        }
    }
}

async fn upstream_timeout_is_504_and_down_is_502(runtime: Runtime) {
    let Some((proxy, _, _)) = start_with_upstream(runtime).await else {
        return;
    };
    let h = [("Origin", CONSOLE), ("Authorization", "Bearer t")];
    let r = send(proxy.addr, "GET", &format!("{}/{SLOW}", base()), &h, None).await;
    r.v4_error(504, 1011);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));

    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr")
    };
    let Some(proxy) = start(runtime, closed, &[]).await else {
        return;
    };
    let r = send(proxy.addr, "GET", &format!("{}/summary", base()), &h, None).await;
    r.v4_error(502, 1010);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
}

async fn end_to_end_against_the_emulator(runtime: Runtime) {
    let emu = spawn(emulator::router(emulator_with(
        emulator::TokenPolicy::Any,
        None,
    )))
    .await;
    let Some(proxy) = start(runtime, emu, &[]).await else {
        return;
    };
    let proxy = proxy.addr;
    let h = [("Origin", CONSOLE), AUTH];
    let get = |path: String| async move { send(proxy, "GET", &path, &h, None).await };
    let r = get(format!("{}/summary?page=1&per_page=5", base())).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    let users = r.json()["result"]["users"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(users.len(), 5);
    let user = users[0]["user_id"].as_str().unwrap_or_default().to_owned();
    let detail = get(format!("{}/{user}", base())).await;
    assert_eq!(detail.status, 200, "{}", detail.body);
    let r = get(format!("{}/behaviors", base())).await;
    assert_eq!(r.status, 200);
    assert!(r.json()["result"]["behaviors"]["imp_travel"].is_object());
    // Upstream errors pass through unchanged, with CORS so the console can read them.
    let r = get(format!("{}/{USER}", base())).await;
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
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    let bad = r#"{"behaviors":{"nope":{"enabled":true,"risk_level":"high"}}}"#;
    let r = send(
        proxy,
        "PUT",
        &format!("{}/behaviors", base()),
        &h,
        Some(bad),
    )
    .await;
    r.v4_error(400, 1005);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
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
    let id = r.json()["result"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let update = r#"{"active":false,"tenant_url":"https://acme.okta.com"}"#;
    let integration = format!("{}/integrations/{id}", base());
    let r = send(proxy, "PUT", &integration, &h, Some(update)).await;
    assert_eq!(r.json()["result"]["active"], false, "{}", r.body);
    let reference = r.json()["result"]["reference_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let by_ref = get(format!("{}/integrations/reference_id/{reference}", base())).await;
    assert_eq!(by_ref.json()["result"]["id"], id.as_str());
    assert_eq!(get(format!("{}/integrations", base())).await.status, 200);
    let r = send(proxy, "DELETE", &integration, &h, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    get(integration).await.v4_error(404, 1004);
    let r = send(proxy, "POST", &format!("{}/{user}/reset", base()), &h, None).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

on_every_runtime!(
    forwards_allowed_requests_with_only_the_needed_headers,
    bodies_are_forwarded_as_json_and_reset_without_body,
    ssf_configuration_is_fetched_without_credentials,
    upstream_timeout_is_504_and_down_is_502,
    end_to_end_against_the_emulator,
);
