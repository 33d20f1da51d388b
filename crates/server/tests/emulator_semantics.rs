//! The rules of ../shared/contract/README.md: levels, reset, merge, integration life cycle,
//! reference lookup and the 2024 paging parameters.

mod common;

use common::*;
use serde_json::{json, Value};
use zt_risk_api::{Envelope, Integration, RiskEvents, RiskLevel, RiskSummary, UpdateBehaviors};

fn result<T: serde::de::DeserializeOwned>(resp: Resp) -> T {
    assert_eq!(resp.status, 200, "{}", resp.body);
    let env: Envelope<T> = serde_json::from_str(&resp.body).expect("envelope");
    env.result.expect("result")
}

async fn summary(addr: std::net::SocketAddr) -> RiskSummary {
    result(api(addr, "GET", "/summary", None).await)
}

async fn put_behavior(addr: std::net::SocketAddr, id: &str, enabled: bool, level: &str) {
    let body = json!({"behaviors": {id: {"enabled": enabled, "risk_level": level}}}).to_string();
    let _: UpdateBehaviors = result(api(addr, "PUT", "/behaviors", Some(&body)).await);
}

/// The summary counts what the contract says a level is made of: each listed user's
/// `event_count` is the number of their events since the last reset from enabled behaviors
/// (the console's `scoring::tally` of their detail), and every user with such an event is
/// listed. The detail lists more: the whole history.
#[tokio::test]
async fn the_summary_counts_the_events_since_the_reset_of_enabled_behaviors() {
    let addr = emulator().await;
    // Reset one user, so history before a reset is part of the data.
    let first = summary(addr).await.users[0].user_id.clone();
    let reset = api(addr, "POST", &format!("/{first}/reset"), None).await;
    assert_eq!(reset.status, 200, "{}", reset.body);
    let behaviors: zt_risk_api::Behaviors = result(api(addr, "GET", "/behaviors", None).await);
    let settings = behaviors.settings();
    let names = zt_risk_api::scoring::by_name(&behaviors, &settings);
    let listed = summary(addr).await.users;
    let mut differ = 0;
    for u in &listed {
        let detail: RiskEvents = result(api(addr, "GET", &format!("/{}", u.user_id), None).await);
        let tally = zt_risk_api::scoring::tally(&detail, &names);
        assert_eq!(tally.counted as u64, u.event_count, "{}", u.user_id);
        differ += usize::from(detail.events.len() as u64 != u.event_count);
    }
    assert!(
        differ > 0,
        "the demo has users whose history holds more than counts"
    );
    let first_detail: RiskEvents = result(api(addr, "GET", &format!("/{first}"), None).await);
    assert_eq!(
        zt_risk_api::scoring::tally(&first_detail, &names).counted,
        0
    );
    assert!(
        !listed.iter().any(|u| u.user_id == first),
        "a reset user leaves the summary"
    );
}

