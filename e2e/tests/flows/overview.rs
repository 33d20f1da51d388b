//! Overview: a figure links to the users list filtered the same way, and the list's count is
//! the figure's.

use fantoccini::Locator;

use crate::common::{run, Console};

/// The first whole number in `text`, commas allowed ("1,204 users" → 1204).
pub fn first_number(text: &str) -> Option<usize> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ','))
        .map(|s| s.replace(',', ""))
        .find(|s| !s.is_empty())
        .and_then(|s| s.parse().ok())
}

/// The users the list shows in all, from its pager ("Showing 1–50 of 123").
async fn listed(c: &Console) -> usize {
    let status = c.wait_text(".pager [role=status]", " of ").await;
    let text = status.text().await.expect("pager text");
    let total = text.rsplit(" of ").next().unwrap_or_default();
    first_number(total).unwrap_or_else(|| panic!("no count in {text:?}"))
}

#[test]
fn an_overview_figure_links_to_a_users_list_whose_count_matches() {
    run("overview", &[], |c| async move {
        for (caption, bar, path) in [
            ("Users per risk level", "High", "/users?level=high"),
            (
                "Users by last event (each window includes the shorter ones)",
                "Last 7 days",
                "/users?within=7d",
            ),
        ] {
            c.open("/").await;
            let link = c
                .xpath(&format!(
                    "//figure[figcaption={caption:?}]//a[.//span[@class='bar-label']={bar:?}]"
                ))
                .await;
            let text = link.text().await.expect("bar text");
            let value = text.trim_start_matches(bar);
            let count = first_number(value).unwrap_or_else(|| panic!("no count in {text:?}"));
            assert!(count > 0, "the demo has users in {bar:?}: {text:?}");
            c.screenshot(&format!(
                "overview-{}",
                path.rsplit('=').next().unwrap_or("")
            ))
            .await;
            link.click().await.expect("click the bar");
            c.wait_path(path, |p| p == path).await;
            c.role("table", "Users with risk events").await;
            assert_eq!(
                listed(&c).await,
                count,
                "{bar}: the list counts what the figure said"
            );
            let rows = c
                .client
                .find_all(Locator::Css("table.users tbody tr"))
                .await;
            assert_eq!(rows.map(|r| r.len()).unwrap_or(0), count.min(50));
        }
    });
}
