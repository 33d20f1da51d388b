//! Overview in headless Chromium: summary figures link into the users list with the filter
//! they count, and the event charts appear from the events store, with links into Detections.

mod common;

use common::document;
use common::events::synthetic;
use common::users::sample;
use common::*;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::pages::OverviewPage;
use zt_risk_console::state::use_events;

wasm_bindgen_test_configure!(run_in_browser);

/// The text and href of every bar of the chart captioned `caption`.
fn bars(caption: &str) -> Vec<(String, String)> {
    let figures = document()
        .query_selector_all("figure.chart")
        .expect("charts");
    (0..figures.length())
        .filter_map(|i| figures.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|f| {
            f.query_selector("figcaption")
                .ok()
                .flatten()
                .and_then(|c| c.text_content())
                .is_some_and(|t| t == caption)
        })
        .map(|f| {
            let bars = f.query_selector_all(".bar").expect("bars");
            (0..bars.length())
                .filter_map(|i| bars.item(i))
                .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                .map(|b| {
                    let text = b.text_content().unwrap_or_default();
                    (text, b.get_attribute("href").unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn summary_figures_link_to_the_users_list_they_count() {
    clear_storage();
    go("/");
    let fake = FakeTransport::new();
    let summary = serde_json::json!({ "users": sample() }).to_string();
    fake.push(FakeReply::ok(&summary));
    let _h = mount(config_with_token(), fake.clone(), 5_000, || {
        view! { <Router><OverviewPage/></Router> }
    });
    wait_for("the level chart", || {
        !bars("Users per risk level").is_empty()
    })
    .await;
    assert_eq!(
        bars("Users per risk level"),
        [
            (
                "High 2 users (50%)".to_owned(),
                "/users?level=high".to_owned()
            ),
            (
                "Medium 1 user (25%)".to_owned(),
                "/users?level=medium".to_owned()
            ),
            ("Low 1 user (25%)".to_owned(), "/users?level=low".to_owned()),
        ]
    );
    let windows = bars("Users by last event (each window includes the shorter ones)");
    assert_eq!(windows.len(), 4);
    assert_eq!(windows[3].1, "/users?within=older");
    // The sample's events are in January 2026: all older than 30 days.
    assert_eq!(windows[3].0, "Older than 30 days 4 users");
    // No events loaded: the page says where the event charts come from, and draws none.
    assert!(text("body").contains("come from the events loaded below"));
    assert!(bars("Events per day, last 30 days").is_empty());
    // One summary request ("Load events" reads it from the read cache), and the behaviors,
    // which "Since your last visit" compares with those it last saw.
    wait_for("the load scope", || query("#load-scope").is_some()).await;
    let urls: Vec<String> = fake.requests().into_iter().map(|r| r.url).collect();
    assert_eq!(urls.len(), 2, "{urls:?}");
    assert!(
        urls[0].ends_with("/summary") && urls[1].ends_with("/behaviors"),
        "{urls:?}"
    );
    // A first visit: nothing to compare yet.
    wait_for("since your last visit", || {
        text("body").contains("there is nothing to compare yet")
    })
    .await;
}

#[wasm_bindgen_test]
async fn event_charts_come_from_the_store_and_link_into_detections() {
    clear_storage();
    go("/");
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(r#"{"users":[]}"#));
    let _h = mount(config_with_token(), fake, 5_000, || {
        use_events().fill(ACCOUNT, synthetic(30, 2));
        view! { <Router><OverviewPage/></Router> }
    });
    wait_for("the behaviors chart", || {
        !bars("Behaviors that fired most").is_empty()
    })
    .await;
    let top = bars("Behaviors that fired most");
    assert_eq!(top.len(), 8);
    assert_eq!(
        top[0],
        (
            "CrowdStrike low ZTA score 8 events (13%)".to_owned(),
            "/detections?behavior=CrowdStrike%20low%20ZTA%20score".to_owned()
        )
    );
    let levels = bars("Share of events per level");
    assert_eq!(levels[0].1, "/detections?level=high");
    assert_eq!(levels[0].0, "High 20 events (33%)");
    let days = bars("Events per day, last 30 days");
    assert_eq!(days.len(), 30);
    let counted: usize = days
        .iter()
        .filter_map(|(t, _)| t.split(' ').rev().nth(1)?.parse::<usize>().ok())
        .sum();
    assert_eq!(counted, 60, "every event is this month's: {days:?}");
    assert!(days[29].1.starts_with("/detections?range=custom&from="));
}
