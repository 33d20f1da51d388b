//! Bad input gets a 4xx v4 error with a code ≥ 1000, a clear message and a pointer; never a 500.

mod common;

use common::*;
use serde_json::Value;

const USER: &str = "11111111-2222-4333-8444-555555555555";

fn pointer(v: &Value, i: usize) -> &str {
    v["errors"][i]["source"]["pointer"]
        .as_str()
        .unwrap_or("<none>")
}

#[tokio::test]
async fn malformed_json_and_wrong_shapes() {
    let addr = emulator().await;
    for body in ["{", "not json", "{\"behaviors\": }", ""] {
        let v = api(addr, "PUT", "/behaviors", Some(body))
            .await
            .v4_error(400, 1001);
        assert_eq!(pointer(&v, 0), "", "{body}");
    }
    for body in ["[]", "42", "\"x\"", "null"] {
        api(addr, "POST", "/integrations", Some(body))
            .await
            .v4_error(400, 1003);
    }
}

#[tokio::test]
async fn behaviors_put_errors_point_at_fields() {
    let addr = emulator().await;
    let v = api(addr, "PUT", "/behaviors", Some("{}"))
        .await
        .v4_error(400, 1002);
    assert_eq!(pointer(&v, 0), "/behaviors");
    let v = api(addr, "PUT", "/behaviors", Some(r#"{"behaviors":[]}"#))
        .await
        .v4_error(400, 1003);
    assert_eq!(pointer(&v, 0), "/behaviors");
    let body = r#"{"behaviors":{"imp_travel":{"enabled":"yes","risk_level":"severe"}}}"#;
    let v = api(addr, "PUT", "/behaviors", Some(body))
        .await
        .v4_error(400, 1003);
    assert_eq!(pointer(&v, 0), "/behaviors/imp_travel/enabled");
    assert_eq!(pointer(&v, 1), "/behaviors/imp_travel/risk_level");
    assert!(v["errors"][1]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("low, medium, high"));
    let body = r#"{"behaviors":{"imp_travel":{"enabled":true}}}"#;
    let v = api(addr, "PUT", "/behaviors", Some(body))
        .await
        .v4_error(400, 1002);
    assert_eq!(pointer(&v, 0), "/behaviors/imp_travel/risk_level");
    let body = r#"{"behaviors":{"imp_travel":{"enabled":true,"risk_level":"HIGH"}}}"#;
    api(addr, "PUT", "/behaviors", Some(body))
        .await
        .v4_error(400, 1003);
    let body = r#"{"behaviors":{"imp_travel":5}}"#;
    api(addr, "PUT", "/behaviors", Some(body))
        .await
        .v4_error(400, 1003);
}

#[tokio::test]
async fn unknown_behavior_id_is_rejected_and_nothing_changes() {
    let addr = emulator().await;
    let before = api(addr, "GET", "/behaviors", None).await.json();
    let body = r#"{"behaviors":{"imp_travel":{"enabled":false,"risk_level":"low"},"no_such":{"enabled":true,"risk_level":"low"}}}"#;
    let v = api(addr, "PUT", "/behaviors", Some(body))
        .await
        .v4_error(400, 1005);
    assert_eq!(pointer(&v, 0), "/behaviors/no_such");
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("no_such"));
    assert_eq!(
        api(addr, "GET", "/behaviors", None).await.json(),
        before,
        "all or nothing"
    );
}

#[tokio::test]
async fn integration_create_and_update_errors() {
    let addr = emulator().await;
    let v = api(addr, "POST", "/integrations", Some("{}"))
        .await
        .v4_error(400, 1002);
    assert_eq!(pointer(&v, 0), "/integration_type");
    assert_eq!(pointer(&v, 1), "/tenant_url");
    let cases = [
        (
            r#"{"integration_type":"Azure","tenant_url":"https://a.okta.com"}"#,
            "/integration_type",
        ),
        (
            r#"{"integration_type":7,"tenant_url":"https://a.okta.com"}"#,
            "/integration_type",
        ),
        (
            r#"{"integration_type":"Okta","tenant_url":"not a uri"}"#,
            "/tenant_url",
        ),
        (
            r#"{"integration_type":"Okta","tenant_url":"http://a.okta.com"}"#,
            "/tenant_url",
        ),
        (
            r#"{"integration_type":"Okta","tenant_url":5}"#,
            "/tenant_url",
        ),
        (
            r#"{"integration_type":"Okta","tenant_url":"https://a.okta.com","reference_id":[]}"#,
            "/reference_id",
        ),
    ];
    for (body, at) in cases {
        let v = api(addr, "POST", "/integrations", Some(body))
            .await
            .v4_error(400, 1003);
        assert_eq!(pointer(&v, 0), at, "{body}");
    }
    let list = api(addr, "GET", "/integrations", None).await.json();
    let id = list["result"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let v = api(
        addr,
        "PUT",
        &format!("/integrations/{id}"),
        Some(r#"{"tenant_url":"https://a.okta.com"}"#),
    )
    .await
    .v4_error(400, 1002);
    assert_eq!(pointer(&v, 0), "/active");
    let v = api(
        addr,
        "PUT",
        &format!("/integrations/{id}"),
        Some(r#"{"active":"true","tenant_url":"https://a.okta.com"}"#),
    )
    .await
    .v4_error(400, 1003);
    assert_eq!(pointer(&v, 0), "/active");
}

#[tokio::test]
async fn non_uuid_ids_and_unknown_ids() {
    let addr = emulator().await;
    let v = api(addr, "GET", "/not-a-uuid", None)
        .await
        .v4_error(400, 1003);
    assert_eq!(pointer(&v, 0), "/user_id");
    api(addr, "POST", "/xyz/reset", None)
        .await
        .v4_error(400, 1003);
    let v = api(addr, "GET", "/integrations/42", None)
        .await
        .v4_error(400, 1003);
    assert_eq!(pointer(&v, 0), "/integration_id");
    api(addr, "DELETE", "/integrations/42", None)
        .await
        .v4_error(400, 1003);
    api(addr, "PUT", "/integrations/42", Some("{}"))
        .await
        .v4_error(400, 1003);

    api(addr, "GET", &format!("/{USER}"), None)
        .await
        .v4_error(404, 1004);
    api(addr, "POST", &format!("/{USER}/reset"), None)
        .await
        .v4_error(404, 1004);
    api(addr, "GET", &format!("/integrations/{USER}"), None)
        .await
        .v4_error(404, 1004);
    api(addr, "DELETE", &format!("/integrations/{USER}"), None)
        .await
        .v4_error(404, 1004);
    let body = r#"{"active":true,"tenant_url":"https://a.okta.com"}"#;
    api(addr, "PUT", &format!("/integrations/{USER}"), Some(body))
        .await
        .v4_error(404, 1004);
    api(addr, "GET", "/integrations/reference_id/nope", None)
        .await
        .v4_error(404, 1004);
}

#[tokio::test]
async fn wrong_method_and_unknown_route() {
    let addr = emulator().await;
    for (method, tail, allow) in [
        ("POST", "/summary", "GET"),
        ("DELETE", "/behaviors", "GET, PUT"),
        ("PATCH", "/integrations", "GET, POST"),
        ("POST", &format!("/{USER}") as &str, "GET"),
        ("GET", &format!("/{USER}/reset") as &str, "POST"),
        ("POST", "/integrations/reference_id/x", "GET"),
    ] {
        let resp = api(addr, method, tail, None).await;
        resp.v4_error(405, 7001);
        assert_eq!(resp.header("allow"), Some(allow), "{method} {tail}");
    }
    for target in [
        "/",
        "/client/v4/user/tokens/verify",
        &format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring"),
        &format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/summary/extra"),
        "/accounts//zt_risk_scoring/summary",
    ] {
        let v = send(addr, "GET", target, &[AUTH], None)
            .await
            .v4_error(404, 7003);
        assert_eq!(v["errors"][0]["message"], "No route for the URI");
    }
}

#[tokio::test]
async fn bad_paging_parameters() {
    let addr = emulator().await;
    for q in [
        "page=0",
        "per_page=abc",
        "order_by=name",
        "direction=sideways",
        "per_page=100000",
        "page=%zz",
    ] {
        api(addr, "GET", &format!("/summary?{q}"), None)
            .await
            .v4_error(400, 1003);
    }
    api(addr, "GET", &format!("/{USER}?order_by=event_count"), None)
        .await
        .v4_error(400, 1003);
}

#[tokio::test]
async fn oversized_body_is_413_and_nothing_is_ever_500() {
    let addr = emulator().await;
    let big = format!(r#"{{"behaviors":{{"x":"{}"}}}}"#, "a".repeat(100_000));
    api(addr, "PUT", "/behaviors", Some(&big))
        .await
        .v4_error(413, 1007);
    let junk = [
        "\u{0}",
        "{\"behaviors\":{\"\":{}}}",
        "{\"integration_type\":null,\"tenant_url\":null}",
        "{\"active\":null,\"tenant_url\":\"https://\"}",
        "[[[[[[[[[[]]]]]]]]]]",
        "{\"behaviors\":{\"imp_travel\":{\"enabled\":true,\"risk_level\":null}}}",
    ];
    for body in junk {
        for (method, tail) in [
            ("PUT", "/behaviors"),
            ("POST", "/integrations"),
            ("PUT", "/integrations/11111111-2222-4333-8444-555555555555"),
        ] {
            let resp = api(addr, method, tail, Some(body)).await;
            assert!(
                (400..500).contains(&resp.status),
                "{method} {tail} {body:?} -> {}",
                resp.status
            );
            assert_eq!(resp.json()["success"], false);
        }
    }
}
