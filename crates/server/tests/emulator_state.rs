//! `--state FILE`: the real binary is killed with SIGKILL right after each acknowledged write
//! and restarted; nothing acknowledged may be lost. Also checks the "prints its URL" contract.

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
    let mut child = Command::new(env!("CARGO_BIN_EXE_zt-risk-server"))
        .args([
            "emulate",
            "--listen",
            "127.0.0.1:0",
            "--users",
            "20",
            "--account",
            ACCOUNT,
            "--state",
        ])
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
