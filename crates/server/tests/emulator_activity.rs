//! `--activity N/MIN` over HTTP: a round changes exactly the drawn users' summary rows, the
//! rows agree with their details (counted as the console counts them), two emulators with the
//! same seed pass time identically, and the timer fires on its own. `--request-log` writes one
//! line per request answered.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use zt_risk_api::{Envelope, RiskEvents, RiskSummary, UserRiskInfo};
use zt_risk_server::emulator::activity::Activity;
use zt_risk_server::emulator::{self, Config, Emulator, TokenPolicy};

fn with_activity(events: u32, every: Duration) -> Config {
    Config {
        activity: Some(Activity { events, every }),
        ..config(TokenPolicy::Any, Some(ACCOUNT))
    }
}

async fn start(config: Config) -> (std::net::SocketAddr, Arc<Emulator>) {
    let emulator = Emulator::start(config).expect("emulator");
    (spawn(emulator::router(emulator.clone())).await, emulator)
}

fn result<T: serde::de::DeserializeOwned>(resp: Resp) -> T {
    assert_eq!(resp.status, 200, "{}", resp.body);
    let env: Envelope<T> = serde_json::from_str(&resp.body).expect("envelope");
    env.result.expect("result")
}

async fn rows(addr: std::net::SocketAddr) -> HashMap<String, UserRiskInfo> {
    let summary: RiskSummary = result(api(addr, "GET", "/summary", None).await);
    summary
        .users
        .into_iter()
        .map(|u| (u.user_id.clone(), u))
        .collect()
}

async fn detail(addr: std::net::SocketAddr, id: &str) -> RiskEvents {
    result(api(addr, "GET", &format!("/{id}"), None).await)
}

#[tokio::test]
async fn a_round_changes_the_drawn_users_rows_and_their_details_agree() {
    // A period no test waits for: rounds are made by hand.
    let (addr, emulator) = start(with_activity(12, Duration::from_secs(3600))).await;
    let before = rows(addr).await;
    let rounds = emulator.add_activity().await;
    assert_eq!(rounds.len(), 1, "one account held");
    let (account, changed) = &rounds[0];
    assert_eq!(account, ACCOUNT);
    assert_eq!(changed.len(), 12);
    let after = rows(addr).await;
    let behaviors: zt_risk_api::Behaviors = result(api(addr, "GET", "/behaviors", None).await);
    let settings = behaviors.settings();
    let names = zt_risk_api::scoring::by_name(&behaviors, &settings);
    for id in changed {
        let row = &after[id];
        let was = before.get(id);
        assert_eq!(
            row.event_count,
            was.map_or(0, |u| u.event_count) + 1,
            "{id}"
        );
        assert!(was.is_none_or(|u| u.last_event < row.last_event), "{id}");
        let detail = detail(addr, id).await;
        assert_eq!(detail.events[0].timestamp, row.last_event, "newest first");
        let tally = zt_risk_api::scoring::tally(&detail, &names);
        assert_eq!(tally.counted as u64, row.event_count, "{id}");
        assert_eq!(detail.risk_level.as_ref(), Some(&row.max_risk_level));
    }
    for (id, row) in &after {
        if !changed.contains(id) {
            assert_eq!(before.get(id), Some(row), "{id} was not drawn");
        }
    }
    assert_eq!(
        after.len(),
        before.len()
            + changed
                .iter()
                .filter(|id| !before.contains_key(*id))
                .count()
    );
}

#[tokio::test]
async fn the_same_seed_passes_time_the_same_way() {
    let (a, first) = start(with_activity(9, Duration::from_secs(3600))).await;
    let (b, second) = start(with_activity(9, Duration::from_secs(3600))).await;
    for _ in 0..3 {
        let (x, y) = (first.add_activity().await, second.add_activity().await);
        assert_eq!(x, y, "the same users, in the same order");
        for id in &x[0].1 {
            let (dx, dy) = (detail(a, id).await, detail(b, id).await);
            let ids = |d: &RiskEvents| d.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&dx), ids(&dy), "the same events for {id}");
            assert_eq!(dx.events[0].name, dy.events[0].name);
        }
    }
}

#[tokio::test]
async fn the_timer_adds_events_by_itself() {
    let (addr, _emulator) = start(with_activity(5, Duration::from_millis(200))).await;
    let before = rows(addr).await;
    let total = |rows: &HashMap<String, UserRiskInfo>| -> u64 {
        rows.values().map(|u| u.event_count).sum()
    };
    let mut grew = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if total(&rows(addr).await) >= total(&before) + 10 {
            grew = true;
            break;
        }
    }
    assert!(grew, "two rounds of 5 events within 5 s");
}

#[tokio::test]
async fn without_activity_nothing_changes() {
    let emulator = emulator_with(TokenPolicy::Any, None);
    assert!(emulator.add_activity().await.is_empty());
}

#[tokio::test]
async fn the_request_log_has_one_line_per_request_answered() {
    let dir = std::env::temp_dir().join(format!("zt-request-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("requests.log");
    let (addr, _emulator) = start(Config {
        request_log: Some(path.clone()),
        ..config(TokenPolicy::Any, None)
    })
    .await;
    let summary = format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/summary");
    for _ in 0..2 {
        assert_eq!(api(addr, "GET", "/summary", None).await.status, 200);
    }
    assert_eq!(api(addr, "GET", "/summary?page=1", None).await.status, 200);
    let unauthenticated = send(addr, "GET", &summary, &[], None).await;
    assert_eq!(unauthenticated.status, 401);
    assert_eq!(api(addr, "POST", "/behaviors", None).await.status, 405);
    let log = std::fs::read_to_string(&path).expect("the log");
    let lines: Vec<&str> = log.lines().collect();
    let expected_summary = format!("GET {summary} 200");
    assert_eq!(
        lines.iter().filter(|l| **l == expected_summary).count(),
        3,
        "{log}"
    );
    let behaviors = format!("POST /client/v4/accounts/{ACCOUNT}/zt_risk_scoring/behaviors 405");
    assert_eq!(lines.last(), Some(&behaviors.as_str()), "{log}");
    assert!(
        lines.contains(&format!("GET {summary} 401").as_str()),
        "{log}"
    );
    assert!(
        !log.contains("test-token") && !log.contains('?'),
        "no credential, no query: {log}"
    );
    assert_eq!(lines.len(), 5);
    let _ = std::fs::remove_dir_all(&dir);
}
