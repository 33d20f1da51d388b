//! Users: resetting a user's score takes them out of the summary.

use fantoccini::Locator;

use crate::common::run;

#[test]
fn reset_user_leaves_the_summary() {
    run("users", &[], |c| async move {
        c.open("/users").await;
        c.role("table", "Users with risk events").await;
        let rows = c
            .wait_for("at least two user rows", || async {
                let rows = c.client.find_all(Locator::Css("table tbody tr")).await?;
                Ok((rows.len() >= 2).then_some(rows))
            })
            .await;
        let cells = |i: usize| {
            let row = rows[i].clone();
            async move {
                let name = row
                    .find(Locator::Css("td a"))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                let email = row.find(Locator::Css("td:nth-child(3)")).await.unwrap();
                (
                    name.trim().to_owned(),
                    email.text().await.unwrap().trim().to_owned(),
                )
            }
        };
        let (name, email) = cells(0).await;
        let (_, other_email) = cells(1).await;
        assert!(
            email.contains('@'),
            "the third column (after the checkbox) is the email, got {email:?}"
        );
        let title = if name.is_empty() {
            email.clone()
        } else {
            name.clone()
        };

        // Open the user, reset, confirm in the dialog.
        rows[0]
            .find(Locator::Css("td a"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        c.wait_path("/users/<id>", |p| p.starts_with("/users/"))
            .await;
        c.wait_text("h1", &title).await;
        c.click_button("Reset risk score").await;
        let dialog = c.css("dialog[open]").await;
        let heading = dialog
            .find(Locator::Css("h2"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(heading, format!("Reset risk score for {title}?"));
        c.screenshot("user-reset-dialog").await;
        c.click_dialog_button("Reset score").await;
        c.wait_text(".toast", &format!("Risk score reset for {title}"))
            .await;
        c.wait_for("the dialog to close", || async {
            Ok((!c.is_visible("dialog[open]").await).then_some(()))
        })
        .await;
        assert!(!c.is_visible("[role=alert]").await, "reset showed an error");

        // The page reloads and shows the reset.
        let last_reset = "//dt[normalize-space()='Last reset']/following-sibling::dd[1]";
        c.wait_for("\"Last reset\" to show the reset", || async {
            let now = c.xpath(last_reset).await.text().await?;
            Ok((now.trim() != "Never").then_some(()))
        })
        .await;
        let user_path = c.path().await;

        // Back to the list by the nav link: the user is gone, others are still found.
        c.click_link("Users").await;
        c.wait_path("/users", |p| {
            p.starts_with("/users") && !p.starts_with("/users/")
        })
        .await;
        c.role("table", "Users with risk events").await;
        c.fill("Search users", &other_email).await;
        c.wait_text("table tbody", &other_email).await;
        c.fill("Search users", &email).await;
        c.wait_text(".empty-state", "No users match these filters")
            .await;
        c.wait_no_text("table tbody", &email).await;

        // Still gone after a full reload (the server forgot the score, not just the cache).
        c.open("/users").await;
        c.role("table", "Users with risk events").await;
        c.fill("Search users", &email).await;
        c.wait_text(".empty-state", "No users match these filters")
            .await;

        // Their page still opens from a direct link, reset and without events counted.
        c.open(&user_path).await;
        c.wait_text("h1", &title).await;
        c.wait_text("[role=note]", "Demo emulator").await;
        let shown = c.xpath(last_reset).await.text().await.unwrap();
        assert_ne!(
            shown.trim(),
            "Never",
            "Last reset after a reset, on a direct load"
        );
    });
}
