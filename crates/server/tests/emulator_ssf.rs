//! The SSF transmitter configuration of each integration: public, at `/ssf/...` and under
//! `/client/v4`, for integrations of any account; 404 for anything else; reachable in the demo.

mod common;

use std::net::SocketAddr;

use common::*;
use serde_json::Value;
use zt_risk_server::emulator::ssf::EVENTS;

const OTHER: &str = "fedcba9876543210fedcba9876543210";
const SSF: &str = "/ssf/.well-known/sse-configuration";

async fn integrations(addr: SocketAddr, account: &str) -> Vec<Value> {
    let target = format!("/client/v4/accounts/{account}/zt_risk_scoring/integrations");
    let v = send(addr, "GET", &target, &[AUTH], None).await.json();
    v["result"].as_array().cloned().unwrap_or_default()
}

/// Asserts an SSF 1.0 transmitter configuration for `id`, fetched without credentials.
async fn assert_document(addr: SocketAddr, path: &str, id: &str) {
    let resp = send(addr, "GET", path, &[], None).await;
    assert_eq!(resp.status, 200, "{path}: {}", resp.body);
    assert_eq!(resp.header("content-type"), Some("application/json"));
    let doc = resp.json();
    let issuer = format!("https://ssf.risk-score.teams.cloudflare.com/{id}");
    assert_eq!(doc["spec_version"], "1_0");
    assert_eq!(doc["issuer"], issuer.as_str());
    for endpoint in [
        "jwks_uri",
        "configuration_endpoint",
        "status_endpoint",
        "verification_endpoint",
    ] {
        let url = doc[endpoint].as_str().unwrap_or_default();
        assert!(
            url.starts_with(&format!("{issuer}/")),
            "{endpoint}: {url:?}"
        );
    }
    assert_eq!(
        doc["delivery_methods_supported"],
        serde_json::json!(["urn:ietf:rfc:8935", "urn:ietf:rfc:8936"])
    );
    assert_eq!(
        doc["authorization_schemes"][0]["spec_urn"],
        "urn:ietf:rfc:6749"
    );
    assert!(doc["default_subjects"] == "ALL" || doc["default_subjects"] == "NONE");
    let events = doc["events_supported"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(events.contains(&Value::from(
        "https://schemas.openid.net/secevent/caep/event-type/risk-level-change"
    )));
    assert_eq!(events.len(), EVENTS.len());
}

#[tokio::test]
async fn every_integration_has_its_document_at_both_prefixes_without_credentials() {
    let addr = emulator().await;
    let seeded = integrations(addr, ACCOUNT).await;
    assert_eq!(seeded.len(), 2);
    for integration in &seeded {
        let id = integration["id"].as_str().unwrap_or_default();
        // The integration's well_known_url stays Cloudflare's.
        assert_eq!(
            integration["well_known_url"],
            format!(
                "https://ssf.risk-score.teams.cloudflare.com/.well-known/sse-configuration/{id}"
            )
        );
        assert_document(addr, &format!("{SSF}/{id}"), id).await;
        assert_document(addr, &format!("/client/v4{SSF}/{id}"), id).await;
        assert_document(addr, &format!("{SSF}/{id}/"), id).await;
        assert_document(addr, &format!("{SSF}/{}", id.to_ascii_uppercase()), id).await;
    }
    // Another account's integrations too, once that account has been used.
    let other = integrations(addr, OTHER).await;
    let id = other[0]["id"].as_str().unwrap_or_default();
    assert_document(addr, &format!("{SSF}/{id}"), id).await;
}

#[tokio::test]
async fn created_integrations_get_one_and_deleted_ones_lose_it() {
    let addr = emulator().await;
    let body = r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com"}"#;
    let created = api(addr, "POST", "/integrations", Some(body)).await.json();
    let id = created["result"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_document(addr, &format!("/client/v4{SSF}/{id}"), &id).await;
    assert_eq!(
        api(addr, "DELETE", &format!("/integrations/{id}"), None)
            .await
            .status,
        200
    );
    send(addr, "GET", &format!("{SSF}/{id}"), &[], None)
        .await
        .v4_error(404, 1004);
}

#[tokio::test]
async fn unknown_or_malformed_ids_are_404_and_only_get_is_allowed() {
    let addr = emulator().await;
    for tail in [
        "5c6f0d52-0000-4000-8000-00000000510e",
        "not-a-uuid",
        "",
        "..%2f..%2faccounts",
        "5c6f0d52-0000-4000-8000-00000000510e/extra",
        "%3Cscript%3E",
    ] {
        send(addr, "GET", &format!("{SSF}/{tail}"), &[], None)
            .await
            .v4_error(404, 1004);
    }
    let id = integrations(addr, ACCOUNT).await[0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let post = send(addr, "POST", &format!("{SSF}/{id}"), &[AUTH], Some("{}")).await;
    post.v4_error(405, 7001);
    assert_eq!(post.header("allow"), Some("GET"));
    let head = send(addr, "HEAD", &format!("{SSF}/{id}"), &[], None).await;
    assert_eq!((head.status, head.body.as_str()), (200, ""));
    // Other /ssf paths are not routes.
    send(addr, "GET", "/ssf/.well-known/ssf-configuration", &[], None)
        .await
        .v4_error(404, 7003);
}

#[tokio::test]
async fn the_demo_serves_it_on_the_consoles_origin() {
    use zt_risk_server::{demo, emulator::TokenPolicy, static_files::Site};
    let dist = std::env::temp_dir().join(format!("zt-ssf-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).expect("mkdir");
    std::fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><title>console</title>",
    )
    .expect("write");
    let site = Site::load(&dist, &[]).expect("site");
    let emulator = emulator_with(TokenPolicy::Any, None);
    let account = emulator.default_account().to_owned();
    let addr = spawn(demo::router(site, emulator).await).await;
    let id = integrations(addr, &account).await[0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_document(addr, &format!("{SSF}/{id}"), &id).await;
    assert_document(addr, &format!("/client/v4{SSF}/{id}"), &id).await;
    // Not the SPA's index.html for an unknown one either.
    send(addr, "GET", &format!("{SSF}/nope"), &[], None)
        .await
        .v4_error(404, 1004);
    let _ = std::fs::remove_dir_all(&dist);
}
