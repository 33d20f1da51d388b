//! The emulator's Access reads: applications, an application's policies, reusable policies,
//! paged with `result_info`; per account; `--apps` for many pages; the 403 of a token without
//! the Access permissions. (What the demo data's risk rules decide: `emulator_access_demo.rs`.)

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;
use zt_risk_server::emulator::{self, seed::DEFAULT_APPS, Config, Emulator, Seeding, TokenPolicy};

const MISSING: &str = "00000000-0000-4000-8000-000000000000";

fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn with(config: Config) -> std::net::SocketAddr {
    spawn(emulator::router(Emulator::start(config).expect("emulator"))).await
}

#[tokio::test]
async fn applications_are_paged_with_result_info() {
    let addr = emulator().await;
    let (all, info) = access_ok(addr, "/apps").await;
    assert_eq!(ids(&all).len(), DEFAULT_APPS, "one page of 20 by default");
    assert_eq!(info["total_count"], DEFAULT_APPS);
    assert_eq!(
        (info["page"].clone(), info["per_page"].clone()),
        (1.into(), 20.into())
    );
    let mut seen = Vec::new();
    for page in 1..=4 {
        let (items, info) = access_ok(addr, &format!("/apps?page={page}&per_page=5")).await;
        assert_eq!(info["count"], if page == 4 { 1 } else { 5 });
        assert_eq!(
            (info["total_pages"].clone(), info["page"].clone()),
            (4.into(), page.into())
        );
        seen.extend(ids(&items));
    }
    assert_eq!(seen, ids(&all), "every application once, in order");
    let (past, info) = access_ok(addr, "/apps?page=5&per_page=5").await;
    assert_eq!(
        (past, info["count"].clone()),
        (Value::Array(vec![]), 0.into())
    );
    for bad in ["page=0", "per_page=1001", "per_page=x"] {
        let r = access(addr, "GET", &format!("/apps?{bad}"), None).await;
        let v = r.v4_error(400, 1003);
        assert!(v["errors"][0]["source"]["pointer"].is_string(), "{bad}");
    }
}

#[tokio::test]
async fn an_application_and_its_policies() {
    let addr = emulator().await;
    let (all, _) = access_ok(addr, "/apps").await;
    for app in all.as_array().cloned().unwrap_or_default() {
        let id = app["id"].as_str().unwrap_or_default();
        let (one, _) = access_ok(addr, &format!("/apps/{id}")).await;
        assert_eq!(one, app);
        let (policies, info) = access_ok(addr, &format!("/apps/{id}/policies")).await;
        assert_eq!(policies, app["policies"], "{}", app["name"]);
        assert_eq!(
            info["total_count"],
            app["policies"].as_array().map_or(0, Vec::len)
        );
        let precedence: Vec<i64> = policies
            .as_array()
            .map(|p| p.iter().filter_map(|p| p["precedence"].as_i64()).collect())
            .unwrap_or_default();
        let expected: Vec<i64> = (1..=precedence.len() as i64).collect();
        assert_eq!(precedence, expected);
    }
    let grafana = &all[0];
    assert_eq!(
        (grafana["name"].as_str(), grafana["type"].as_str()),
        (Some("Grafana"), Some("self_hosted"))
    );
    let id = grafana["id"].as_str().unwrap_or_default();
    let (second, _) = access_ok(addr, &format!("/apps/{id}/policies?page=2&per_page=1")).await;
    assert_eq!(second[0], grafana["policies"][1]);
    access(addr, "GET", &format!("/apps/{MISSING}"), None)
        .await
        .v4_error(404, 1004);
    access(addr, "GET", &format!("/apps/{MISSING}/policies"), None)
        .await
        .v4_error(404, 1004);
    let v = access(addr, "GET", "/apps/grafana", None)
        .await
        .v4_error(400, 1003);
    assert_eq!(v["errors"][0]["source"]["pointer"], "/app_id");
}

