//! What the console remembers per profile (issue 22), counted at the emulator
//! (`--request-log`): a reload fills Detections from the browser's store with one request, the
//! summary; a reset made through the API is named on the next visit's Overview and in the
//! user's history; two tabs loading events at once fetch each user once.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::json;

use super::detections::load_all;
use super::overview::first_number;
use crate::common::{run, Console};

/// The emulator's request log of one test: `METHOD PATH STATUS` per line.
struct Requests(PathBuf);

impl Requests {
    fn new(test: &str) -> Self {
        let name = format!("zt-e2e-requests-{}-{test}.log", std::process::id());
        Self(std::env::temp_dir().join(name))
    }

    fn arg(&self) -> String {
        self.0.display().to_string()
    }

    fn lines(&self) -> Vec<String> {
        std::fs::read_to_string(&self.0)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Requests {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Whether a log line is a `GET` of the summary.
fn is_summary(line: &str) -> bool {
    line.starts_with("GET ") && line.contains("/zt_risk_scoring/summary ")
}

/// The user id of a log line that is a `GET` of one user's events.
fn user_of(line: &str) -> Option<&str> {
    let path = line.strip_prefix("GET ")?.split(' ').next()?;
    let id = path.strip_prefix('/')?.rsplit_once("/zt_risk_scoring/")?.1;
    (id.len() == 36 && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')).then_some(id)
}

/// Waits until the load's last results are written to the browser's store: the panel's
/// "Stored in this browser" line counts every user once the page is opened again.
async fn stored_after_reload(c: &Console, path: &str, users: usize) {
    for _ in 0..20 {
        c.open(path).await;
        let status = c
            .wait_text(".load-events .stored", "Stored in this browser")
            .await;
        if first_number(&status.text().await.unwrap_or_default()) == Some(users) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("the store never held all {users} users");
}

#[test]
fn after_a_reload_detections_is_filled_from_the_store_with_one_request() {
    let log = Requests::new("memory-reload");
    let arg = log.arg();
    run(
        "memory-reload",
        &["--request-log", &arg],
        move |c| async move {
            c.open("/detections").await;
            c.wait_text("h2", "No events loaded yet").await;
            load_all(&c, Duration::from_secs(60)).await;
            let memory = c.wait_text(".load-events p", "In memory:").await;
            let events = first_number(&memory.text().await.unwrap_or_default()).expect("events");
            let users = c.summary_users().await.len();
            let fetched: Vec<String> = log.lines();
            let each = fetched.iter().filter_map(|l| user_of(l)).count();
            assert_eq!(each, users, "the first load fetches every user once");
            stored_after_reload(&c, "/detections", users).await;

            // Nothing changed: the reload fills the table with every event, and costs the
            // summary and nothing else.
            let mark = log.lines().len();
            c.open("/detections").await;
            c.wait_for(format!("the pager to count {events} events"), || async {
                let pager = c.wait_text(".pager [role=status]", " of ").await;
                let text = pager.text().await?;
                Ok(
                    (first_number(text.rsplit(" of ").next().unwrap_or("")) == Some(events))
                        .then_some(()),
                )
            })
            .await;
            c.wait_text(".load-events .stored", "Stored in this browser")
                .await;
            // Anything the page would still send goes out in this second.
            tokio::time::sleep(Duration::from_secs(1)).await;
            let after: Vec<String> = log.lines().split_off(mark);
            let summaries = after.iter().filter(|l| is_summary(l)).count();
            let per_user = after.iter().filter(|l| user_of(l).is_some()).count();
            assert_eq!(
                (summaries, per_user),
                (1, 0),
                "one summary, no user: {after:#?}"
            );
            let api: Vec<&String> = after.iter().filter(|l| !is_summary(l)).collect();
            assert!(api.is_empty(), "no other API request: {api:#?}");
        },
    );
}

#[test]
fn a_reset_through_the_api_is_named_on_the_next_visit_and_in_the_history() {
    run("memory-reset", &[], |c| async move {
        c.open("/").await;
        c.wait_text("section[aria-labelledby=since-visit]", "first visit")
            .await;
        let users = c.summary_users().await;
        let user = users.first().expect("the demo has risky users");
        let (id, name) = (
            user["user_id"].as_str().unwrap_or_default().to_owned(),
            user["name"].as_str().unwrap_or_default().to_owned(),
        );
        // The first visit's summary is recorded before the API forgets the user.
        tokio::time::sleep(Duration::from_secs(1)).await;
        c.api_post(&format!("/zt_risk_scoring/{id}/reset")).await;

        // A new tab is a new visit.
        let tab = c.client.new_window(true).await.expect("a new tab");
        c.client
            .switch_to_window(tab.handle)
            .await
            .expect("switch tabs");
        c.open("/").await;
        let line = c.wait_text("ul.since-visit li", "1 user was reset").await;
        let text = line.text().await.unwrap_or_default();
        assert!(text.contains(&name), "the line names {name}: {text:?}");
        c.screenshot("since-last-visit-reset").await;

        c.open(&format!("/users/{id}")).await;
        // The history's table is folded under its summary line: unfold it, as an admin would.
        c.wait_text(
            "section[aria-labelledby=history-heading] summary",
            "The history as a table",
        )
        .await
        .click()
        .await
        .expect("unfold the history table");
        let history = c
            .wait_text("section[aria-labelledby=history-heading]", "Reset on")
            .await;
        let text = history.text().await.unwrap_or_default();
        assert!(text.contains("Left the summary"), "{text}");
    });
}

/// Clicks "Load events for …" in the current tab at `at` (ms since the epoch, the page's
/// clock), so that two tabs can start at the same moment.
const CLICK_AT: &str = r#"
const [at] = arguments;
const button = [...document.querySelectorAll('button')]
  .find(b => b.textContent.trim().startsWith('Load events for'));
if (!button) return false;
setTimeout(() => button.click(), Math.max(0, at - Date.now()));
return true;
"#;

#[test]
fn two_tabs_loading_at_once_fetch_each_user_once() {
    let log = Requests::new("memory-tabs");
    let arg = log.arg();
    run(
        "memory-tabs",
        &["--request-log", &arg],
        move |c| async move {
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
            let users = c.summary_users().await.len();

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
            let lines = log.lines();
            let mut per_user = std::collections::BTreeMap::<&str, usize>::new();
            for id in lines.iter().filter_map(|l| user_of(l)) {
                *per_user.entry(id).or_default() += 1;
            }
            let twice: Vec<_> = per_user.iter().filter(|(_, n)| **n > 1).collect();
            assert!(twice.is_empty(), "users fetched more than once: {twice:?}");
            assert_eq!(per_user.len(), users, "every user fetched");
            c.css("table.detections tbody tr td a").await;
        },
    );
}

/// Clicks "Load events for …" in the current tab now.
const CLICK_LOAD: &str = r#"
const button = [...document.querySelectorAll('button')]
  .find(b => b.textContent.trim().startsWith('Load events for'));
if (button) button.click();
return !!button;
"#;

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
        let users = c.summary_users().await.len();
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
        let clicked = c.client.execute(CLICK_LOAD, vec![]).await;
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
        let clicked = c.client.execute(CLICK_LOAD, vec![]).await;
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
        let mut per_user = std::collections::BTreeMap::<&str, usize>::new();
        let answered = lines.iter().filter(|l| l.ends_with(" 200"));
        for id in answered.filter_map(|l| user_of(l)) {
            *per_user.entry(id).or_default() += 1;
        }
        let twice: Vec<_> = per_user.iter().filter(|(_, n)| **n > 1).collect();
        assert!(twice.is_empty(), "users fetched more than once: {twice:?}");
        assert_eq!(per_user.len(), users, "every user fetched");
    });
}
