//! Every operation's success path, at both path prefixes, with the exact v4 envelope.

mod common;

use common::*;
use serde_json::{json, Value};
use zt_risk_api::{Behaviors, Envelope, Integration, RiskEvents, RiskSummary, UpdateBehaviors};

fn ok(resp: &Resp) -> Value {
    let v = resp.json();
    assert_eq!(resp.status, 200, "{}", resp.body);
    assert_eq!(resp.header("content-type"), Some("application/json"));
    assert_eq!(v["success"], true);
    assert_eq!(v["errors"], json!([]));
    assert_eq!(v["messages"], json!([]));
    v
}

fn decode<T: serde::de::DeserializeOwned>(resp: &Resp) -> T {
    let env: Envelope<T> = serde_json::from_str(&resp.body).expect("typed envelope");
    env.result.expect("result")
}

#[tokio::test]
async fn summary_and_user_detail() {
    let addr = emulator().await;
    let resp = api(addr, "GET", "/summary", None).await;
    let v = ok(&resp);
    let summary: RiskSummary = decode(&resp);
    assert!(summary.users.len() > 10);
    assert_eq!(v["result_info"]["total_count"], summary.users.len());
    // Every user of an account has a mailbox of that account's demo company.
    let domain = summary.users[0]
        .email
        .split_once('@')
        .map(|(_, d)| d.to_owned());
    assert!(domain.as_deref().is_some_and(|d| d.ends_with(".example")));
    for u in &summary.users {
        assert!(zt_risk_api::validate::is_uuid(&u.user_id));
        assert!(u.email.split_once('@').map(|(_, d)| d) == domain.as_deref() && u.event_count > 0);
    }
    // Default order: riskiest first.
    assert!(summary
        .users
        .windows(2)
        .all(|w| w[0].max_risk_level >= w[1].max_risk_level));

    let first = &summary.users[0].user_id;
    let resp = api(addr, "GET", &format!("/{first}"), None).await;
    let v = ok(&resp);
    let detail: RiskEvents = decode(&resp);
    assert_eq!(detail.name, summary.users[0].name);
    assert!(!detail.events.is_empty());
    assert_eq!(
        detail.risk_level.as_ref(),
        Some(&summary.users[0].max_risk_level)
    );
    assert!(v["result"]["last_reset_time"].is_null());
    assert!(detail
        .events
        .windows(2)
        .all(|w| w[0].timestamp >= w[1].timestamp));
}

#[tokio::test]
async fn both_prefixes_serve_the_same_data() {
    let addr = emulator().await;
    let a = api(addr, "GET", "/behaviors", None).await;
    let b = send(
        addr,
        "GET",
        &format!("/accounts/{ACCOUNT}/zt_risk_scoring/behaviors"),
        &[AUTH],
        None,
    )
    .await;
    assert_eq!(ok(&a), ok(&b));
}

#[tokio::test]
async fn reset_returns_empty_object() {
    let addr = emulator().await;
    let summary: RiskSummary = decode(&api(addr, "GET", "/summary", None).await);
    let id = &summary.users[0].user_id;
    let v = ok(&api(addr, "POST", &format!("/{id}/reset"), None).await);
    assert_eq!(v["result"], json!({}));
}

#[tokio::test]
async fn behaviors_get_and_put() {
    let addr = emulator().await;
    let behaviors: Behaviors = decode(&api(addr, "GET", "/behaviors", None).await);
    assert_eq!(behaviors.behaviors.len(), 8);
    let travel = &behaviors.behaviors["imp_travel"];
    assert_eq!(travel.name, "Impossible Travel");
    assert!(
        behaviors.behaviors.contains_key("high_dlp")
            && behaviors.behaviors.contains_key("sentinel_one")
    );

    let body = r#"{"behaviors":{"high_dlp":{"enabled":false,"risk_level":"low"}}}"#;
    let resp = api(addr, "PUT", "/behaviors", Some(body)).await;
    ok(&resp);
    let result: UpdateBehaviors = decode(&resp);
    assert!(!result.behaviors["high_dlp"].enabled);
    assert_eq!(
        result.behaviors.len(),
        8,
        "the result lists every behavior after the merge"
    );
}

#[tokio::test]
async fn integrations_crud() {
    let addr = emulator().await;
    let list: Vec<Integration> = decode(&api(addr, "GET", "/integrations", None).await);
    assert_eq!(list.len(), 2, "two seeded integrations");

    let body = r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"idp-1"}"#;
    let resp = api(addr, "POST", "/integrations", Some(body)).await;
    ok(&resp);
    let created: Integration = decode(&resp);
    assert!(created.active);
    assert_eq!(created.reference_id, "idp-1");
    assert_eq!(created.account_tag, ACCOUNT);

    let got: Integration =
        decode(&api(addr, "GET", &format!("/integrations/{}", created.id), None).await);
    assert_eq!(got, created);
    let by_ref: Integration =
        decode(&api(addr, "GET", "/integrations/reference_id/idp-1", None).await);
    assert_eq!(by_ref, created);

    let update = r#"{"active":false,"tenant_url":"https://acme2.okta.com","reference_id":"idp-2"}"#;
    let updated: Integration = decode(
        &api(
            addr,
            "PUT",
            &format!("/integrations/{}", created.id),
            Some(update),
        )
        .await,
    );
    assert!(!updated.active);
    assert_eq!(
        (updated.tenant_url.as_str(), updated.reference_id.as_str()),
        ("https://acme2.okta.com", "idp-2")
    );

    let v = ok(&api(
        addr,
        "DELETE",
        &format!("/integrations/{}", created.id),
        None,
    )
    .await);
    assert_eq!(v["result"], json!({}));
    let list: Vec<Integration> = decode(&api(addr, "GET", "/integrations", None).await);
    assert_eq!(list.len(), 2);
}
