//! Every page loads, the navigation marks the current page, the demo banner shows; screenshots.

use crate::common::{run, Console};

/// Checks the frame every page shares: the demo banner and `aria-current` on `current` only.
async fn check_frame(c: &Console, current: Option<&str>) {
    c.wait_text("[role=note]", "Demo emulator").await;
    for link in [
        "Overview",
        "Users",
        "Detections",
        "Behaviors",
        "Access",
        "Integrations",
        "Settings",
    ] {
        let el = c.role("link", link).await;
        let aria = el.attr("aria-current").await.unwrap();
        let expected = (Some(link) == current).then(|| "page".to_owned());
        assert_eq!(
            aria,
            expected,
            "aria-current of the {link:?} nav link on {}",
            c.path().await
        );
    }
}

/// No error view on the page.
async fn no_alert(c: &Console) {
    assert!(
        !c.is_visible("[role=alert]").await,
        "unexpected alert on {}: {}",
        c.path().await,
        c.body_text().await
    );
}

#[test]
fn every_page_loads_with_the_nav_and_the_demo_banner() {
    run("pages", &[], |c| async move {
        // Users: the summary table with at least one user row.
        c.open("/users").await;
        c.wait_text("h1", "Users").await;
        check_frame(&c, Some("Users")).await;
        c.css("table tbody tr a").await;
        no_alert(&c).await;
        c.screenshot("users").await;

        // "/" is the overview; Detections starts empty.
        c.open("/").await;
        c.wait_text("h1", "Overview").await;
        check_frame(&c, Some("Overview")).await;
        c.css("figure.chart a.bar").await;
        no_alert(&c).await;
        c.screenshot("overview").await;
        c.open("/detections").await;
        c.wait_text("h2", "No events loaded yet").await;
        check_frame(&c, Some("Detections")).await;

        // A user's detail page, reached from the table.
        c.open("/users").await;
        let first = c.css("table tbody tr a").await;
        let name = first.text().await.unwrap();
        first.click().await.unwrap();
        c.wait_path("/users/<id>", |p| p.starts_with("/users/"))
            .await;
        c.wait_text("h1", name.trim()).await;
        c.role("button", "Reset risk score").await;
        check_frame(&c, Some("Users")).await;
        no_alert(&c).await;
        c.screenshot("user-detail").await;

        // Behaviors: a switch per behavior.
        c.open("/behaviors").await;
        c.wait_text("h1", "Behaviors").await;
        check_frame(&c, Some("Behaviors")).await;
        c.css("[role=switch][aria-checked]").await;
        no_alert(&c).await;
        c.screenshot("behaviors").await;

        // Risk and access: the matrix.
        c.open("/access").await;
        c.wait_text("h1", "Risk and access").await;
        check_frame(&c, Some("Access")).await;
        c.css("table.access-matrix tbody tr").await;
        no_alert(&c).await;

        // Integrations list and the create form.
        c.open("/integrations").await;
        c.wait_text("h1", "Integrations").await;
        check_frame(&c, Some("Integrations")).await;
        c.labelled("Reference ID").await;
        no_alert(&c).await;
        c.screenshot("integrations").await;

        c.open("/integrations/new").await;
        c.labelled("Okta tenant URL").await;
        c.role("button", "Create integration").await;
        c.screenshot("integration-new").await;

        c.open("/settings").await;
        c.wait_text("h1", "Settings").await;
        check_frame(&c, Some("Settings")).await;
        c.screenshot("settings-page").await;

        // An unknown route.
        c.open("/no/such/page").await;
        c.wait_text("h1", "Page not found").await;
        check_frame(&c, None).await;
        c.screenshot("not-found").await;

        // The nav links navigate client-side and move aria-current.
        c.click_link("Behaviors").await;
        c.wait_path("/behaviors", |p| p == "/behaviors").await;
        c.wait_text("h1", "Behaviors").await;
        check_frame(&c, Some("Behaviors")).await;
    });
}
