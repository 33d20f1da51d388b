//! Export of Detections: events loaded on the demo, the view filtered by level and behavior,
//! then "Export CSV": the downloaded file parses as RFC 4180 and holds exactly the view's
//! events, in its order, every one of them (not only the page shown).

use std::time::Duration;

use fantoccini::Locator;

use super::detections::load_all;
use super::overview::first_number;
use crate::common::{csv, run, Console};

/// (user id, behavior) of each row the table shows, in order.
async fn shown_rows(c: &Console) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for tr in c
        .client
        .find_all(Locator::Css("table.detections tbody tr"))
        .await
        .unwrap()
    {
        let link = tr.find(Locator::Css("td:nth-child(2) a")).await.unwrap();
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        let behavior = tr.find(Locator::Css("td:nth-child(3)")).await.unwrap();
        rows.push((
            href.trim_start_matches("/users/").to_owned(),
            behavior.text().await.unwrap(),
        ));
    }
    rows
}

/// The events the pager counts ("Showing 1–50 of 1,234").
async fn total(c: &Console) -> usize {
    let text = c.css(".pager [role=status]").await.text().await.unwrap();
    first_number(text.rsplit(" of ").next().unwrap_or("")).expect("a count")
}

#[test]
fn a_downloaded_detections_csv_parses_and_its_rows_equal_the_filtered_view() {
    run("detections-export", &[], |c| async move {
        c.open("/detections").await;
        c.wait_text("h2", "No events loaded yet").await;
        load_all(&c, Duration::from_secs(60)).await;
        c.css("table.detections tbody tr td a").await;

        c.select("Risk level", "High").await;
        c.wait_path("?level=high", |p| p == "/detections?level=high")
            .await;
        c.wait_text(
            "table.detections tbody tr:first-child td:nth-child(4)",
            "High",
        )
        .await;
        // On top of the level, the behavior of the newest high event (so some rows remain).
        let behavior = c
            .css("table.detections tbody tr td:nth-child(3)")
            .await
            .text()
            .await
            .unwrap();
        let boxes = c
            .client
            .find_all(Locator::Css(".behaviors-filter label"))
            .await
            .unwrap();
        let mut chosen = None;
        for label in boxes {
            let text = label.text().await.unwrap();
            if text.trim().starts_with(&format!("{behavior} (")) {
                chosen = Some(label);
            }
        }
        let chosen = chosen.unwrap_or_else(|| panic!("no box for {behavior:?}"));
        chosen
            .find(Locator::Css("input"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait_path("a behavior filter", |p| {
            p.contains("behavior=") && p.contains("level=high")
        })
        .await;
        let page = c
            .wait_for("only the chosen behavior's rows", || async {
                let rows = shown_rows(&c).await;
                let only = !rows.is_empty() && rows.iter().all(|(_, b)| *b == behavior);
                Ok(only.then_some(rows))
            })
            .await;
        let total = total(&c).await;

        let rows = csv::export(&c, "detections").await;
        assert_eq!(
            rows[0],
            [
                "timestamp",
                "name",
                "email",
                "user_id",
                "event_name",
                "event_id",
                "risk_level",
                "event_details"
            ]
        );
        let records = &rows[1..];
        assert_eq!(
            records.len(),
            total,
            "every event of the view, not one page"
        );
        assert!(records
            .iter()
            .all(|r| r.len() == 8 && r[6] == "high" && r[4] == behavior));
        let in_file: Vec<(String, String)> = records[..page.len()]
            .iter()
            .map(|r| (r[3].clone(), r[4].clone()))
            .collect();
        assert_eq!(in_file, page, "the file's order is the view's");
        // Newest first, as the view sorts, each an RFC 3339 UTC time.
        let times: Vec<&str> = records.iter().map(|r| r[0].as_str()).collect();
        assert!(times.iter().all(|t| t.ends_with('Z')));
        assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
        for cell in records.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    });
}
