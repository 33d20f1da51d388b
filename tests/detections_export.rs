//! Export of the Detections view in headless Chromium: "Export CSV" and "Export JSON" write
//! every event the filters match (not only the page shown), in the view's order, with cells
//! that cannot run as formulas; a big export gives the page back between chunks.

mod common;

use chrono::{DateTime, Utc};
use common::events::{mount_with, synthetic, wait_shown, BEHAVIORS};
use common::files::{catch_downloads, downloaded};
use common::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use zt_risk_api::{RiskEvent, RiskLevel};
use zt_risk_console::api::fake::FakeTransport;
use zt_risk_console::export::csv_reader::read as parse_csv;
use zt_risk_console::state::events::Loaded;

wasm_bindgen_test_configure!(run_in_browser);

/// A cell as a spreadsheet must get it: text that could start a formula gets a leading `'`.
fn guarded(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// 600 events, some users and details hostile. With `FILTER` (high, behaviors 0–3), user `i`'s
/// event `k` is shown when `(i + k) % 24` is 2, 8, 11 or 17: users 0, 1, 2, 6 and 8 all have one.
fn hostile() -> Vec<Loaded> {
    let mut users = synthetic(200, 3);
    users[0].user.name = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
    users[1].user.name = "Lovelace, \"Ada\"\r\nthe first".into();
    users[2].user.name = "Zoë Ångström 東京".into();
    users[6].user.email = "@sum(1)@example.com".into();
    for e in &mut users[0].detail.events {
        e.event_details = Some(json!({ "note": "=1+1, \"quoted\"\nnext line", "city": "Zürich" }));
    }
    for e in &mut users[8].detail.events {
        e.event_details = Some(json!(-7));
    }
    users
}

/// How many downloads were caught (`catch_downloads`).
fn downloads() -> u32 {
    js_sys::Reflect::get(&js_sys::global(), &"__names".into())
        .ok()
        .and_then(|names| js_sys::Reflect::get(&names, &"length".into()).ok())
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as u32
}

fn filter_query() -> String {
    let behaviors: Vec<String> = BEHAVIORS[..4]
        .iter()
        .map(|b| format!("behavior={}", b.replace(' ', "%20")))
        .collect();
    format!("/detections?{}&level=high", behaviors.join("&"))
}

/// What the filter shows, worked out from the fixtures alone: newest first.
fn expected(users: &[Loaded]) -> Vec<(&Loaded, &RiskEvent)> {
    let mut shown: Vec<(&Loaded, &RiskEvent)> = users
        .iter()
        .flat_map(|u| u.detail.events.iter().map(move |e| (u, e)))
        .filter(|(_, e)| {
            e.risk_level == RiskLevel::High && BEHAVIORS[..4].contains(&e.name.as_str())
        })
        .collect();
    shown.sort_by_key(|(_, e)| std::cmp::Reverse(e.timestamp));
    shown
}

#[wasm_bindgen_test]
async fn csv_and_json_hold_every_event_of_the_filtered_view_in_order() {
    let users = hostile();
    let want = expected(&users);
    assert!(want.len() > 50, "more rows than one page: {}", want.len());
    let fake = FakeTransport::new();
    let _h = mount_with(&filter_query(), &fake, users.clone());
    wait_shown(&format!("Showing 1–50 of {}", want.len()), 5).await;
    catch_downloads();

    click_button("Export CSV");
    wait_for("a download", || downloads() == 1).await;
    let (name, csv) = downloaded().await.expect("a CSV download");
    assert!(
        name.starts_with(&format!("zt-risk-detections-{ACCOUNT}-")) && name.ends_with("Z.csv"),
        "{name}"
    );
    let rows = parse_csv(&csv);
    assert_eq!(
        rows[0],
        [
            "timestamp",
            "name",
            "email",
            "user_id",
            "event_name",
            "event_id",
            "risk_level",
            "event_details"
        ]
    );
    assert_eq!(
        rows.len(),
        1 + want.len(),
        "every matching event, not one page"
    );
    for (row, (u, e)) in rows[1..].iter().zip(&want) {
        assert!(row[0].ends_with('Z'), "UTC: {}", row[0]);
        let at = DateTime::parse_from_rfc3339(&row[0]).expect("RFC 3339");
        assert_eq!(at.with_timezone(&Utc), e.timestamp);
        assert_eq!(
            (&row[1], &row[2]),
            (&guarded(&u.user.name), &guarded(&u.user.email))
        );
        assert_eq!(
            (&row[3], &row[4], &row[5]),
            (&u.user.user_id, &e.name, &e.id)
        );
        assert_eq!(row[6], "high");
        let details = e
            .event_details
            .as_ref()
            .map(Value::to_string)
            .unwrap_or_default();
        assert_eq!(row[7], guarded(&details));
    }
    // The hostile cells, as written.
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
    assert!(rows
        .iter()
        .any(|r| r[1] == "Lovelace, \"Ada\"\r\nthe first"));
    assert!(rows.iter().any(|r| r[1] == "Zoë Ångström 東京"));
    assert!(rows.iter().any(|r| r[2] == "'@sum(1)@example.com"));
    assert!(rows.iter().any(|r| r[7] == "'-7"));
    assert!(rows
        .iter()
        .any(|r| r[7].contains("Zürich") && r[7].contains("\\\"quoted\\\"")));

    click_button("Export JSON");
    wait_for("a second download", || downloads() == 2).await;
    let (name, text) = downloaded().await.expect("a JSON download");
    assert!(name.ends_with("Z.json"), "{name}");
    let value: Value = serde_json::from_str(&text).expect("valid JSON");
    let items = value["detections"].as_array().expect("detections");
    assert_eq!(items.len(), want.len());
    for (item, (u, e)) in items.iter().zip(&want) {
        assert_eq!(item["user_id"], u.user.user_id.as_str());
        assert_eq!(
            (&item["name"], &item["email"]),
            (&json!(u.user.name), &json!(u.user.email))
        );
        let event: RiskEvent = serde_json::from_value(item["event"].clone()).expect("an API event");
        assert_eq!(&event, *e);
    }
    assert!(query("[role=alert]").is_none());
    // Only Load events' summary: the export reads the loaded events, it fetches nothing.
    assert!(fake.requests().len() <= 1, "{:?}", fake.requests());
}

#[wasm_bindgen_test]
async fn a_big_export_gives_the_page_back_between_chunks() {
    let fake = FakeTransport::new();
    let _h = mount_with("/detections", &fake, synthetic(2_500, 4));
    wait_shown("Showing 1–50 of 10,000", 30).await;
    catch_downloads();
    // A timer of the page's own that counts its turns, and the count when the file is done.
    js_sys::eval(
        "window.__turns = 0; window.__turnsAtFile = -1;
         (function turn() { window.__turns++; if (window.__turnsAtFile < 0) setTimeout(turn, 0); })();
         const made = URL.createObjectURL;
         URL.createObjectURL = b => { window.__turnsAtFile = window.__turns; return made(b); };",
    )
    .expect("install the counter");
    let turns = || {
        js_sys::Reflect::get(&js_sys::global(), &"__turnsAtFile".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(-1.0)
    };
    click_button("Export CSV");
    wait_for("the file", || turns() >= 0.0).await;
    let (_, csv) = downloaded().await.expect("a CSV download");
    assert_eq!(parse_csv(&csv).len(), 1 + 10_000);
    // 10,000 rows are five chunks of 2,000: the timer ran between them.
    assert!(
        turns() >= 4.0,
        "the page's timer ran {} times during the build",
        turns()
    );
}
