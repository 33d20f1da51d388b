//! `--rate-limit N/SECS`: N requests pass, the next is Cloudflare's 429 with `Retry-After`, and
//! once the window has slid on requests pass again. The clock is moved by hand, not slept on.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use zt_risk_server::emulator::rate_limit::{self, Clock, ManualClock, RateLimit};
use zt_risk_server::emulator::{self, Config, Emulator, TokenPolicy};

async fn limited(limit: &str) -> (std::net::SocketAddr, Arc<ManualClock>) {
    let clock = ManualClock::new();
    let config = Config {
        rate_limit: Some((
            RateLimit::parse(limit).expect("limit"),
            Clock::Manual(clock.clone()),
        )),
        ..config(TokenPolicy::Any, None)
    };
    let emulator = Emulator::start(config).expect("emulator");
    (spawn(emulator::router(emulator)).await, clock)
}

fn behaviors() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/behaviors")
}

async fn get_as(addr: std::net::SocketAddr, auth: &[(&str, &str)]) -> Resp {
    send(addr, "GET", &behaviors(), auth, None).await
}

/// Asserts Cloudflare's own 429 and returns its `Retry-After`.
fn assert_rate_limited(resp: &Resp) -> u64 {
    let v = resp.v4_error(429, 971);
    assert_eq!(v["errors"][0]["message"], rate_limit::MESSAGE);
    assert_eq!(
        v,
        serde_json::json!({"success": false, "errors": [{"code": 971, "message":
            "Please wait and consider throttling your request speed"}], "messages": [],
            "result": null})
    );
    resp.header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no integer Retry-After: {:?}", resp.headers))
}

#[tokio::test]
async fn n_pass_the_next_is_429_and_after_the_window_it_passes_again() {
    let (addr, clock) = limited("3/1").await;
    for n in 1..=3 {
        assert_eq!(get_as(addr, &[AUTH]).await.status, 200, "request {n}");
    }
    assert_eq!(assert_rate_limited(&get_as(addr, &[AUTH]).await), 1);
    clock.advance(Duration::from_millis(999));
    assert_eq!(assert_rate_limited(&get_as(addr, &[AUTH]).await), 1);
    clock.advance(Duration::from_millis(1));
    assert_eq!(get_as(addr, &[AUTH]).await.status, 200);
}

#[tokio::test]
async fn retry_after_counts_down_to_the_oldest_request_leaving_the_window() {
    let (addr, clock) = limited("2/300").await;
    assert_eq!(get_as(addr, &[AUTH]).await.status, 200);
    clock.advance(Duration::from_secs(100));
    assert_eq!(get_as(addr, &[AUTH]).await.status, 200);
    assert_eq!(assert_rate_limited(&get_as(addr, &[AUTH]).await), 200);
    clock.advance(Duration::from_millis(150_500));
    assert_eq!(assert_rate_limited(&get_as(addr, &[AUTH]).await), 50);
    clock.advance(Duration::from_millis(49_500));
    assert_eq!(
        get_as(addr, &[AUTH]).await.status,
        200,
        "the first slot freed"
    );
    assert_eq!(assert_rate_limited(&get_as(addr, &[AUTH]).await), 100);
}

#[tokio::test]
async fn each_credential_has_its_own_budget() {
    let (addr, _clock) = limited("1/60").await;
    let legacy = [("X-Auth-Email", "a@b.example"), ("X-Auth-Key", "key-1")];
    let other_email = [("X-Auth-Email", "c@d.example"), ("X-Auth-Key", "key-1")];
    assert_eq!(get_as(addr, &[AUTH]).await.status, 200);
    assert_rate_limited(&get_as(addr, &[AUTH]).await);
    assert_eq!(
        get_as(addr, &legacy).await.status,
        200,
        "another credential"
    );
    assert_rate_limited(&get_as(addr, &other_email).await);
    let bearer = [("Authorization", "Bearer key-2")];
    assert_eq!(get_as(addr, &bearer).await.status, 200);
}

#[tokio::test]
async fn every_operation_counts_but_401s_and_unknown_routes_do_not() {
    let (addr, _clock) = limited("2/60").await;
    for _ in 0..5 {
        get_as(addr, &[]).await.v4_error(401, 10000);
        send(addr, "GET", "/client/v4/elsewhere", &[AUTH], None)
            .await
            .v4_error(404, 7003);
    }
    // A refused write counts too: Cloudflare counts calls, not successes.
    let bad = api(addr, "PUT", "/behaviors", Some("{")).await;
    assert_eq!(bad.status, 400);
    assert_eq!(api(addr, "GET", "/summary", None).await.status, 200);
    assert_rate_limited(&api(addr, "GET", "/integrations", None).await);
}

#[tokio::test]
async fn off_by_default() {
    let addr = emulator().await;
    for _ in 0..40 {
        assert_eq!(get_as(addr, &[AUTH]).await.status, 200);
    }
}
