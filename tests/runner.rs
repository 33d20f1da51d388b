//! The runner through "Load events", with the fake transport answering after a delay: never
//! more than 4 requests in flight, a 429 waits for Retry-After and then succeeds, Cancel stops
//! what was not sent, partial results are usable at once, failures are listed with Retry.

mod common;

use common::users::{many, user};
use common::*;
use leptos::prelude::*;
use wasm_bindgen_test::*;
use zt_risk_api::{RiskLevel, UserRiskInfo};
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::components::LoadEvents;
use zt_risk_console::state::use_events;

wasm_bindgen_test_configure!(run_in_browser);

fn summary(users: &[UserRiskInfo]) -> FakeReply {
    FakeReply::ok(&serde_json::json!({ "users": users }).to_string())
}

fn detail(u: &UserRiskInfo) -> FakeReply {
    let body = serde_json::json!({
        "name": u.name, "email": u.email, "last_reset_time": null, "risk_level": "high",
        "events": [{ "id": "e1", "name": "Impossible Travel", "risk_level": "high",
                     "timestamp": "2026-01-01T00:00:00Z", "event_details": { "ip": "<b>x</b>" } }],
    });
    FakeReply::ok(&body.to_string())
}

/// Mounts "Load events" and a line that shows how many users the store holds.
fn mount_load(
    fake: &FakeTransport,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    mount(config_with_token(), fake.clone(), 5_000, || {
        let store = use_events();
        view! {
            <LoadEvents/>
            <p id="stored">{move || store.with(|e| e.users().len())}</p>
        }
    })
}

fn bar(attr: &str) -> String {
    el("[role=progressbar]")
        .get_attribute(attr)
        .unwrap_or_default()
}

fn status() -> String {
    text(".run [role=status]")
}

fn detail_requests(fake: &FakeTransport) -> Vec<String> {
    fake.requests()
        .into_iter()
        .map(|r| r.url)
        .filter(|u| !u.ends_with("/summary"))
        .collect()
}

async fn start(n: usize) {
    let label = if n == 1 {
        "Load events for 1 user".to_owned()
    } else {
        format!("Load events for {n} users")
    };
    wait_for("the load button", || query("#load-scope").is_some()).await;
    click_button(&label);
}

#[wasm_bindgen_test]
async fn never_more_than_four_in_flight_and_partial_results_are_usable_at_once() {
    let users = many(12);
    let fake = FakeTransport::new();
    fake.push(summary(&users));
    for u in &users {
        fake.push(detail(u).after(400));
    }
    let _h = mount_load(&fake);
    wait_for("the estimate", || {
        text(".load-events").contains("12 requests, one per user")
    })
    .await;
    start(12).await;
    // The first 4 land while 8 are still to come: they are in the store already.
    wait_for("partial results", || text("#stored") == "4").await;
    assert!(bar("aria-valuenow").parse::<usize>().unwrap_or(0) < 12);
    assert_eq!(bar("aria-valuemax"), "12");
    wait_for("the run to finish", || status() == "Done.").await;
    // What "Done." reports is all in the store, and said so, from the moment it shows.
    assert_eq!(text("#stored"), "12");
    assert!(
        text(".load-events .hint").starts_with("In memory: 12 events of 12 users"),
        "{}",
        text(".load-events .hint")
    );
    assert_eq!(bar("aria-valuetext"), "12 of 12 users");
    assert_eq!(fake.max_in_flight(), 4, "4 at a time, never more");
    assert_eq!(detail_requests(&fake).len(), 12);
}

#[wasm_bindgen_test]
async fn a_429_with_retry_after_pauses_then_succeeds_without_failing() {
    let users = many(3);
    let fake = FakeTransport::new();
    fake.push(summary(&users));
    fake.push(FakeReply::rate_limited(Some("1")));
    for u in &users {
        fake.push(detail(u).after(20));
    }
    let _h = mount_load(&fake);
    start(3).await;
    wait_for("the countdown", || {
        status() == "Rate limited, resuming in 1 s"
    })
    .await;
    let paused_at = detail_requests(&fake).len();
    gloo_timers::future::TimeoutFuture::new(500).await;
    assert_eq!(
        detail_requests(&fake).len(),
        paused_at,
        "nothing is sent while paused"
    );
    wait_for("the run to finish", || status() == "Done.").await;
    assert_eq!(bar("aria-valuetext"), "3 of 3 users");
    assert!(
        query(".run-failures li").is_none(),
        "a 429 never fails a user"
    );
    let sent = detail_requests(&fake);
    assert_eq!(
        sent.len(),
        4,
        "the rate-limited request is sent again: {sent:?}"
    );
    assert!(
        sent[3].ends_with(&users[0].user_id),
        "the 429'd user goes again first"
    );
}

#[wasm_bindgen_test]
async fn cancel_stops_what_was_not_sent_and_keeps_what_arrived() {
    let users = many(10);
    let fake = FakeTransport::new();
    fake.push(summary(&users));
    for u in &users {
        fake.push(detail(u).after(300));
    }
    let _h = mount_load(&fake);
    start(10).await;
    wait_for("4 requests in flight", || fake.in_flight() == 4).await;
    click_button("Cancel");
    wait_for("the cancel to settle", || status().starts_with("Cancelled")).await;
    assert_eq!(
        status(),
        "Cancelled: 6 not sent. Requests already sent were completed."
    );
    assert_eq!(detail_requests(&fake).len(), 4, "nothing sent after Cancel");
    assert_eq!(bar("aria-valuetext"), "4 of 10 users");
    assert_eq!(text("#stored"), "4", "the 4 results are stored");
}

#[wasm_bindgen_test]
async fn failures_are_listed_with_their_reason_and_retry_runs_only_them() {
    let users = vec![
        user(1, "Ada High", RiskLevel::High, 1),
        user(2, "Bob Broken", RiskLevel::High, 2),
        user(3, "Cy High", RiskLevel::High, 3),
    ];
    let fake = FakeTransport::new();
    fake.push(summary(&users));
    fake.push(detail(&users[0]));
    fake.push(FakeReply::json(500, r#"{"success":false,"errors":[{"code":1001,"message":"Internal"}],"messages":[],"result":null}"#).after(10));
    fake.push(detail(&users[2]).after(20));
    let _h = mount_load(&fake);
    start(3).await;
    wait_for("the run to finish", || status() == "Done, 1 failed.").await;
    let failure = text(".run-failures li");
    assert!(failure.starts_with("Bob Broken: "), "{failure}");
    assert!(failure.contains("Internal (code 1001)"), "{failure}");
    fake.push(detail(&users[1]));
    click_button("Retry failed");
    wait_for("the retry to finish", || status() == "Done.").await;
    let sent = detail_requests(&fake);
    assert_eq!(sent.len(), 4, "only the failed user again: {sent:?}");
    assert!(sent[3].ends_with(&users[1].user_id));
    assert!(query(".run-failures li").is_none());
    wait_for("all 3 stored", || text("#stored") == "3").await;
}
