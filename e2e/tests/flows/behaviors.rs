//! Behaviors: changes saved on the page (through the review) are there after a reload.

use crate::common::{run, Console};

/// Its switch and its level are both changed.
pub(super) const FIRST: &str = "Impossible Travel";
/// Only its switch is flipped.
pub(super) const SECOND: &str = "CrowdStrike Low ZTA Score";
pub(super) const DRAFT_BAR: &str = "[role=region][aria-label='Unsaved changes']";

/// `(aria-checked of "Enable <name>", value of "Risk level for <name>")`.
pub(super) async fn state(c: &Console, name: &str) -> (String, String) {
    let switch = c.role("switch", &format!("Enable {name}")).await;
    let checked = switch
        .attr("aria-checked")
        .await
        .unwrap()
        .unwrap_or_default();
    let select = c.labelled(&format!("Risk level for {name}")).await;
    let level = select.prop("value").await.unwrap().unwrap_or_default();
    (checked, level)
}

pub(super) fn flipped(checked: &str) -> String {
    assert!(
        checked == "true" || checked == "false",
        "aria-checked={checked:?}"
    );
    (checked != "true").to_string()
}

#[test]
fn behavior_changes_are_saved_and_survive_a_reload() {
    run("behaviors", &[], |c| async move {
        c.open("/behaviors").await;
        c.role("table", "Risk behaviors").await;
        let (first_on, first_level) = state(&c, FIRST).await;
        let (second_on, second_level) = state(&c, SECOND).await;
        let (new_level, new_label) = match first_level.as_str() {
            "high" => ("low", "Low"),
            _ => ("high", "High"),
        };
        let first = (flipped(&first_on), new_level.to_owned());
        let second = (flipped(&second_on), second_level);

        c.role("switch", &format!("Enable {FIRST}"))
            .await
            .click()
            .await
            .unwrap();
        c.select(&format!("Risk level for {FIRST}"), new_label)
            .await;
        c.role("switch", &format!("Enable {SECOND}"))
            .await
            .click()
            .await
            .unwrap();
        assert_eq!(state(&c, FIRST).await, first);
        assert_eq!(state(&c, SECOND).await, second);
        c.wait_text(DRAFT_BAR, "2 unsaved changes").await;
        c.screenshot("behaviors-draft").await;

        c.click_button("Save changes").await;
        c.wait_text("dialog[open] h2", "Review changes").await;
        c.click_dialog_button("Apply").await;
        c.wait_text(".toast", "Saved 2 behavior changes").await;
        c.wait_for("the draft bar to go", || async {
            Ok((!c.is_visible(DRAFT_BAR).await).then_some(()))
        })
        .await;
        assert!(
            !c.is_visible("[role=alert]").await,
            "saving showed an error"
        );
        assert_eq!(state(&c, FIRST).await, first, "{FIRST} right after saving");

        c.open("/behaviors").await;
        c.role("table", "Risk behaviors").await;
        assert_eq!(state(&c, FIRST).await, first, "{FIRST} after a reload");
        assert_eq!(state(&c, SECOND).await, second, "{SECOND} after a reload");
    });
}
