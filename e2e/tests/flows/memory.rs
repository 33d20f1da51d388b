//! What the console remembers per profile (issue 22), counted at the emulator
//! (`--request-log`): a reload fills Detections from the browser's store with one request, the
//! summary; a reset made through the API is named on the next visit's Overview and in the
//! user's history. Two tabs: `memory_tabs.rs`.

use std::path::PathBuf;
use std::time::Duration;

use super::detections::load_all;
use super::overview::first_number;
use crate::common::{run, Console};

/// The emulator's request log of one test: `METHOD PATH STATUS` per line.
pub(super) struct Requests(PathBuf);

impl Requests {
    pub(super) fn new(test: &str) -> Self {
        let name = format!("zt-e2e-requests-{}-{test}.log", std::process::id());
        Self(std::env::temp_dir().join(name))
    }

    pub(super) fn arg(&self) -> String {
        self.0.display().to_string()
    }

    pub(super) fn lines(&self) -> Vec<String> {
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
pub(super) fn user_of(line: &str) -> Option<&str> {
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
