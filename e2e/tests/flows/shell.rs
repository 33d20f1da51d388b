//! The shell: profiles switched from the header (two demo accounts, each its own data),
//! `?profile=` links, a profile added in Settings, keyboard shortcuts, and phones (390 px).

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::Locator;

use crate::common::{run, Console};

/// The user names on the first page of the users list.
async fn user_names(c: &Console) -> Vec<String> {
    c.role("table", "Users with risk events").await;
    let rows = c
        .wait_for("user rows", || async {
            let rows = c
                .client
                .find_all(Locator::Css("table tbody tr td a"))
                .await?;
            Ok((!rows.is_empty()).then_some(rows))
        })
        .await;
    let mut names = Vec::new();
    for row in rows {
        names.push(row.text().await.unwrap_or_default());
    }
    names
}

/// Types `keys` on whatever has focus, as real key presses.
async fn keys(c: &Console, keys: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for value in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    c.client
        .perform_actions(actions)
        .await
        .expect("key presses");
}

async fn title(c: &Console) -> String {
    c.client.title().await.unwrap_or_default()
}

async fn wait_title(c: &Console, want: &str) {
    c.wait_for(format!("the title {want:?}"), || async {
        Ok((title(c).await == want).then_some(()))
    })
    .await;
}

#[test]
fn two_profiles_on_two_demo_accounts_switched_from_the_header() {
    run("profiles", &[], |c| async move {
        c.open("/users").await;
        wait_title(&c, "Users · Demo · Zero Trust risk").await;
        let first = user_names(&c).await;

        c.select("Profile", "Demo 2").await;
        wait_title(&c, "Users · Demo 2 · Zero Trust risk").await;
        c.wait_text(".toast", "Switched to profile Demo 2").await;
        let second = c
            .wait_for("the second account's users", || async {
                let names = user_names(&c).await;
                Ok((names != first).then_some(names))
            })
            .await;
        assert_ne!(first, second, "each account has its own users");
        assert_eq!(c.path().await, "/users", "no reload, same page");

        // A link naming a profile opens it, and the parameter leaves the address.
        c.open("/users?profile=Demo").await;
        c.wait_path("/users", |p| p == "/users").await;
        wait_title(&c, "Users · Demo · Zero Trust risk").await;
        c.wait_for("the first account's users again", || async {
            Ok((user_names(&c).await == first).then_some(()))
        })
        .await;
        c.open("/behaviors?profile=Nope").await;
        c.wait_text("[role=alert]", "does not have").await;
        wait_title(&c, "Behaviors · Demo · Zero Trust risk").await;

        // A third profile added in Settings, on yet another account.
        c.open("/settings").await;
        c.click_button("Add profile").await;
        c.fill("Profile name", "Staging").await;
        c.fill(
            "API base URL (CORS proxy)",
            &format!("{}/client/v4", c.base),
        )
        .await;
        c.fill("Account ID", "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e")
            .await;
        c.click_button("Save settings").await;
        c.wait_text("[role=status]", "Settings saved.").await;
        c.role("button", "Edit Staging").await;
        c.select("Profile", "Staging").await;
        wait_title(&c, "Settings · Staging · Zero Trust risk").await;
        c.click_link("Users").await;
        let third = user_names(&c).await;
        assert_ne!(third, first);
        assert_ne!(third, second);

        // Still there after a reload, with the active profile kept.
        c.open("/users").await;
        wait_title(&c, "Users · Staging · Zero Trust risk").await;
    });
}

