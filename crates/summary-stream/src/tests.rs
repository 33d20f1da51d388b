//! `SummaryStream` against serde_json decoding the whole body: the same result whatever the
//! chunks, and `None` (decode it the usual way) for anything but a plain success.

use super::{SummaryStream, RETRY_BUDGET};
use zt_risk_api::{Envelope, RiskSummary};

/// A summary of `n` users as the emulator writes it.
fn body(n: usize) -> String {
    let users: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"user_id":"u-{i}","name":"Ünïcode \"{i}\" ]}}","email":"u{i}@example.com","max_risk_level":"{}","event_count":{},"last_event":"2026-11-{:02}T10:00:00Z"}}"#,
                ["low", "medium", "high", "severe"][i % 4],
                i * 7,
                i % 28 + 1
            )
        })
        .collect();
    format!(
        r#"{{"success":true,"errors":[],"messages":[],"result":{{"users":[{}]}}}}"#,
        users.join(",")
    )
}

/// What the console decodes without the stream (`interpret_large`): the body as UTF-8 text.
fn whole(body: &[u8]) -> Option<Envelope<RiskSummary>> {
    let text = String::from_utf8_lossy(body);
    serde_json::from_str::<Envelope<RiskSummary>>(&text)
        .ok()
        .filter(|e| e.success && e.result.is_some())
}

/// Feeds `body` in chunks of `size` bytes, as a response arrives, then finishes.
fn streamed(body: &[u8], size: usize) -> Option<Envelope<RiskSummary>> {
    let mut stream = SummaryStream::default();
    for end in (size..body.len()).step_by(size) {
        stream.advance(&body[..end]);
    }
    stream.finish(body)
}

#[test]
fn any_chunking_decodes_what_the_whole_body_decodes() {
    let body = body(40);
    let expected = whole(body.as_bytes()).expect("a valid summary");
    assert_eq!(expected.result.as_ref().map(|r| r.users.len()), Some(40));
    for size in [1, 2, 3, 5, 8, 13, 64, 1000, body.len()] {
        assert_eq!(
            streamed(body.as_bytes(), size).as_ref(),
            Some(&expected),
            "chunks of {size}"
        );
    }
}

#[test]
fn users_are_decoded_while_the_body_arrives() {
    let body = body(100);
    let mut stream = SummaryStream::default();
    stream.advance(&body.as_bytes()[..body.len() / 2]);
    let halfway = stream.users.len();
    assert!((40..50).contains(&halfway), "{halfway} users at half");
    stream.advance(&body.as_bytes()[..body.len() - 1]);
    assert_eq!(stream.users.len(), 100);
}

#[test]
fn members_in_any_order_with_whitespace_and_unknown_keys() {
    let body = r#"
      { "result" : { "count" : {"a": [1, "]}"]}, "users" : [
          {"user_id":"a","name":"A","email":"a@x","max_risk_level":"high","event_count":1,"last_event":"2026-11-01T00:00:00Z","extra":{"k":"}"}}
        ] , "total": 1 },
        "messages": [{"code": 1, "message": "note"}],
        "result_info": {"page": 1, "per_page": 50, "count": 1, "total_count": 1},
        "future_field": null,
        "success": true, "errors": [] }
    "#;
    let expected = whole(body.as_bytes()).expect("a valid summary");
    assert_eq!(expected.messages.len(), 1);
    assert!(expected.result_info.is_some());
    for size in [1, 4, 9, body.len()] {
        assert_eq!(streamed(body.as_bytes(), size), Some(expected.clone()));
    }
}

#[test]
fn an_empty_list_and_an_envelope_without_defaults_decode() {
    for body in [
        r#"{"success":true,"result":{"users":[]}}"#,
        r#"{"result":{"users":[ ]},"success":true,"errors":[],"messages":[]}"#,
    ] {
        let expected = whole(body.as_bytes()).expect("valid");
        assert_eq!(streamed(body.as_bytes(), 3), Some(expected));
    }
}

#[test]
fn anything_but_a_plain_success_is_left_to_the_usual_decoding() {
    let user = r#"{"user_id":"a","name":"A","email":"a@x","max_risk_level":"high","event_count":1,"last_event":"2026-11-01T00:00:00Z"}"#;
    let cases = [
        String::new(),
        "<html><body>502 Bad Gateway</body></html>".into(),
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}"#.into(),
        r#"{"success":true,"errors":[],"messages":[],"result":null}"#.into(),
        r#"{"success":true,"result":{}}"#.into(),
        r#"{"success":true,"result":{"users":{}}}"#.into(),
        format!(r#"{{"success":true,"result":{{"users":[{user}]}},"result":{{"users":[]}}}}"#),
        format!(r#"{{"success":true,"result":{{"users":[{user}],"users":[]}}}}"#),
        format!(r#"{{"success":true,"success":true,"result":{{"users":[{user}]}}}}"#),
        format!(r#"{{"result":{{"users":[{user}]}}}}"#),
        format!(r#"{{"success":true,"result":{{"users":[{user}]}}}} trailing"#),
        format!(r#"{{"success":true,"result":{{"users":[{user}]}}"#),
        format!(r#"{{"success":true,"result":{{"users":[{user},]}}}}"#),
        format!("{{\"success\":true,\x0c\"result\":{{\"users\":[{user}]}}}}"),
        r#"{"success":true,"result":{"users":[{"user_id":"a"}]}}"#.into(),
    ];
    for body in &cases {
        for size in [1, 7, body.len().max(1)] {
            assert_eq!(
                streamed(body.as_bytes(), size),
                None,
                "{body:?} in chunks of {size}"
            );
        }
    }
}

#[test]
fn reading_incomplete_values_again_stops_at_the_budget() {
    // One 256 KB user arriving 1 KB at a time: read again 256 times, about 32 MB in all.
    let name = "n".repeat(256 * 1024);
    let body = format!(
        r#"{{"success":true,"result":{{"users":[{{"user_id":"a","name":"{name}","email":"a@x","max_risk_level":"high","event_count":1,"last_event":"2026-11-01T00:00:00Z"}}]}}}}"#
    );
    assert!(whole(body.as_bytes()).is_some());
    assert!(body.len() * body.len() / 1024 / 2 > RETRY_BUDGET);
    assert_eq!(streamed(body.as_bytes(), 1024), None);
    // In a few large chunks it is read again well within the budget.
    assert!(streamed(body.as_bytes(), 64 * 1024).is_some());
    assert!(streamed(body.as_bytes(), body.len()).is_some());
}

/// Every one-byte change of a small summary: whenever the stream decodes it, the whole-body
/// decoding gives exactly the same; it never accepts what the usual decoding refuses.
#[test]
fn never_accepts_a_body_the_whole_decoding_refuses() {
    let original = body(2).into_bytes();
    let mut accepted = 0;
    for at in 0..original.len() {
        for replacement in [b' ', b'"', b',', b'}', b']', b'1', b'\\', 0xff] {
            let mut changed = original.clone();
            changed[at] = replacement;
            let mut removed = original.clone();
            removed.remove(at);
            for body in [&changed, &removed] {
                for size in [1, 5, body.len()] {
                    if let Some(decoded) = streamed(body, size) {
                        accepted += 1;
                        assert_eq!(
                            Some(decoded),
                            whole(body),
                            "{}",
                            String::from_utf8_lossy(body)
                        );
                    }
                }
            }
        }
    }
    assert!(accepted > 0, "some changes (inside names) still decode");
}
