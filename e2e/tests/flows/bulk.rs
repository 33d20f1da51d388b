//! Bulk reset: three users picked by their checkboxes, one confirm naming the count, the run
//! with its progress; afterwards exactly those three are gone from the summary (asked of the
//! API) and from the list.

use std::collections::BTreeSet;

use fantoccini::Locator;

use crate::common::run;

#[test]
fn bulk_reset_of_three_users_removes_exactly_them_from_the_summary() {
    run("bulk", &[], |c| async move {
        c.open("/users").await;
        c.role("table", "Users with risk events").await;
        let before: BTreeSet<String> = c
            .summary_users()
            .await
            .iter()
            .filter_map(|u| u["user_id"].as_str().map(str::to_owned))
            .collect();
        let rows = c
            .wait_for("user rows", || async {
                let rows = c.client.find_all(Locator::Css("table tbody tr")).await?;
                Ok((rows.len() >= 10).then_some(rows))
            })
            .await;
        // Three users with distinct, plain names, so each checkbox's label names one user.
        let mut picked = Vec::new();
        for row in &rows {
            let link = row.find(Locator::Css("td a")).await.unwrap();
            let name = link.text().await.unwrap().trim().to_owned();
            let href = link.attr("href").await.unwrap().unwrap_or_default();
            let id = href.trim_start_matches("/users/").to_owned();
            let plain = name
                .chars()
                .all(|ch| ch.is_alphanumeric() || " '-.".contains(ch));
            if plain && !name.is_empty() && !picked.iter().any(|(_, n, _)| n == &name) {
                picked.push((id, name, row.clone()));
            }
            if picked.len() == 3 {
                break;
            }
        }
        assert_eq!(
            picked.len(),
            3,
            "three plainly named users on the first page"
        );
        for (_, name, row) in &picked {
            let box_ = row
                .find(Locator::Css("input[type=checkbox]"))
                .await
                .unwrap();
            let label = box_.attr("aria-label").await.unwrap();
            assert_eq!(label.as_deref(), Some(format!("Select {name}").as_str()));
            box_.click().await.unwrap();
        }
        c.wait_text(
            "section.selection-bar[aria-label='Selected users']",
            "3 selected",
        )
        .await;
        c.click_button("Reset 3 users").await;
        let dialog = c.css("dialog[open]").await;
        let heading = dialog.find(Locator::Css("h2")).await.unwrap();
        assert_eq!(heading.text().await.unwrap(), "Reset 3 users?");
        assert!(dialog
            .text()
            .await
            .unwrap()
            .contains("leave the users summary"));
        c.screenshot("bulk-reset-dialog").await;
        c.click_dialog_button("Reset 3 users").await;
        c.wait_text(".run [role=status]", "Done.").await;
        let bar = c
            .css("[role=progressbar][aria-label='Resetting users']")
            .await;
        assert_eq!(
            bar.attr("aria-valuenow").await.unwrap().as_deref(),
            Some("3")
        );
        c.wait_text(".bulk-outcomes", "reset").await;
        assert!(!c.is_visible(".run-failures li").await, "no user failed");
        c.screenshot("bulk-reset-done").await;

        let after: BTreeSet<String> = c
            .summary_users()
            .await
            .iter()
            .filter_map(|u| u["user_id"].as_str().map(str::to_owned))
            .collect();
        let gone: BTreeSet<String> = before.difference(&after).cloned().collect();
        let expected: BTreeSet<String> = picked.iter().map(|(id, _, _)| id.clone()).collect();
        assert_eq!(
            gone, expected,
            "exactly the three picked users left the summary"
        );
        assert!(after.is_subset(&before), "nobody joined the summary");

        // The reloaded list agrees, and the selection is empty again.
        for (id, _, _) in &picked {
            let selector = format!("table tbody a[href='/users/{id}']");
            c.wait_for(format!("{id} to leave the list"), || async {
                Ok((!c.is_visible(&selector).await).then_some(()))
            })
            .await;
        }
        c.wait_for("the selection bar to hide", || async {
            Ok((!c.is_visible("section.selection-bar").await).then_some(()))
        })
        .await;
    });
}