#[test]
fn keyboard_shortcuts_and_phones() {
    run("shell", &[], |c| async move {
        c.open("/users").await;
        c.css("table tbody tr a").await;
        keys(&c, "gb").await;
        c.wait_path("/behaviors", |p| p == "/behaviors").await;
        c.css("[role=switch]").await;
        keys(&c, "?").await;
        c.wait_text("dialog[open] h2", "Keyboard shortcuts").await;
        c.click_dialog_button("Close").await;
        c.click_link("Users").await;
        c.css("table tbody tr a").await;
        keys(&c, "/").await;
        let focused = c.client.active_element().await.expect("focus");
        assert_eq!(
            focused.attr("id").await.unwrap().as_deref(),
            Some("user-search")
        );
        keys(&c, "gb").await;
        c.wait_path("the search for gb", |p| p == "/users?q=gb")
            .await;
        assert!(
            c.is_visible("#user-search").await,
            "typing is not a shortcut"
        );

        // Phones: nothing scrolls sideways; the nav sits behind the menu button.
        c.client.set_window_size(390, 844).await.expect("resize");
        for path in [
            "/",
            "/users",
            "/detections",
            "/behaviors",
            "/access",
            "/integrations",
            "/settings",
        ] {
            c.open(path).await;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            fits_a_phone(&c, path).await;
        }
        // Detections with rows (events loaded on Overview, reached through the menu).
        c.open("/").await;
        c.css(".load-events button")
            .await
            .click()
            .await
            .expect("load");
        c.wait_text(".run [role=status]", "Done").await;
        c.role("button", "Menu").await.click().await.expect("menu");
        c.click_link("Detections").await;
        c.css("table tbody tr").await;
        fits_a_phone(&c, "/detections with events").await;
        c.open("/").await;
        assert!(
            !c.has_role("link", "Integrations").await,
            "the nav is collapsed"
        );
        let menu = c.role("button", "Menu").await;
        assert_eq!(
            menu.attr("aria-expanded").await.unwrap().as_deref(),
            Some("false")
        );
        menu.click().await.expect("open the menu");
        c.click_link("Integrations").await;
        c.wait_path("/integrations", |p| p == "/integrations").await;
        assert!(
            !c.has_role("link", "Behaviors").await,
            "the menu closes after a choice"
        );
    });
}

/// Every control a finger may need, at least this big (CSS px) on a phone.
const TOUCH_PX: f64 = 44.0;

/// Fails if the page is wider than the viewport (it would scroll sideways) or if a visible
/// control (link, button, field, switch) is a touch target smaller than [`TOUCH_PX`] either way
/// (a checkbox's label counts as its target; links in sentences are exempt); keeps a
/// screenshot.
async fn fits_a_phone(c: &Console, what: &str) {
    let small = c
        .client
        .execute(
            "const min = arguments[0], small = [];
             for (const el of document.querySelectorAll(
                 'a[href], button, select, input, textarea, summary, [role=switch]')) {
               const r = el.getBoundingClientRect();
               // Not shown, visually hidden (1 px, clipped) or off screen until focused (the skip
               // link), or a link in a sentence (WCAG 2.5.5's inline exception).
               if (r.width <= 1 || r.height <= 1 || r.right <= 0
                   || el.closest('[hidden], dialog:not([open])')
                   || (el.tagName === 'A' && el.closest('p'))) continue;
               // A checkbox's label toggles it: the label is part of its target.
               const around = el.closest('label')
                 || (/^(checkbox|radio)$/.test(el.type) && el.labels && el.labels[0]);
               const box = around ? around.getBoundingClientRect() : r;
               // A switch's hit area is its ::before, spread past its edges.
               const before = getComputedStyle(el, '::before'), px = v => parseFloat(v) || 0;
               const spread = before.content !== 'none' && before.position === 'absolute'
                 ? [-px(before.left) - px(before.right), -px(before.top) - px(before.bottom)] : [0, 0];
               const w = Math.max(r.width + spread[0], box.width),
                     h = Math.max(r.height + spread[1], box.height);
               if (Math.round(w) < min || Math.round(h) < min) {
                 const name = el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30) || el.id;
                 small.push(`${el.tagName.toLowerCase()} \"${name}\" ${Math.round(w)}x${Math.round(h)}`);
               }
             }
             return small;",
            vec![serde_json::json!(TOUCH_PX)],
        )
        .await
        .expect("touch targets");
    let small: Vec<String> = serde_json::from_value(small).expect("strings");
    assert!(
        small.is_empty(),
        "{what}: touch targets under {TOUCH_PX} px at 390 px: {small:?}"
    );
    let widths = c
        .client
        .execute(
            "const d = document.documentElement, b = document.body; \
             return [d.scrollWidth, d.clientWidth, b.scrollWidth, b.clientWidth];",
            vec![],
        )
        .await
        .expect("widths");
    let w: Vec<u64> = serde_json::from_value(widths).expect("numbers");
    assert!(w[1] <= 420, "a phone-sized viewport, got {w:?}");
    assert!(
        w[0] <= w[1] && w[2] <= w[3],
        "{what} scrolls sideways at 390 px: {w:?}"
    );
    c.screenshot(&format!("phone{}", what.replace(['/', ' '], "-")))
        .await;
}
