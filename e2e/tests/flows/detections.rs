//! Loading events across users, then Detections: against the demo the load completes and the
//! rows show; against `--rate-limit` the runner waits out the 429s and no user fails.

use std::time::{Duration, Instant};

use fantoccini::Locator;

use super::overview::first_number;
use crate::common::{run, Console};

/// Starts "Load events" for every user and waits (up to `limit`) for "Done."; returns whether a
/// "Rate limited" status was seen on the way.
pub(super) async fn load_all(c: &Console, limit: Duration) -> bool {
    let button = c
        .xpath("//button[starts-with(normalize-space(), 'Load events for')]")
        .await;
    let label = button.text().await.expect("button text");
    let users = first_number(&label).expect("a user count on the button");
    // As the console writes it: "1,204".
    let shown = label
        .trim()
        .trim_start_matches("Load events for ")
        .trim_end_matches(" users")
        .to_owned();
    button.click().await.expect("start the load");
    let (deadline, mut limited) = (Instant::now() + limit, false);
    loop {
        let status = c
            .client
            .find(Locator::Css(".run [role=status]"))
            .await
            .expect("the run status");
        let status = status.text().await.unwrap_or_default();
        limited |= status.starts_with("Rate limited, resuming in ");
        if status.starts_with("Done") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the load did not finish: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let bar = c.css("[role=progressbar]").await;
    let value = |name: &'static str| {
        let bar = bar.clone();
        async move { bar.attr(name).await.ok().flatten().unwrap_or_default() }
    };
    assert_eq!(value("aria-valuenow").await, users.to_string());
    assert_eq!(value("aria-valuemax").await, users.to_string());
    assert_eq!(
        value("aria-valuetext").await,
        format!("{shown} of {shown} users")
    );
    assert!(
        c.client
            .find_all(Locator::Css(".run-failures li"))
            .await
            .map(|f| f.is_empty())
            .unwrap_or(true),
        "no user failed"
    );
    limited
}

#[test]
fn load_events_against_the_demo_then_detections_lists_and_filters_them() {
    run("detections", &[], |c| async move {
        c.open("/detections").await;
        c.wait_text("h2", "No events loaded yet").await;
        load_all(&c, Duration::from_secs(60)).await;
        c.css("table.detections tbody tr td a").await;
        let memory = c.wait_text(".load-events p", "In memory:").await;
        let events = first_number(&memory.text().await.unwrap_or_default()).expect("events");
        let pager = c.wait_text(".pager [role=status]", " of ").await;
        let text = pager.text().await.unwrap_or_default();
        assert_eq!(
            first_number(text.rsplit(" of ").next().unwrap_or("")),
            Some(events)
        );
        c.screenshot("detections").await;

        c.select("Risk level", "High").await;
        c.wait_path("?level=high", |p| p == "/detections?level=high")
            .await;
        c.wait_for("only high rows", || async {
            let cells = c
                .client
                .find_all(Locator::Css("table.detections tbody td:nth-child(4)"))
                .await?;
            let mut levels = Vec::new();
            for cell in cells {
                levels.push(cell.text().await?);
            }
            Ok((!levels.is_empty() && levels.iter().all(|l| l == "High")).then_some(()))
        })
        .await;

        // Client-side navigation keeps what was loaded: the overview draws it at once.
        c.click_link("Overview").await;
        c.wait_path("/", |p| p == "/").await;
        c.wait_text("figcaption", "Behaviors that fired most").await;
        c.wait_text(".run [role=status]", "Done.").await;
        c.screenshot("overview-with-events").await;
    });
}

#[test]
fn the_runner_waits_out_rate_limits_and_no_user_fails() {
    run(
        "runner-rate-limit",
        &["--rate-limit", "20/2", "--users", "60"],
        |c| async move {
            c.open("/detections").await;
            c.wait_text("h2", "No events loaded yet").await;
            let limited = load_all(&c, Duration::from_secs(120)).await;
            assert!(limited, "60 users at 20 per 2 s must meet the limit");
            c.css("table.detections tbody tr").await;
        },
    );
}
