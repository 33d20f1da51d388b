//! `zt-risk-server proxy` as shipped: one single-threaded runtime per core sharing the
//! listener, the ready line, forwarding, and the buffered access log written out on SIGTERM.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::*;

#[tokio::test]
async fn serves_on_every_core_and_writes_its_log_on_sigterm() {
    let (upstream, seen) = fake_upstream().await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_zt-risk-server"))
        .args([
            "proxy",
            "--listen",
            "127.0.0.1:0",
            "--allow-origin",
            CONSOLE,
        ])
        .args(["--upstream", &format!("http://{upstream}/client/v4")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zt-risk-server proxy");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("ready line");
    let addr: std::net::SocketAddr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap_or_else(|e| panic!("{line:?}: {e}"));
    let target = format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/behaviors");
    // Several connections at once, so every worker thread gets some.
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let target = target.clone();
            tokio::spawn(async move {
                send(addr, "GET", &target, &[("Origin", CONSOLE), AUTH], None).await
            })
        })
        .collect();
    for task in tasks {
        let r = task.await.expect("request task");
        assert_eq!(r.status, 418);
        assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    }
    assert_eq!(seen.lock().expect("lock").len(), 8);
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let out = child.wait_with_output().expect("exit");
    assert!(out.status.success(), "{:?}", out.status);
    let log = String::from_utf8_lossy(&out.stderr);
    let lines = log
        .lines()
        .filter(|l| l.contains(&format!("proxy GET {target} -> 418")))
        .count();
    assert_eq!(lines, 8, "access log:\n{log}");
    assert!(!log.contains("test-token"), "credentials never logged");
}
