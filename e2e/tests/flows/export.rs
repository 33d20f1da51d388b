//! Export: the filtered users view downloaded as CSV (a real download, into the browser's
//! download directory) parses as RFC 4180 and holds exactly the view's rows, in its order.

use fantoccini::Locator;

use crate::common::{csv, run, Console};

/// The user ids of the table's rows, in order (from each name link).
async fn shown_ids(c: &Console) -> Vec<String> {
    let mut ids = Vec::new();
    for link in c
        .client
        .find_all(Locator::Css("table tbody td a"))
        .await
        .unwrap()
    {
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        ids.push(href.trim_start_matches("/users/").to_owned());
    }
    ids
}

#[test]
fn a_downloaded_csv_parses_and_its_rows_equal_the_filtered_view() {
    run("export", &[], |c| async move {
        c.open("/users?level=high&sort=name").await;
        let status = c.wait_text(".pager [role=status]", "Showing").await;
        let status = status.text().await.unwrap();
        let total: usize = status.rsplit(' ').next().unwrap().parse().unwrap();
        assert!(total > 50, "more high users than one page: {status}");
        let page1 = shown_ids(&c).await;

        let rows = csv::export(&c, "users").await;
        assert_eq!(
            rows[0],
            [
                "user_id",
                "name",
                "email",
                "max_risk_level",
                "event_count",
                "last_event"
            ]
        );
        let records = &rows[1..];
        assert_eq!(
            records.len(),
            total,
            "every matching row, not only the page"
        );
        assert!(records.iter().all(|r| r.len() == 6 && r[3] == "high"));
        let ids: Vec<String> = records.iter().map(|r| r[0].clone()).collect();
        assert_eq!(ids[..50], page1[..], "the file's order is the view's");

        // Page 2 of the view continues the file.
        c.click_button("Next").await;
        let page2 = c
            .wait_for("page 2's rows", || async {
                let ids = shown_ids(&c).await;
                Ok((!ids.is_empty() && ids[0] != page1[0]).then_some(ids))
            })
            .await;
        assert_eq!(ids[50..50 + page2.len()], page2[..]);

        // And the server agrees on who is high.
        let mut api: Vec<String> = c
            .summary_users()
            .await
            .iter()
            .filter(|u| u["max_risk_level"] == "high")
            .filter_map(|u| u["user_id"].as_str().map(str::to_owned))
            .collect();
        let mut sorted_ids = ids.clone();
        api.sort();
        sorted_ids.sort();
        assert_eq!(sorted_ids, api);
        // No cell can run as a formula.
        for cell in records.iter().flatten() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    });
}
