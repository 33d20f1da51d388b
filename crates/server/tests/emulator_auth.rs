//! Authentication and account pinning like Cloudflare's.

mod common;

use std::net::SocketAddr;

use common::*;
use zt_risk_server::emulator::{self, TokenPolicy};

const OTHER: &str = "fedcba9876543210fedcba9876543210";

fn summary(account: &str) -> String {
    format!("/client/v4/accounts/{account}/zt_risk_scoring/summary")
}

/// GET `account`'s summary from `addr` with these headers.
async fn get_summary(addr: SocketAddr, account: &str, headers: &[(&str, &str)]) -> Resp {
    send(addr, "GET", &summary(account), headers, None).await
}

#[tokio::test]
async fn missing_or_malformed_credentials_are_401() {
    let addr = emulator().await;
    for headers in [
        vec![],
        vec![("Authorization", "Bearer")],
        vec![("Authorization", "Basic dXNlcjpwYXNz")],
        vec![("X-Auth-Key", "k")],
        vec![("X-Auth-Email", "a@b.example")],
    ] {
        let v = get_summary(addr, ACCOUNT, &headers)
            .await
            .v4_error(401, 10000);
        assert_eq!(v["errors"][0]["message"], "Authentication error");
    }
}

#[tokio::test]
async fn bearer_or_email_and_key_are_accepted() {
    let addr = emulator().await;
    let r = get_summary(addr, ACCOUNT, &[("Authorization", "Bearer anything")]).await;
    assert_eq!(r.status, 200);
    let legacy = [
        ("X-Auth-Email", "admin@northwind.example"),
        ("X-Auth-Key", "0123abcd"),
    ];
    assert_eq!(get_summary(addr, ACCOUNT, &legacy).await.status, 200);
}

#[tokio::test]
async fn exact_token_policy() {
    let emu = emulator_with(TokenPolicy::Exact("s3cret".into()), None);
    let addr = spawn(emulator::router(emu)).await;
    let ok = get_summary(addr, ACCOUNT, &[("Authorization", "Bearer s3cret")]).await;
    assert_eq!(ok.status, 200);
    let legacy = [("X-Auth-Email", "a@b.example"), ("X-Auth-Key", "s3cret")];
    assert_eq!(get_summary(addr, ACCOUNT, &legacy).await.status, 200);
    for token in ["Bearer s3cre", "Bearer s3cret2", "Bearer S3CRET"] {
        get_summary(addr, ACCOUNT, &[("Authorization", token)])
            .await
            .v4_error(401, 10000);
    }
}

#[tokio::test]
async fn any_well_formed_account_unless_pinned() {
    let addr = emulator().await;
    assert_eq!(get_summary(addr, OTHER, &[AUTH]).await.status, 200);
    // An id that is not 32 hex characters names no account, pinned or not (as on Cloudflare).
    for bad in [
        "anything",
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdeg",
    ] {
        let v = get_summary(addr, bad, &[AUTH]).await.v4_error(404, 7003);
        assert!(v["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Could not route"));
    }

    let pinned = spawn(emulator::router(emulator_with(
        TokenPolicy::Any,
        Some(ACCOUNT),
    )))
    .await;
    assert_eq!(get_summary(pinned, ACCOUNT, &[AUTH]).await.status, 200);
    get_summary(pinned, OTHER, &[AUTH])
        .await
        .v4_error(403, 10000);
    let v = get_summary(pinned, "not-an-account", &[AUTH])
        .await
        .v4_error(404, 7003);
    assert!(v["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("Could not route"));
}

#[tokio::test]
async fn routes_are_checked_before_auth() {
    // Like Cloudflare: an unknown route is 404 whoever asks.
    let addr = emulator().await;
    send(addr, "GET", "/client/v4/nothing", &[], None)
        .await
        .v4_error(404, 7003);
}