#[tokio::test]
async fn reusable_policies_count_their_applications() {
    let addr = emulator().await;
    let (policies, info) = access_ok(addr, "/policies").await;
    assert_eq!(info["total_count"], 9);
    let (apps, _) = access_ok(addr, "/apps").await;
    let used_by = |id: &str| {
        apps.as_array()
            .map(|a| {
                a.iter()
                    .filter(|app| ids(&app["policies"]).iter().any(|p| p == id))
                    .count()
            })
            .unwrap_or_default()
    };
    for policy in policies.as_array().cloned().unwrap_or_default() {
        let id = policy["id"].as_str().unwrap_or_default();
        assert_eq!(policy["reusable"], true);
        assert_eq!(policy["app_count"], used_by(id), "{}", policy["name"]);
        let (one, _) = access_ok(addr, &format!("/policies/{id}")).await;
        assert_eq!(one, policy);
    }
    // An application's own policy is not a reusable one.
    let hr = apps
        .as_array()
        .and_then(|a| a.iter().find(|a| a["name"] == "HR Portal"))
        .cloned();
    let own = hr.map(|hr| {
        hr["policies"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    });
    access(
        addr,
        "GET",
        &format!("/policies/{}", own.unwrap_or_default()),
        None,
    )
    .await
    .v4_error(404, 1004);
    let v = access(addr, "GET", "/policies/x", None)
        .await
        .v4_error(400, 1003);
    assert_eq!(v["errors"][0]["source"]["pointer"], "/policy_id");
}

#[tokio::test]
async fn each_account_has_its_own_access_data_and_fresh_has_none() {
    let addr = emulator().await;
    let other = "fedcba9876543210fedcba9876543210";
    let get = |account: &'static str| async move {
        let target = format!("/client/v4/accounts/{account}/access/apps");
        send(addr, "GET", &target, &[AUTH], None).await.json()["result"].clone()
    };
    let (a, b) = (get(ACCOUNT).await, get(other).await);
    let names = |apps: &Value| -> Vec<String> {
        apps.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x["name"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(names(&a), names(&b), "the same demo applications");
    let (ia, ib): (BTreeSet<String>, BTreeSet<String>) =
        (ids(&a).into_iter().collect(), ids(&b).into_iter().collect());
    assert!(ia.is_disjoint(&ib), "ids of their own");
    assert_ne!(
        a[0]["domain"], b[0]["domain"],
        "each account's demo company"
    );
    let fresh = with(Config {
        seeding: Seeding {
            fresh: true,
            ..SEEDING
        },
        ..config(TokenPolicy::Any, None)
    })
    .await;
    let (apps, info) = access_ok(fresh, "/apps").await;
    assert_eq!(
        (apps, info["total_count"].clone()),
        (Value::Array(vec![]), 0.into())
    );
    assert_eq!(access_ok(fresh, "/policies").await.0, Value::Array(vec![]));
}

#[tokio::test]
async fn a_thousand_applications_over_many_pages() {
    let addr = with(Config {
        seeding: Seeding {
            apps: 1000,
            users: 5,
            ..SEEDING
        },
        ..config(TokenPolicy::Any, None)
    })
    .await;
    let mut seen = BTreeSet::new();
    let mut page = 1;
    // As the SDK iterates: the next page until one comes back empty.
    loop {
        let (items, info) = access_ok(addr, &format!("/apps?page={page}&per_page=50")).await;
        let got = ids(&items);
        if got.is_empty() {
            break;
        }
        assert_eq!(info["total_count"], 1000);
        assert_eq!(info["total_pages"], 20);
        seen.extend(got);
        page += 1;
    }
    assert_eq!((seen.len(), page), (1000, 21));
    let (last, _) = access_ok(addr, "/apps?page=20&per_page=50").await;
    assert_eq!(last[49]["name"], "App 1000");
    // Fewer than the demo set: the first N.
    let few = with(Config {
        seeding: Seeding { apps: 3, ..SEEDING },
        ..config(TokenPolicy::Any, None)
    })
    .await;
    let (apps, _) = access_ok(few, "/apps").await;
    assert_eq!(apps.as_array().map(Vec::len), Some(3));
}

#[tokio::test]
async fn a_token_without_access_permission_gets_403_and_risk_scoring_still_works() {
    let addr = with(Config {
        access_denied_token: Some("no-access".into()),
        ..config(TokenPolicy::Any, None)
    })
    .await;
    let denied = [("Authorization", "Bearer no-access")];
    let legacy = [("X-Auth-Email", "a@b.example"), ("X-Auth-Key", "no-access")];
    for headers in [&denied[..], &legacy[..]] {
        for tail in [
            "/apps",
            &format!("/apps/{MISSING}"),
            "/policies",
            &format!("/policies/{MISSING}"),
        ] {
            let target = format!("/client/v4/accounts/{ACCOUNT}/access{tail}");
            send(addr, "GET", &target, headers, None)
                .await
                .v4_error(403, 10000);
        }
        let put = format!("/client/v4/accounts/{ACCOUNT}/access/policies/{MISSING}");
        send(addr, "PUT", &put, headers, Some("{}"))
            .await
            .v4_error(403, 10000);
        let summary = format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/summary");
        assert_eq!(send(addr, "GET", &summary, headers, None).await.status, 200);
    }
    assert_eq!(
        access(addr, "GET", "/apps", None).await.status,
        200,
        "other tokens"
    );
}
