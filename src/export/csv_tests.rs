//! Native tests of the CSV writer: RFC 4180 quoting and the spreadsheet formula guard.

use super::{header, record, Cell, BOM};
use crate::export::csv_reader::read as parse;

fn line(cells: &[Cell]) -> String {
    let mut out = String::new();
    record(&mut out, cells);
    out
}

fn text(s: &str) -> String {
    line(&[Cell::Text(s)])
}

#[test]
fn plain_cells_are_bare_and_records_end_with_crlf() {
    assert_eq!(
        line(&[Cell::Text("Ada"), Cell::Count(3), Cell::Text("")]),
        "Ada,3,\r\n"
    );
    assert_eq!(line(&[]), "\r\n");
    let mut out = String::new();
    header(&mut out, &["user_id", "name"]);
    assert_eq!(out, "user_id,name\r\n");
}

#[test]
fn commas_quotes_and_line_breaks_are_quoted() {
    assert_eq!(text("Lovelace, Ada"), "\"Lovelace, Ada\"\r\n");
    assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"\r\n");
    assert_eq!(text("\""), "\"\"\"\"\r\n");
    assert_eq!(text("a\nb"), "\"a\nb\"\r\n");
    assert_eq!(text("a\rb"), "\"a\rb\"\r\n");
    assert_eq!(text("a\r\nb"), "\"a\r\nb\"\r\n");
}

#[test]
fn formula_cells_get_a_quote_prefix_and_are_quoted() {
    for (cell, written) in [
        ("=1+1", "\"'=1+1\""),
        ("+1", "\"'+1\""),
        ("-5", "\"'-5\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\t=1", "\"'\t=1\""),
        ("\r=1", "\"'\r=1\""),
        ("\n=1", "\"'\n=1\""),
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        ),
    ] {
        assert_eq!(text(cell), format!("{written}\r\n"), "{cell:?}");
    }
    // Only the first character counts; these are ordinary text.
    assert_eq!(text("a=b"), "a=b\r\n");
    assert_eq!(text("ada@example.com"), "ada@example.com\r\n");
    assert_eq!(text("2026-11-28T23:15:00Z"), "2026-11-28T23:15:00Z\r\n");
    // Counts are numbers, never guarded.
    assert_eq!(line(&[Cell::Count(0)]), "0\r\n");
}

#[test]
fn non_ascii_text_is_kept_as_is() {
    assert_eq!(text("Zoë Ångström 東京 🙂"), "Zoë Ångström 東京 🙂\r\n");
    assert_eq!(text("Ünal, Ç"), "\"Ünal, Ç\"\r\n");
}

#[test]
fn what_is_written_reads_back() {
    let cells = [
        "plain",
        "",
        "x,y",
        "q\"q",
        "line\r\nbreak",
        "lf\nonly",
        "cr\ronly",
        "É",
    ];
    let mut out = BOM.to_owned();
    record(&mut out, &cells.map(Cell::Text));
    record(&mut out, &[Cell::Text("=cmd"), Cell::Count(42)]);
    let rows = parse(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], cells.map(String::from));
    assert_eq!(rows[1], ["'=cmd", "42"]);
}

#[test]
fn users_and_detections_are_records_of_their_columns() {
    use chrono::{TimeZone, Utc};
    use zt_risk_api::{RiskEvent, RiskLevel, UserRiskInfo};

    use super::{detection, user, DETECTION_COLUMNS, USER_COLUMNS};
    use crate::export::Who;

    let at = Utc
        .with_ymd_and_hms(2026, 11, 28, 23, 15, 0)
        .single()
        .expect("time");
    let u = UserRiskInfo {
        user_id: "u1".into(),
        name: "-Lovelace, Ada".into(),
        email: "@ada".into(),
        max_risk_level: RiskLevel::Unknown("severe".into()),
        event_count: 12,
        last_event: at,
    };
    let e = RiskEvent {
        id: "e1".into(),
        name: "+Travel".into(),
        risk_level: RiskLevel::High,
        timestamp: at,
        event_details: Some(serde_json::json!({ "city": "Zürich, \"CH\"" })),
    };
    let mut out = String::new();
    header(&mut out, &USER_COLUMNS);
    user(&mut out, &u);
    header(&mut out, &DETECTION_COLUMNS);
    let who = Who {
        user_id: &u.user_id,
        name: &u.name,
        email: &u.email,
    };
    detection(&mut out, who, &e);
    detection(
        &mut out,
        who,
        &RiskEvent {
            event_details: None,
            ..e.clone()
        },
    );
    let rows = parse(&out);
    assert_eq!(rows[0], USER_COLUMNS);
    assert_eq!(
        rows[1],
        [
            "u1",
            "'-Lovelace, Ada",
            "'@ada",
            "severe",
            "12",
            "2026-11-28T23:15:00Z"
        ]
    );
    assert_eq!(rows[2], DETECTION_COLUMNS);
    assert_eq!(
        rows[3],
        [
            "2026-11-28T23:15:00Z",
            "'-Lovelace, Ada",
            "'@ada",
            "u1",
            "'+Travel",
            "e1",
            "high",
            r#"{"city":"Zürich, \"CH\""}"#
        ]
    );
    assert_eq!(rows[4][7], "", "no details, an empty cell");
}
