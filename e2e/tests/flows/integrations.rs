//! Integrations: create, look up by reference id, edit, delete.

use crate::common::{run, Console};

const REFERENCE: &str = "3f2b1c7e-9a4d-4e8b-b1f0-6c5d2e7a9b10";
const TENANT: &str = "https://e2e-test.okta.com";
const EDITED: &str = "https://e2e-edited.okta.com";

async fn look_up(c: &Console, reference: &str) {
    c.open("/integrations").await;
    c.wait_text("h1", "Integrations").await;
    c.fill("Reference ID", reference).await;
    c.click_button("Look up").await;
}

async fn value_of(c: &Console, label: &str) -> String {
    let input = c.labelled(label).await;
    input.prop("value").await.unwrap().unwrap_or_default()
}

#[test]
fn integration_create_look_up_edit_delete() {
    run("integrations", &[], |c| async move {
        // Create.
        c.open("/integrations/new").await;
        c.fill("Okta tenant URL", TENANT).await;
        c.fill("Reference ID (optional)", REFERENCE).await;
        c.click_button("Create integration").await;
        c.wait_text("h2", "Integration created").await;
        let well_known = value_of(&c, "Well-known URL").await;
        assert!(
            well_known.starts_with("https://"),
            "well-known URL {well_known:?}"
        );
        c.screenshot("integration-created").await;

        // Listed, then found by its reference id.
        c.open("/integrations").await;
        c.role("table", "Integrations").await;
        c.wait_text("table tbody tr", REFERENCE).await;
        look_up(&c, REFERENCE).await;
        let path = c
            .wait_path("/integrations/<id>", |p| {
                p.starts_with("/integrations/") && p != "/integrations/new"
            })
            .await;
        c.wait_text("h1", "e2e-test.okta.com").await;
        assert_eq!(value_of(&c, "Well-known URL").await, well_known);
        c.screenshot("integration-edit").await;

        // Edit the tenant URL and deactivate; the new values survive a reload.
        let active = c.role("switch", "Active").await;
        assert_eq!(
            active.attr("aria-checked").await.unwrap().as_deref(),
            Some("true")
        );
        c.fill("Okta tenant URL", EDITED).await;
        active.click().await.unwrap();
        c.click_button("Save changes").await;
        c.wait_text(".toast", "Integration saved").await;
        assert!(
            !c.is_visible("[role=alert]").await,
            "saving showed an error"
        );
        c.open(&path).await;
        c.wait_text("h1", "e2e-edited.okta.com").await;
        assert!(value_of(&c, "Okta tenant URL")
            .await
            .contains("e2e-edited.okta.com"));
        let active = c.role("switch", "Active").await;
        assert_eq!(
            active.attr("aria-checked").await.unwrap().as_deref(),
            Some("false"),
            "Active after saving it off and reloading"
        );

        // Delete, confirmed in the dialog: back on the list without it.
        c.click_button("Delete integration").await;
        c.css("dialog[open]").await;
        c.click_dialog_button("Delete integration").await;
        c.wait_path("/integrations", |p| p == "/integrations").await;
        c.wait_text(".toast", "Integration deleted").await;
        c.wait_for("the deleted integration to leave the list", || async {
            let text = c.body_text().await;
            Ok((text.contains("Integrations") && !text.contains(REFERENCE)).then_some(()))
        })
        .await;

        // The reference id no longer finds anything.
        look_up(&c, REFERENCE).await;
        c.wait_text(
            "[role=status]",
            &format!("No integration has reference ID {REFERENCE}"),
        )
        .await;
    });
}
