//! Detections in headless Chromium: the empty state loads events, filters and sort live in
//! the URL and narrow the rows, and a filter keystroke over 100,000 events is measured (printed,
//! not asserted: speed belongs to the benchmark).

mod common;

use common::document;
use common::events::{mount_with, search, shown, synthetic, wait_shown, BEHAVIORS};
use common::users::many;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};

wasm_bindgen_test_configure!(run_in_browser);

fn first_user() -> String {
    query("table.detections tbody tr td:nth-child(2)")
        .and_then(|td| td.text_content())
        .unwrap_or_default()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

#[wasm_bindgen_test]
async fn with_nothing_loaded_it_offers_load_events_and_then_lists_the_events() {
    let users = many(2);
    let fake = FakeTransport::new();
    fake.push(FakeReply::ok(
        &serde_json::json!({ "users": users }).to_string(),
    ));
    for u in &users {
        let detail = serde_json::json!({
            "name": u.name, "email": u.email, "risk_level": "high",
            "events": [{ "id": "e", "name": "Impossible Travel", "risk_level": "high",
                         "timestamp": "2026-01-01T00:00:00Z", "event_details": { "ip": "<img src=x onerror=alert(1)>" } }],
        });
        fake.push(FakeReply::ok(&detail.to_string()));
    }
    let _h = mount_with("/detections", &fake, Vec::new());
    wait_for("the empty state", || {
        text("body").contains("No events loaded yet")
    })
    .await;
    wait_for("the load button", || query("#load-scope").is_some()).await;
    click_button("Load events for 2 users");
    wait_shown("Showing 1–2 of 2", 2).await;
    assert_eq!(
        text("table.detections tbody tr td:nth-child(3)"),
        "Impossible Travel"
    );
    let link = el("table.detections tbody tr td:nth-child(2) a");
    assert!(link
        .get_attribute("href")
        .is_some_and(|h| h.starts_with("/users/00000000-0000-4000-8000-")));
    // Details are JSON text, never markup.
    assert!(query("table.detections img").is_none());
    assert!(text("table.detections details pre").contains("<img src=x onerror=alert(1)>"));
}

#[wasm_bindgen_test]
async fn filters_and_sort_live_in_the_url_and_narrow_the_rows() {
    let fake = FakeTransport::new();
    let _h = mount_with("/detections?level=high", &fake, synthetic(40, 3));
    // (i + k) % 3 == 2 for 40 events out of 120.
    wait_shown("Showing 1–40 of 40", 2).await;
    let travel = document()
        .query_selector_all(".behaviors-filter input[type=checkbox]")
        .expect("boxes");
    let labels: Vec<String> = (0..travel.length())
        .filter_map(|i| travel.item(i))
        .filter_map(|n| n.parent_node().and_then(|p| p.text_content()))
        .collect();
    let at = labels
        .iter()
        .position(|l| l.trim().starts_with(BEHAVIORS[0]))
        .expect("a box for Impossible Travel");
    travel
        .item(at as u32)
        .expect("box")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_for("the behavior in the URL", || {
        search() == "?behavior=Impossible%20Travel&level=high"
    })
    .await;
    // Behavior 0 and level high: (i + k) % 24 == 8 → k=0: i=8,32; k=1: i=7,31; k=2: i=6,30.
    wait_shown("Showing 1–6 of 6", 2).await;
    type_into("detections-search", "user00031@");
    wait_shown("Showing 1–1 of 1", 2).await;
    assert_eq!(first_user(), "User 00031");
    click_button("Clear filters");
    wait_for("no filters", || search().is_empty()).await;
    wait_shown("Showing 1–50 of 120", 2).await;
    click_button("Risk level");
    wait_for("sorted by level", || search() == "?sort=level").await;
    wait_for("the highest level first", || {
        text("table.detections tbody tr td:nth-child(4)") == "High"
    })
    .await;
    click_button("Next");
    wait_for("page 2", || search() == "?sort=level&page=2").await;
}

#[wasm_bindgen_test]
async fn a_filter_keystroke_over_100000_events_is_measured() {
    let fake = FakeTransport::new();
    let started = now_ms();
    let _h = mount_with("/detections", &fake, synthetic(20_000, 5));
    wait_shown("Showing 1–50 of 100,000", 120).await;
    let first_paint = now_ms() - started;
    // One keystroke that narrows 100,000 events to one user's 5.
    let typed = now_ms();
    type_into("detections-search", "user19999@");
    let mut polls = 0;
    while first_user() != "User 19999" && polls < 2_000 {
        leptos::task::tick().await;
        polls += 1;
    }
    next_frame().await;
    let keystroke = now_ms() - typed;
    assert_eq!(shown(), "Showing 1–5 of 5");
    // And back to everything.
    let cleared = now_ms();
    type_into("detections-search", "");
    while shown() != "Showing 1–50 of 100,000" && polls < 4_000 {
        leptos::task::tick().await;
        polls += 1;
    }
    next_frame().await;
    let back = now_ms() - cleared;
    console_log!(
        "detections at 100,000 events (debug build): store fill + index + first page {first_paint:.0} ms; search keystroke to paint {keystroke:.0} ms; clearing it {back:.0} ms"
    );
}
