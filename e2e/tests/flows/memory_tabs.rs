//! Two tabs of one profile (issue 22), counted at the emulator (`--request-log`): loading
//! events at once, each user is fetched once; a tab starting a load while the other's runs
//! takes what that load fetched.

use std::time::Duration;

use serde_json::json;

use fantoccini::wd::WindowHandle;

use super::memory::{user_of, Requests};
use crate::common::{run, Console};

/// Clicks "Load events for …" in the current tab at `at` (ms since the epoch, the page's
/// clock; 0 for now), so that two tabs can start at the same moment.
const CLICK_AT: &str = r#"
const [at] = arguments;
const button = [...document.querySelectorAll('button')]
  .find(b => b.textContent.trim().startsWith('Load events for'));
if (!button) return false;
setTimeout(() => button.click(), Math.max(0, at - Date.now()));
return true;
"#;

/// Detections open in two tabs with nothing loaded: the first tab, the second (current), and
/// how many users the summary lists.
async fn two_tabs_on_detections(c: &Console) -> (WindowHandle, WindowHandle, usize) {
    let first = c.client.window().await.expect("the first tab");
    c.open("/detections").await;
    c.wait_text("h2", "No events loaded yet").await;
    let second = c.client.new_window(true).await.expect("a new tab").handle;
    c.client
        .switch_to_window(second.clone())
        .await
        .expect("tab 2");
    c.open("/detections").await;
    c.wait_text("h2", "No events loaded yet").await;
    (first, second, c.summary_users().await.len())
}

/// Asserts that the user requests among `lines` fetched each of `users` users exactly once.
fn each_user_fetched_once<'a>(lines: impl Iterator<Item = &'a String>, users: usize) {
    let mut per_user = std::collections::BTreeMap::<&str, usize>::new();
    for id in lines.filter_map(|l| user_of(l)) {
        *per_user.entry(id).or_default() += 1;
    }
    let twice: Vec<_> = per_user.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "users fetched more than once: {twice:?}");
    assert_eq!(per_user.len(), users, "every user fetched");
}

#[test]
fn two_tabs_loading_at_once_fetch_each_user_once() {
    let log = Requests::new("memory-tabs");
    let arg = log.arg();
    run(
        "memory-tabs",
        &["--request-log", &arg],
        move |c| async move {
            let (first, second, users) = two_tabs_on_detections(&c).await;

            let now = c
                .client
                .execute("return Date.now()", vec![])
                .await
                .ok()
                .and_then(|v| v.as_f64())
                .expect("the page's clock");
            let at = json!(now + 1500.0);
            for tab in [&second, &first] {
                c.client
                    .switch_to_window(tab.clone())
                    .await
                    .expect("switch");
                let armed = c.client.execute(CLICK_AT, vec![at.clone()]).await;
                assert_eq!(armed.ok(), Some(json!(true)), "a Load button to click");
            }
            for tab in [&first, &second] {
                c.client
                    .switch_to_window(tab.clone())
                    .await
                    .expect("switch");
                c.wait_for("the load to finish", || async {
                    let status = c.body_text().await;
                    Ok(status.contains("Done").then_some(()))
                })
                .await;
            }
            each_user_fetched_once(log.lines().iter(), users);
            c.css("table.detections tbody tr td a").await;
        },
    );
}

/// How many users the current tab's run has done (the progress bar's value), and whether it
/// reads "Done".
const RUN_STATE: &str = r#"
const bar = document.querySelector('.run [role=progressbar]');
const status = document.querySelector('.run [role=status]');
return [bar ? Number(bar.getAttribute('aria-valuenow')) : 0,
        !!status && status.textContent.startsWith('Done')];
"#;

/// The run state of the current tab.
async fn run_state(c: &Console) -> (u64, bool) {
    let got = c.client.execute(RUN_STATE, vec![]).await.ok();
    let got = got.as_ref().and_then(|v| v.as_array());
    let done = got.and_then(|v| v.first()?.as_u64()).unwrap_or(0);
    (done, got.and_then(|v| v.get(1)?.as_bool()) == Some(true))
}

#[test]
fn a_tab_starting_a_load_while_another_runs_takes_what_that_load_fetched() {
    let log = Requests::new("memory-late");
    let arg = log.arg();
    // A rate limit makes the first tab's load take several windows: the second tab starts
    // while it runs, after it has fetched some users.
    let data = [
        "--users",
        "40",
        "--rate-limit",
        "15/4",
        "--request-log",
        &arg,
    ];
    run("memory-late", &data, move |c| async move {
        let (first, second, users) = two_tabs_on_detections(&c).await;
        assert!(
            users > 15,
            "more users than one window of the limit: {users}"
        );
        // A fresh window of the limit for the first tab's load.
        tokio::time::sleep(Duration::from_millis(4500)).await;

        c.client
            .switch_to_window(first.clone())
            .await
            .expect("tab 1");
        let clicked = c.client.execute(CLICK_AT, vec![json!(0)]).await;
        assert_eq!(clicked.ok(), Some(json!(true)), "a Load button in tab 1");
        c.wait_for("tab 1 to fetch some users", || async {
            let (done, finished) = run_state(&c).await;
            assert!(!finished, "tab 1 finished before tab 2 could start");
            Ok((done > 0).then_some(()))
        })
        .await;
        c.client
            .switch_to_window(second.clone())
            .await
            .expect("tab 2");
        let clicked = c.client.execute(CLICK_AT, vec![json!(0)]).await;
        assert_eq!(clicked.ok(), Some(json!(true)), "a Load button in tab 2");
        // At the limit, both loads take a few windows: longer than `wait_for` waits.
        for tab in [&second, &first] {
            c.client
                .switch_to_window(tab.clone())
                .await
                .expect("switch");
            let deadline = std::time::Instant::now() + Duration::from_secs(90);
            while run_state(&c).await != (users as u64, true) {
                assert!(
                    std::time::Instant::now() < deadline,
                    "the load never finished"
                );
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
        let lines = log.lines();
        each_user_fetched_once(lines.iter().filter(|l| l.ends_with(" 200")), users);
    });
}
