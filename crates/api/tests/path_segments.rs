//! Path segments: every id one percent-encoded segment that no URL parser can turn into another
//! path, and the segments parsers would drop refused.

mod common;

use common::ids::{ACCOUNT, PREFIX, USER};
use zt_risk_api::paths::{self, encode_segment, segment, PathError, SegmentKind};

/// Resolves dot segments the way browsers do (WHATWG URL: `.`/`..` and their `%2e` forms,
/// case-insensitively), so a test can see where a path would really go.
fn resolve(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, seg) in segments.iter().enumerate() {
        let lower = seg.to_ascii_lowercase().replace("%2e", ".");
        let last = i + 1 == segments.len();
        match lower.as_str() {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            _ => out.push(seg),
        }
    }
    format!("/{}", out.join("/"))
}

#[test]
fn the_resolve_helper_resolves() {
    // The helper must itself catch traversal, or the traversal tests prove nothing.
    let p = "/accounts/a/zt_risk_scoring";
    assert_eq!(resolve(&format!("{p}/../../x")), "/accounts/x");
    assert_eq!(resolve(&format!("{p}/%2E%2e/x")), "/accounts/a/x");
    assert_eq!(resolve(&format!("{p}/./x")), format!("{p}/x"));
}

#[test]
fn traversal_stays_inside_zt_risk_scoring() {
    let built = paths::user(ACCOUNT, "../../dns_records").unwrap();
    assert_eq!(built, format!("{PREFIX}/..%2F..%2Fdns_records"));
    assert_eq!(resolve(&built), built, "nothing for a parser to resolve");
    assert_eq!(
        built.matches('/').count(),
        4,
        "one segment below the prefix"
    );

    let reset = paths::reset(ACCOUNT, "../../dns_records").unwrap();
    assert_eq!(reset, format!("{PREFIX}/..%2F..%2Fdns_records/reset"));
    assert_eq!(resolve(&reset), reset);

    for hostile in [
        "../behaviors",
        "..\\..\\dns_records",
        "%2e%2e",
        "%2E%2E/%2e%2e",
        ".%2e",
        "./..",
        "..;/x",
        "x/../../../../y",
    ] {
        for built in [
            paths::user(ACCOUNT, hostile).unwrap(),
            paths::integration(ACCOUNT, hostile).unwrap(),
            paths::integration_by_reference(ACCOUNT, hostile).unwrap(),
        ] {
            assert!(built.starts_with(&format!("{PREFIX}/")), "{built}");
            assert_eq!(resolve(&built), built, "{hostile:?} → {built}");
        }
    }
}

#[test]
fn dot_only_and_empty_segments_are_refused() {
    for bad in ["", ".", "..", "..."] {
        let refused = |r: Result<String, PathError>, kind: SegmentKind| {
            let err = r.expect_err(bad);
            assert_eq!(err.kind, kind);
            assert_eq!(err.value, bad);
        };
        refused(paths::user(ACCOUNT, bad), SegmentKind::User);
        refused(paths::reset(ACCOUNT, bad), SegmentKind::User);
        refused(paths::integration(ACCOUNT, bad), SegmentKind::Integration);
        refused(
            paths::integration_by_reference(ACCOUNT, bad),
            SegmentKind::Reference,
        );
        refused(paths::summary(bad), SegmentKind::Account);
        refused(paths::behaviors(bad), SegmentKind::Account);
        refused(paths::integrations(bad), SegmentKind::Account);
        refused(paths::user(bad, USER), SegmentKind::Account);
        assert!(segment(SegmentKind::User, bad).is_err());
    }
}

#[test]
fn path_error_reads_well() {
    let err = paths::user(ACCOUNT, "..").unwrap_err();
    assert_eq!(
        err.to_string(),
        "user id \"..\" cannot be used in a request path"
    );
    let _: &dyn std::error::Error = &err;
    let labels: Vec<&str> = [
        SegmentKind::Account,
        SegmentKind::User,
        SegmentKind::Integration,
        SegmentKind::Reference,
    ]
    .into_iter()
    .map(SegmentKind::label)
    .collect();
    assert_eq!(
        labels,
        ["account id", "user id", "integration id", "reference id"]
    );
}

#[test]
fn reserved_and_non_ascii_characters_are_percent_encoded() {
    let cases = [
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("a/b", "a%2Fb"),
        ("100%", "100%25"),
        ("%2e%2e", "%252e%252e"),
        ("a b", "a%20b"),
        ("é", "%C3%A9"),
        ("用户", "%E7%94%A8%E6%88%B7"),
        ("🙂", "%F0%9F%99%82"),
        ("a+b&c=d;e:f@g", "a%2Bb%26c%3Dd%3Be%3Af%40g"),
        ("a\\b", "a%5Cb"),
        ("tab\there\n", "tab%09here%0A"),
        ("\0", "%00"),
        ("AZaz09-._~", "AZaz09-._~"),
        (".hidden", ".hidden"),
        ("..a", "..a"),
    ];
    for (raw, encoded) in cases {
        assert_eq!(encode_segment(raw), encoded, "{raw:?}");
        assert_eq!(
            segment(SegmentKind::Reference, raw).as_deref(),
            Ok(encoded),
            "{raw:?}"
        );
        assert_eq!(
            paths::integration_by_reference(ACCOUNT, raw).unwrap(),
            format!("{PREFIX}/integrations/reference_id/{encoded}")
        );
    }
}

#[test]
fn encoded_segments_hold_only_unreserved_characters_and_escapes() {
    let inputs = [
        "?x=1#frag",
        "a/b/c",
        " lead and trail ",
        "ünïcödé/../?",
        "%%%",
        "\u{202e}rtl",
        "\u{7f}\u{1}",
    ];
    for raw in inputs {
        let encoded = encode_segment(raw);
        let bytes = encoded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                let hex = &encoded[i + 1..i + 3];
                assert!(
                    hex.bytes()
                        .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)),
                    "{raw:?} → {encoded}"
                );
                i += 3;
            } else {
                assert!(
                    bytes[i].is_ascii_alphanumeric() || b"-._~".contains(&bytes[i]),
                    "{raw:?} → {encoded}"
                );
                i += 1;
            }
        }
        // Decoding gives the input back, byte for byte.
        assert_eq!(percent_decode(&encoded), raw.as_bytes(), "{raw:?}");
    }
}

fn percent_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}