#[tokio::test]
async fn level_is_the_highest_enabled_behavior_triggered() {
    let addr = emulator().await;
    let behaviors: Value = api(addr, "GET", "/behaviors", None).await.json();
    let ids: Vec<String> = behaviors["result"]["behaviors"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    // Everything low and enabled: every listed user is low.
    for id in &ids {
        put_behavior(addr, id, true, "low").await;
    }
    let all_low = summary(addr).await;
    assert!(all_low
        .users
        .iter()
        .all(|u| u.max_risk_level == RiskLevel::Low));
    // One behavior high: exactly the users who triggered it (since any reset) become high.
    put_behavior(addr, "imp_travel", true, "high").await;
    for u in summary(addr).await.users {
        let detail: RiskEvents = result(api(addr, "GET", &format!("/{}", u.user_id), None).await);
        let triggered = detail.events.iter().any(|e| {
            e.name == "Impossible Travel" && detail.last_reset_time.is_none_or(|r| e.timestamp > r)
        });
        assert_eq!(
            u.max_risk_level == RiskLevel::High,
            triggered,
            "{}",
            u.user_id
        );
        assert_eq!(detail.risk_level, Some(u.max_risk_level.clone()));
    }
    // Disabled behaviors do not count: with all disabled, the summary is empty.
    for id in &ids {
        put_behavior(addr, id, false, "high").await;
    }
    assert!(summary(addr).await.users.is_empty());
}

#[tokio::test]
async fn reset_drops_user_from_summary_and_keeps_history() {
    let addr = emulator().await;
    let before = summary(addr).await;
    let user = before.users[0].user_id.clone();
    let history: RiskEvents = result(api(addr, "GET", &format!("/{user}"), None).await);
    let _: Value = result(api(addr, "POST", &format!("/{user}/reset"), None).await);
    let after = summary(addr).await;
    assert_eq!(after.users.len(), before.users.len() - 1);
    assert!(after.users.iter().all(|u| u.user_id != user));
    let detail: RiskEvents = result(api(addr, "GET", &format!("/{user}"), None).await);
    assert_eq!(detail.events, history.events, "history is kept");
    assert!(detail.last_reset_time.is_some());
    assert_eq!(detail.risk_level, None, "no level after a reset");
    let raw = api(addr, "GET", &format!("/{user}"), None).await.json();
    assert!(raw["result"].get("risk_level").is_none());
}

#[tokio::test]
async fn put_behaviors_merges_by_key() {
    let addr = emulator().await;
    let before: Value = api(addr, "GET", "/behaviors", None).await.json();
    put_behavior(addr, "sentinel_one", false, "high").await;
    let after: Value = api(addr, "GET", "/behaviors", None).await.json();
    let (b, a) = (
        &before["result"]["behaviors"],
        &after["result"]["behaviors"],
    );
    assert_eq!(a["sentinel_one"]["enabled"], false);
    assert_eq!(a["sentinel_one"]["risk_level"], "high");
    assert_eq!(
        a["sentinel_one"]["name"], b["sentinel_one"]["name"],
        "name unchanged"
    );
    for id in ["imp_travel", "high_dlp", "high_risk_domain"] {
        assert_eq!(a[id], b[id], "{id} untouched");
    }
    // Name and description in the body are ignored.
    let body =
        r#"{"behaviors":{"imp_travel":{"enabled":true,"risk_level":"low","name":"Renamed"}}}"#;
    let _: UpdateBehaviors = result(api(addr, "PUT", "/behaviors", Some(body)).await);
    let again: Value = api(addr, "GET", "/behaviors", None).await.json();
    assert_eq!(
        again["result"]["behaviors"]["imp_travel"]["name"],
        "Impossible Travel"
    );
}

#[tokio::test]
async fn create_fills_the_generated_fields() {
    let addr = emulator().await;
    let started = chrono::Utc::now() - chrono::Duration::seconds(1);
    let body = r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com"}"#;
    let a: Integration = result(api(addr, "POST", "/integrations", Some(body)).await);
    let b: Integration = result(
        api(
            addr,
            "POST",
            "/integrations",
            Some(body.replace('}', r#","reference_id":null}"#).as_str()),
        )
        .await,
    );
    for i in [&a, &b] {
        assert!(i.active && zt_risk_api::validate::is_uuid(&i.id));
        assert!(
            zt_risk_api::validate::is_uuid(&i.reference_id),
            "default reference id is a UUID"
        );
        assert_eq!(i.account_tag.len(), 32);
        assert!(i.account_tag.bytes().all(|c| c.is_ascii_hexdigit()));
        assert!(i.created_at >= started && i.created_at <= chrono::Utc::now());
        assert_eq!(
            i.well_known_url,
            format!(
                "https://ssf.risk-score.teams.cloudflare.com/.well-known/sse-configuration/{}",
                i.id
            )
        );
    }
    assert_ne!(a.id, b.id);
    assert_ne!(a.reference_id, b.reference_id);
}

#[tokio::test]
async fn update_overwrites_and_keeps_reference_when_absent() {
    let addr = emulator().await;
    let body = r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"ref-a"}"#;
    let created: Integration = result(api(addr, "POST", "/integrations", Some(body)).await);
    let path = format!("/integrations/{}", created.id);
    let u: Integration = result(
        api(
            addr,
            "PUT",
            &path,
            Some(r#"{"active":false,"tenant_url":"https://b.okta.com"}"#),
        )
        .await,
    );
    assert_eq!(
        (u.active, u.tenant_url.as_str(), u.reference_id.as_str()),
        (false, "https://b.okta.com", "ref-a")
    );
    let u: Integration = result(
        api(
            addr,
            "PUT",
            &path,
            Some(r#"{"active":true,"tenant_url":"https://b.okta.com","reference_id":null}"#),
        )
        .await,
    );
    assert_eq!(
        u.reference_id, "ref-a",
        "null keeps the current reference id"
    );
    assert_eq!(
        (u.id.as_str(), u.created_at, &u.integration_type),
        (
            created.id.as_str(),
            created.created_at,
            &created.integration_type
        )
    );
    // Reference ids are unique, so a lookup by reference is unambiguous.
    let other =
        r#"{"integration_type":"Okta","tenant_url":"https://c.okta.com","reference_id":"ref-a"}"#;
    api(addr, "POST", "/integrations", Some(other))
        .await
        .v4_error(409, 1006);
    let by_ref: Integration =
        result(api(addr, "GET", "/integrations/reference_id/ref-a", None).await);
    assert_eq!(by_ref.id, created.id);
}

#[tokio::test]
async fn delete_then_get_is_404() {
    let addr = emulator().await;
    let body =
        r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"gone"}"#;
    let created: Integration = result(api(addr, "POST", "/integrations", Some(body)).await);
    let path = format!("/integrations/{}", created.id);
    let _: Value = result(api(addr, "DELETE", &path, None).await);
    api(addr, "GET", &path, None).await.v4_error(404, 1004);
    api(addr, "DELETE", &path, None).await.v4_error(404, 1004);
    api(addr, "GET", "/integrations/reference_id/gone", None)
        .await
        .v4_error(404, 1004);
}

#[tokio::test]
async fn paging_ordering_and_result_info() {
    let addr = emulator().await;
    let all = summary(addr).await.users;
    let resp = api(
        addr,
        "GET",
        "/summary?page=2&per_page=5&order_by=event_count&direction=asc",
        None,
    )
    .await;
    let info = resp.json()["result_info"].clone();
    let page: RiskSummary = result(resp);
    assert_eq!(page.users.len(), 5);
    assert_eq!(
        info,
        json!({"count": 5, "page": 2, "per_page": 5, "total_count": all.len(), "total_pages": all.len().div_ceil(5)})
    );
    let mut counts: Vec<u64> = all.iter().map(|u| u.event_count).collect();
    counts.sort();
    assert_eq!(
        page.users.iter().map(|u| u.event_count).collect::<Vec<_>>(),
        counts[5..10].to_vec()
    );

    let by_time: RiskSummary = result(api(addr, "GET", "/summary?order_by=timestamp", None).await);
    assert!(by_time
        .users
        .windows(2)
        .all(|w| w[0].last_event >= w[1].last_event));

    let user = &all[0].user_id;
    let resp = api(
        addr,
        "GET",
        &format!("/{user}?per_page=1&order_by=risk_level&direction=desc"),
        None,
    )
    .await;
    assert_eq!(resp.json()["result_info"]["per_page"], 1);
    let detail: RiskEvents = result(resp);
    assert_eq!(detail.events.len(), 1);
    assert_eq!(
        detail.events[0].risk_level,
        all[0]
            .max_risk_level
            .clone()
            .max(detail.events[0].risk_level.clone())
    );
    let beyond: RiskSummary = result(api(addr, "GET", "/summary?page=999", None).await);
    assert!(beyond.users.is_empty());
}

#[tokio::test]
async fn demo_data_has_hostile_and_varied_event_details() {
    let addr = emulator().await;
    let mut hostile = 0;
    let mut shapes = std::collections::BTreeSet::new();
    let users = result::<RiskSummary>(api(addr, "GET", "/summary", None).await).users;
    for u in users {
        let raw = api(addr, "GET", &format!("/{}", u.user_id), None).await;
        hostile += raw.body.matches("<script>alert(1)</script>").count();
        for e in raw.json()["result"]["events"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            shapes.insert(match e.get("event_details") {
                None => "absent",
                Some(Value::Null) => "null",
                Some(Value::String(_)) => "string",
                Some(Value::Object(_)) => "object",
                Some(_) => "other",
            });
        }
    }
    assert!(hostile >= 2, "hostile strings present");
    assert!(shapes.len() >= 4, "{shapes:?}");
}
