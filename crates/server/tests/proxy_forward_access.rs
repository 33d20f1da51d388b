//! What the proxy forwards of Access, on every runtime (native and the Worker in workerd): each
//! of the six operations with its canonical path, query and body; and end to end against the
//! emulator, the update's preflight and the 403 of a token without Access included.

mod common;

use common::*;
use zt_risk_server::emulator;

const USER: &str = "11111111-2222-4333-8444-555555555555";

fn base() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring")
}

fn access() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/access")
}

async fn each_access_operation_is_forwarded_canonically(runtime: Runtime) {
    let Some((proxy, _, seen)) = start_with_upstream(runtime).await else {
        return;
    };
    let a = access();
    let h = [("Origin", CONSOLE), ("Authorization", "Bearer t")];
    let body = r#"{"name":"n","decision":"allow","include":[{"everyone":{}}]}"#;
    // (method, target sent, URI the upstream must see)
    let cases = [
        (
            "GET",
            format!("{a}/apps?page=2&per_page=50"),
            format!("{a}/apps?page=2&per_page=50"),
        ),
        (
            "GET",
            format!("/accounts/{ACCOUNT}/access/apps"),
            format!("{a}/apps"),
        ),
        (
            "GET",
            format!("{a}/apps/{USER}"),
            format!("{a}/apps/{USER}"),
        ),
        (
            "GET",
            format!("{a}/apps/{USER}/policies?per_page=%35"),
            format!("{a}/apps/{USER}/policies?per_page=5"),
        ),
        (
            "GET",
            format!("{a}/policies?page=1"),
            format!("{a}/policies?page=1"),
        ),
        (
            "GET",
            format!("{a}/policies/{USER}"),
            format!("{a}/policies/{USER}"),
        ),
        (
            "PUT",
            format!("{a}/policies/{USER}"),
            format!("{a}/policies/{USER}"),
        ),
    ];
    for (method, target, _) in &cases {
        let sent = (*method == "PUT").then_some(body);
        let r = send(proxy.addr, method, target, &h, sent).await;
        assert_eq!(r.status, 418, "{runtime:?} {method} {target}: {}", r.body);
        assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    }
    let seen = seen.lock().expect("lock").clone();
    let got: Vec<(String, String)> = seen
        .iter()
        .map(|s| (s.method.clone(), s.uri.clone()))
        .collect();
    let expected: Vec<(String, String)> = cases
        .iter()
        .map(|(m, _, uri)| (m.to_string(), uri.clone()))
        .collect();
    assert_eq!(got, expected, "{runtime:?}");
    for s in &seen {
        let put = s.method == "PUT";
        assert_eq!(s.header("authorization"), Some("Bearer t"));
        let json = s.header("content-type") == Some("application/json");
        assert_eq!(
            (json, s.body.is_empty()),
            (put, !put),
            "{} {}",
            s.method,
            s.uri
        );
    }
    assert_eq!(seen[6].body, body, "the update body as sent");
}

async fn access_end_to_end_against_the_emulator(runtime: Runtime) {
    let config = emulator::Config {
        access_denied_token: Some("no-access".into()),
        ..config(emulator::TokenPolicy::Any, None)
    };
    let emu = spawn(emulator::router(
        emulator::Emulator::start(config).expect("emulator"),
    ))
    .await;
    let Some(proxy) = start(runtime, emu, &[]).await else {
        return;
    };
    let proxy = proxy.addr;
    let a = access();
    let h = [("Origin", CONSOLE), AUTH];
    let get = |path: String| async move { send(proxy, "GET", &path, &h, None).await };
    let r = get(format!("{a}/apps?page=2&per_page=5")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    let v = r.json();
    assert_eq!(v["result_info"]["page"], 2);
    assert_eq!(v["result_info"]["total_count"], 16);
    let app = v["result"][0]["id"].as_str().unwrap_or_default().to_owned();
    let one = get(format!("{a}/apps/{app}")).await;
    assert_eq!(one.json()["result"], v["result"][0]);
    let policies = get(format!("{a}/apps/{app}/policies")).await;
    assert_eq!(policies.json()["result"], v["result"][0]["policies"]);
    let reusable = get(format!("{a}/policies?per_page=50")).await.json();
    let employees = reusable["result"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "Employees"))
        .cloned()
        .unwrap_or_default();
    let id = employees["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        get(format!("{a}/policies/{id}")).await.json()["result"],
        employees
    );
    // The preflight of the update, then the update itself, through the proxy.
    let preflight = [
        ("Origin", CONSOLE),
        ("Access-Control-Request-Method", "PUT"),
        (
            "Access-Control-Request-Headers",
            "authorization, content-type",
        ),
    ];
    let target = format!("{a}/policies/{id}");
    assert_eq!(
        send(proxy, "OPTIONS", &target, &preflight, None)
            .await
            .status,
        204
    );
    let body = r#"{"name":"Employees","decision":"allow","include":[{"email_domain":{"domain":"x.example"}}],"exclude":[{ "user_risk_score" : {"user_risk_score":["high","medium"]} }]}"#;
    let r = send(proxy, "PUT", &target, &h, Some(body)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body
            .contains(r#"{ "user_risk_score" : {"user_risk_score":["high","medium"]} }"#),
        "{}",
        r.body
    );
    let bad = send(proxy, "PUT", &target, &h, Some(r#"{"name":"n"}"#)).await;
    bad.v4_error(400, 1002);
    assert_eq!(bad.header("access-control-allow-origin"), Some(CONSOLE));
    // A token without Access: Cloudflare's 403 passes through, with CORS; risk scoring works.
    let denied = [("Origin", CONSOLE), ("Authorization", "Bearer no-access")];
    let r = send(proxy, "GET", &format!("{a}/apps"), &denied, None).await;
    r.v4_error(403, 10000);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    let summary = send(proxy, "GET", &format!("{}/summary", base()), &denied, None).await;
    assert_eq!(summary.status, 200);
}

on_every_runtime!(
    each_access_operation_is_forwarded_canonically,
    access_end_to_end_against_the_emulator,
);
