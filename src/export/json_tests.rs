//! Native tests of the JSON writers: valid JSON, the API's field names and values, hostile text.

use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use zt_risk_api::{RiskEvent, RiskLevel, UserRiskInfo};

use super::{detection, separator, string, user, DETECTIONS, USERS};
use crate::export::Who;

fn ada(level: RiskLevel) -> UserRiskInfo {
    UserRiskInfo {
        user_id: "00000000-0000-4000-8000-000000000001".into(),
        name: "Ada \"the\" Lovelace\n\u{1}</script>".into(),
        email: "ada@example.com".into(),
        max_risk_level: level,
        event_count: 7,
        last_event: Utc
            .with_ymd_and_hms(2026, 11, 28, 23, 15, 0)
            .single()
            .expect("time"),
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn strings_escape_quotes_backslashes_and_controls() {
    for s in [
        "",
        "plain",
        "q\"\\",
        "a\nb\r\tc\u{0}\u{1f}",
        "Zoë 東京 🙂",
        "\u{2028}",
    ] {
        let mut out = String::new();
        string(&mut out, s);
        assert_eq!(
            serde_json::from_str::<String>(&out).ok().as_deref(),
            Some(s)
        );
    }
}

#[test]
fn users_are_the_summary_result_shape() {
    let mut out = USERS.0.to_owned();
    for (i, u) in [
        ada(RiskLevel::High),
        ada(RiskLevel::Unknown("severe".into())),
    ]
    .iter()
    .enumerate()
    {
        separator(&mut out, i);
        user(&mut out, u);
    }
    out.push_str(USERS.1);
    let value = parse(&out);
    let first = &value["users"][0];
    assert_eq!(
        first,
        &json!({
            "user_id": "00000000-0000-4000-8000-000000000001",
            "name": "Ada \"the\" Lovelace\n\u{1}</script>",
            "email": "ada@example.com",
            "max_risk_level": "high",
            "event_count": 7,
            "last_event": "2026-11-28T23:15:00Z",
        })
    );
    // An unknown level is exported as the API sent it.
    assert_eq!(value["users"][1]["max_risk_level"], "severe");
    let back: UserRiskInfo = serde_json::from_value(first.clone()).expect("decodes as the API's");
    assert_eq!(back, ada(RiskLevel::High));
    let mut empty = USERS.0.to_owned();
    empty.push_str(USERS.1);
    assert_eq!(parse(&empty), json!({ "users": [] }));
}

#[test]
fn detections_hold_the_user_beside_the_api_event() {
    let at = Utc
        .with_ymd_and_hms(2026, 11, 28, 1, 2, 3)
        .single()
        .expect("time");
    let event = RiskEvent {
        id: "e1".into(),
        name: "Impossible Travel".into(),
        risk_level: RiskLevel::High,
        timestamp: at + chrono::Duration::milliseconds(250),
        event_details: Some(json!({ "from": "Paris", "nested": [1, { "x": null }] })),
    };
    let bare = RiskEvent {
        event_details: None,
        ..event.clone()
    };
    let who = Who {
        user_id: "u1",
        name: "=cmd",
        email: "a@b",
    };
    let mut out = DETECTIONS.0.to_owned();
    for (i, e) in [&event, &bare].into_iter().enumerate() {
        separator(&mut out, i);
        detection(&mut out, who, e);
    }
    out.push_str(DETECTIONS.1);
    let value = parse(&out);
    let first = &value["detections"][0];
    assert_eq!(
        (&first["user_id"], &first["name"], &first["email"]),
        (&json!("u1"), &json!("=cmd"), &json!("a@b"))
    );
    assert_eq!(first["event"]["timestamp"], "2026-11-28T01:02:03.250Z");
    let back: RiskEvent = serde_json::from_value(first["event"].clone()).expect("an API event");
    assert_eq!(back, event);
    let second = &value["detections"][1]["event"];
    assert!(second.get("event_details").is_none());
}
