//! One data set per account: seeded from `--seed` and the account id on first use, changed
//! independently, the same catalog of behavior ids everywhere, `--fresh` for every account, and
//! a cap on how many accounts a client can make the emulator hold.

mod common;

use std::collections::BTreeSet;
use std::net::SocketAddr;

use common::*;
use serde_json::Value;
use zt_risk_server::emulator::{self, Config, Emulator, Seeding, TokenPolicy};

const OTHER: &str = "fedcba9876543210fedcba9876543210";

fn ids(list: &Value, key: &str) -> BTreeSet<String> {
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x[key].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn with(seeding: Seeding) -> SocketAddr {
    let config = Config {
        seeding,
        ..config(TokenPolicy::Any, None)
    };
    spawn(emulator::router(Emulator::start(config).expect("emulator"))).await
}

#[tokio::test]
async fn two_accounts_show_different_users_behaviors_and_integrations() {
    let addr = emulator().await;
    let (a, b) = (
        get_result(addr, ACCOUNT, "/summary").await,
        get_result(addr, OTHER, "/summary").await,
    );
    let (users_a, users_b) = (ids(&a["users"], "user_id"), ids(&b["users"], "user_id"));
    assert!(!users_a.is_empty() && !users_b.is_empty());
    assert!(users_a.is_disjoint(&users_b), "no user in both accounts");

    let (ia, ib) = (
        get_result(addr, ACCOUNT, "/integrations").await,
        get_result(addr, OTHER, "/integrations").await,
    );
    assert!(ids(&ia, "id").is_disjoint(&ids(&ib, "id")));
    assert!(ia
        .as_array()
        .is_some_and(|l| l.iter().all(|i| i["account_tag"] == ACCOUNT)));
    assert!(ib
        .as_array()
        .is_some_and(|l| l.iter().all(|i| i["account_tag"] == OTHER)));

    let (ba, bb) = (
        get_result(addr, ACCOUNT, "/behaviors").await,
        get_result(addr, OTHER, "/behaviors").await,
    );
    let keys = |v: &Value| {
        v["behaviors"]
            .as_object()
            .map(|m| m.keys().cloned().collect::<Vec<_>>())
    };
    assert_eq!(keys(&ba), keys(&bb), "one catalog of behavior ids");
    assert_eq!(keys(&ba).map(|k| k.len()), Some(8));
    assert_ne!(ba, bb, "enabled switches or levels differ");
    // A user of one account does not exist in the other.
    let first = users_a.iter().next().cloned().unwrap_or_default();
    let target = format!("/client/v4/accounts/{OTHER}/zt_risk_scoring/{first}");
    send(addr, "GET", &target, &[AUTH], None)
        .await
        .v4_error(404, 1004);
}

/// Who is in a summary, without the timestamps (offsets from each emulator's start).
fn people(summary: &Value) -> Vec<(Value, Value, Value, Value)> {
    summary["users"]
        .as_array()
        .map(|users| {
            users
                .iter()
                .map(|u| {
                    (
                        u["user_id"].clone(),
                        u["name"].clone(),
                        u["email"].clone(),
                        u["event_count"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_same_seed_and_account_give_the_same_data_and_upper_case_is_the_same_account() {
    let (one, two) = (emulator().await, emulator().await);
    let summary = get_result(one, OTHER, "/summary").await;
    assert!(!people(&summary).is_empty());
    assert_eq!(
        people(&summary),
        people(&get_result(two, OTHER, "/summary").await)
    );
    assert_eq!(
        summary,
        get_result(one, &OTHER.to_ascii_uppercase(), "/summary").await
    );
    let other_seed = with(Seeding {
        seed: 43,
        ..SEEDING
    })
    .await;
    let users = ids(
        &get_result(other_seed, OTHER, "/summary").await["users"],
        "user_id",
    );
    assert!(users.is_disjoint(&ids(&summary["users"], "user_id")));
}

#[tokio::test]
async fn writes_to_one_account_leave_the_others_alone() {
    let addr = emulator().await;
    let before_b = (
        get_result(addr, OTHER, "/summary").await,
        get_result(addr, OTHER, "/behaviors").await,
        get_result(addr, OTHER, "/integrations").await,
    );
    let summary = get_result(addr, ACCOUNT, "/summary").await;
    let user = summary["users"][0]["user_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        api(addr, "POST", &format!("/{user}/reset"), None)
            .await
            .status,
        200
    );
    let put = r#"{"behaviors":{"imp_travel":{"enabled":false,"risk_level":"low"},"high_dlp":{"enabled":false,"risk_level":"low"}}}"#;
    assert_eq!(api(addr, "PUT", "/behaviors", Some(put)).await.status, 200);
    let create = r#"{"integration_type":"Okta","tenant_url":"https://a.okta.com","reference_id":"only-in-a"}"#;
    assert_eq!(
        api(addr, "POST", "/integrations", Some(create))
            .await
            .status,
        200
    );

    let after_a = get_result(addr, ACCOUNT, "/summary").await;
    assert_ne!(after_a, summary, "account A changed");
    let after_b = (
        get_result(addr, OTHER, "/summary").await,
        get_result(addr, OTHER, "/behaviors").await,
        get_result(addr, OTHER, "/integrations").await,
    );
    assert_eq!(after_b, before_b, "account B did not");
    let target =
        format!("/client/v4/accounts/{OTHER}/zt_risk_scoring/integrations/reference_id/only-in-a");
    send(addr, "GET", &target, &[AUTH], None)
        .await
        .v4_error(404, 1004);
}

#[tokio::test]
async fn concurrent_first_requests_make_one_data_set() {
    let addr = emulator().await;
    let account = "00000000000000000000000000000abc";
    let lists = futures_join(addr, account).await;
    assert!(lists.windows(2).all(|w| w[0] == w[1]), "{lists:?}");
    assert_eq!(lists[0].as_array().map(Vec::len), Some(2));
}

async fn futures_join(addr: SocketAddr, account: &str) -> Vec<Value> {
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let account = account.to_owned();
            tokio::spawn(async move { get_result(addr, &account, "/integrations").await })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

#[tokio::test]
async fn fresh_applies_to_every_account_and_the_number_of_accounts_is_capped() {
    let addr = with(Seeding {
        fresh: true,
        ..SEEDING
    })
    .await;
    for account in [ACCOUNT, OTHER] {
        assert_eq!(
            get_result(addr, account, "/summary").await["users"],
            serde_json::json!([])
        );
        assert_eq!(
            get_result(addr, account, "/integrations").await,
            serde_json::json!([])
        );
        let behaviors = get_result(addr, account, "/behaviors").await;
        let all_off = behaviors["behaviors"]
            .as_object()
            .is_some_and(|m| m.len() == 8 && m.values().all(|b| b["enabled"] == false));
        assert!(all_off, "{behaviors}");
    }
    // The default account and the two above exist; fresh accounts are capped at 100.
    for n in 3..100 {
        get_result(addr, &format!("{n:032x}"), "/integrations").await;
    }
    let target = format!("/client/v4/accounts/{:032x}/zt_risk_scoring/summary", 100);
    let v = send(addr, "GET", &target, &[AUTH], None)
        .await
        .v4_error(503, 1013);
    assert!(v["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("--account")));
    // Accounts that exist keep working.
    get_result(addr, OTHER, "/summary").await;
}
