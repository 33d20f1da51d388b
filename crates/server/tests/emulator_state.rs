//! `--state FILE`: the real binary is killed with SIGKILL right after each acknowledged write
//! and restarted; nothing acknowledged may be lost, in any account, and an account made on
//! first use comes back as it was. A version 1 (one account) file still loads. Also checks the
//! "prints its URL" contract.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use common::*;
use serde_json::Value;

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(state: &Path) -> Server {
    start_with(state, &["--account", ACCOUNT])
}

fn start_with(state: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zt-risk-server"))
        .args(["emulate", "--listen", "127.0.0.1:0", "--users", "20"])
        .args(extra)
        .arg("--state")
        .arg(state)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start zt-risk-server");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("ready line");
    let url = line.trim();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with('/'),
        "{url}"
    );
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("addr");
    Server { child, addr }
}

/// SIGKILL: no destructor, no flush, no graceful shutdown.
fn kill9(mut server: Server) {
    server.child.kill().expect("kill -9");
    let _ = server.child.wait();
}

#[tokio::test]
async fn acknowledged_writes_survive_kill_9() {
    let dir = std::env::temp_dir().join(format!("zt-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let state = dir.join("state.json");
    let _ = std::fs::remove_file(&state);

    let s = start(&state);
    assert!(state.is_file(), "the seeded state is saved at first start");
    let users = api(s.addr, "GET", "/summary", None).await.json()["result"]["users"].clone();
    let user = users[0]["user_id"].as_str().expect("user").to_owned();
    let body = r#"{"integration_type":"Okta","tenant_url":"https://acme.okta.com","reference_id":"durable"}"#;
    let created = api(s.addr, "POST", "/integrations", Some(body)).await;
    assert_eq!(created.status, 200);
    let id = created.json()["result"]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    kill9(s);

    let s = start(&state);
    let got = api(s.addr, "GET", "/integrations/reference_id/durable", None).await;
    assert_eq!(
        (got.status, got.json()["result"]["id"].as_str()),
        (200, Some(id.as_str()))
    );
    let put = r#"{"behaviors":{"imp_travel":{"enabled":false,"risk_level":"low"}}}"#;
    assert_eq!(
        api(s.addr, "PUT", "/behaviors", Some(put)).await.status,
        200
    );
    kill9(s);

    let s = start(&state);
    let b = api(s.addr, "GET", "/behaviors", None).await.json();
    assert_eq!(b["result"]["behaviors"]["imp_travel"]["enabled"], false);
    assert_eq!(
        api(s.addr, "POST", &format!("/{user}/reset"), None)
            .await
            .status,
        200
    );
    kill9(s);

    let s = start(&state);
    let detail = api(s.addr, "GET", &format!("/{user}"), None).await.json();
    assert!(detail["result"]["last_reset_time"].is_string());
    assert_eq!(
        api(s.addr, "DELETE", &format!("/integrations/{id}"), None)
            .await
            .status,
        200
    );
    kill9(s);

    let s = start(&state);
    api(s.addr, "GET", &format!("/integrations/{id}"), None)
        .await
        .v4_error(404, 1004);
    let list: Value = api(s.addr, "GET", "/integrations", None).await.json();
    assert_eq!(list["result"].as_array().map(Vec::len), Some(2));
    drop(s);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
    let _ = std::fs::remove_dir_all(&dir);
}

const OTHER: &str = "fedcba9876543210fedcba9876543210";

fn temp_state(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("zt-state-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let state = dir.join("state.json");
    let _ = std::fs::remove_file(&state);
    (dir, state)
}

#[tokio::test]
async fn every_account_and_accounts_made_on_first_use_survive_kill_9() {
    let (dir, state) = temp_state("accounts");
    let s = start_with(&state, &[]);
    // Made on first use by a read, then killed: it must come back identical (timestamps too).
    let first_seen = get_result(s.addr, OTHER, "/summary").await;
    let body =
        r#"{"integration_type":"Okta","tenant_url":"https://a.okta.com","reference_id":"in-a"}"#;
    assert_eq!(
        api(s.addr, "POST", "/integrations", Some(body))
            .await
            .status,
        200
    );
    kill9(s);

    let s = start_with(&state, &["--seed", "99"]);
    assert_eq!(
        get_result(s.addr, OTHER, "/summary").await,
        first_seen,
        "the saved data, not a new seed"
    );
    get_result(s.addr, ACCOUNT, "/integrations/reference_id/in-a").await;
    let target =
        format!("/client/v4/accounts/{OTHER}/zt_risk_scoring/integrations/reference_id/in-a");
    send(s.addr, "GET", &target, &[AUTH], None)
        .await
        .v4_error(404, 1004);
    let put = r#"{"behaviors":{"high_dlp":{"enabled":false,"risk_level":"high"}}}"#;
    let target = format!("/client/v4/accounts/{OTHER}/zt_risk_scoring/behaviors");
    assert_eq!(
        send(s.addr, "PUT", &target, &[AUTH], Some(put))
            .await
            .status,
        200
    );
    kill9(s);

    let s = start_with(&state, &[]);
    assert_eq!(
        get_result(s.addr, OTHER, "/behaviors").await["behaviors"]["high_dlp"]["enabled"],
        false
    );
    get_result(s.addr, ACCOUNT, "/integrations/reference_id/in-a").await;
    let saved: Value = serde_json::from_slice(&std::fs::read(&state).expect("read")).expect("json");
    assert_eq!(saved["version"], 2);
    let accounts = saved["accounts"].as_object().map(|m| m.len());
    assert_eq!(
        accounts,
        Some(3),
        "the default account, {ACCOUNT} and {OTHER}"
    );
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_version_1_file_loads_as_its_account_and_is_saved_as_version_2() {
    let (dir, state) = temp_state("v1");
    let store = zt_risk_server::emulator::seed::generate(5, 7, chrono::Utc::now(), OTHER);
    let mut v1 = serde_json::to_value(&store).expect("json");
    v1["version"] = 1.into();
    std::fs::write(&state, v1.to_string()).expect("write v1");

    let s = start_with(&state, &[]);
    let users = get_result(s.addr, OTHER, "/summary").await["users"].clone();
    let expected = store.summary().len();
    assert_eq!(users.as_array().map(Vec::len), Some(expected));
    assert!(users.as_array().is_some_and(|u| u.iter().all(|u| store
        .users
        .contains_key(u["user_id"].as_str().unwrap_or_default()))));
    let user = users[0]["user_id"].as_str().unwrap_or_default().to_owned();
    let target = format!("/client/v4/accounts/{OTHER}/zt_risk_scoring/{user}/reset");
    assert_eq!(
        send(s.addr, "POST", &target, &[AUTH], None).await.status,
        200
    );
    kill9(s);

    let saved: Value = serde_json::from_slice(&std::fs::read(&state).expect("read")).expect("json");
    assert_eq!(
        (saved["version"].clone(), saved["default_account"].clone()),
        (2.into(), OTHER.into())
    );
    let s = start_with(&state, &[]);
    let detail = get_result(s.addr, OTHER, &format!("/{user}")).await;
    assert!(detail["last_reset_time"].is_string());
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn access_updates_survive_kill_9_and_older_files_load_with_none() {
    let (dir, state) = temp_state("access");
    let s = start(&state);
    let (policies, _) = access_ok(s.addr, "/policies").await;
    let id = policies[0]["id"].as_str().expect("id").to_owned();
    let odd = r#"{ "device_posture" : {"integration_uid":"d"} }"#;
    let body = format!(
        r#"{{"name":"Renamed","decision":"allow","include":[{odd}],"exclude":[{{"user_risk_score":{{"user_risk_score":["medium"]}}}}]}}"#
    );
    let r = access(s.addr, "PUT", &format!("/policies/{id}"), Some(&body)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let apps_before = access_ok(s.addr, "/apps").await.0;
    kill9(s);

    let s = start(&state);
    let read = access(s.addr, "GET", &format!("/policies/{id}"), None).await;
    assert_eq!(read.json()["result"]["name"], "Renamed");
    assert!(read.body.contains(odd), "the rule as given: {}", read.body);
    assert_eq!(access_ok(s.addr, "/apps").await.0, apps_before);
    kill9(s);

    // A state file from before Access: its accounts load, with no applications.
    let mut saved: Value =
        serde_json::from_slice(&std::fs::read(&state).expect("read")).expect("json");
    if let Some(account) = saved["accounts"][ACCOUNT].as_object_mut() {
        account.remove("access");
    }
    std::fs::write(&state, saved.to_string()).expect("write");
    let s = start(&state);
    let (apps, info) = access_ok(s.addr, "/apps").await;
    assert_eq!(
        (apps, info["total_count"].clone()),
        (Value::Array(vec![]), 0.into())
    );
    assert_eq!(api(s.addr, "GET", "/summary", None).await.status, 200);
    drop(s);
    let _ = std::fs::remove_dir_all(&dir);
}
