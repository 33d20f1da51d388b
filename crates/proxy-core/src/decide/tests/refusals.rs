//! Requests the proxy answers itself: refusals with CORS headers and v4 errors (account, target,
//! route, method, origin, credentials), and CORS preflights.

use super::*;
use crate::codes;

#[test]
fn refusals_carry_cors_and_v4_errors() {
    let p = proxy(&["fedcba9876543210fedcba9876543210"], false);
    let h: &[(&str, &str)] = &[("Origin", CONSOLE), ("Authorization", "Bearer t")];
    let d = p.decide("GET", &format!("{}/summary", base()), h);
    assert_eq!(refused(&d), (403, codes::ACCOUNT));
    let Decision::Refuse(r) = d else {
        unreachable!()
    };
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    assert_eq!(r.header("vary"), Some("Origin"));
    let cases: Vec<(&str, String, (u16, i64))> = vec![
        ("GET", "http://evil.example/x".into(), (400, codes::INVALID)),
        ("CONNECT", "evil.example:443".into(), (400, codes::INVALID)),
        (
            "GET",
            format!("//evil.example{}/summary", base()),
            (404, codes::NO_ROUTE),
        ),
        (
            "GET",
            "/client/v4/user/tokens/verify".into(),
            (404, codes::NO_ROUTE),
        ),
        (
            "PATCH",
            format!("{}/behaviors", base()),
            (405, codes::METHOD),
        ),
        ("HEAD", format!("{}/summary", base()), (405, codes::METHOD)),
        ("GET", "/etc/passwd".into(), (404, codes::NO_ROUTE)),
    ];
    for (method, target, want) in cases {
        assert_eq!(
            refused(&p.decide(method, &target, h)),
            want,
            "{method} {target}"
        );
    }
    for origin in [
        "https://evil.example",
        "null",
        "https://console.example.evil.example",
    ] {
        let d = p.decide(
            "GET",
            &format!("{}/summary", base()),
            &[("Origin", origin)][..],
        );
        assert_eq!(refused(&d), (403, codes::ORIGIN), "{origin}");
        let Decision::Refuse(r) = d else {
            unreachable!()
        };
        assert_eq!(r.header("access-control-allow-origin"), None);
    }
    let any = proxy(&[], false);
    for bad in ["Bearer a b", "Bearer a, Bearer b", "Basic"] {
        let h: &[(&str, &str)] = &[("Authorization", bad)];
        let d = any.decide("GET", &format!("{}/summary", base()), h);
        assert_eq!(refused(&d), (400, codes::INVALID), "{bad}");
    }
}

#[test]
fn preflights_are_answered_here() {
    let p = proxy(&[], false);
    let pre = |origin: &str, method: &str, headers: &str, target: String| {
        let h: &[(&str, &str)] = &[
            ("Origin", origin),
            ("Access-Control-Request-Method", method),
            ("Access-Control-Request-Headers", headers),
        ];
        p.decide("OPTIONS", &target, h)
    };
    let ok = pre(
        CONSOLE,
        "PUT",
        "authorization, content-type",
        format!("{}/behaviors", base()),
    );
    let Decision::Preflight(r) = ok else {
        panic!("{ok:?}")
    };
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    assert_eq!(
        r.header("access-control-allow-methods"),
        Some("GET, POST, PUT, DELETE")
    );
    assert_eq!(r.header("access-control-max-age"), Some("600"));
    let ssf = pre(
        CONSOLE,
        "GET",
        "authorization",
        format!("/ssf/.well-known/sse-configuration/{U}"),
    );
    assert!(matches!(ssf, Decision::Preflight(_)));
    let summary = format!("{}/summary", base());
    assert_eq!(
        refused(&pre("https://evil.example", "GET", "", summary.clone())),
        (403, codes::ORIGIN)
    );
    assert_eq!(
        refused(&pre(CONSOLE, "PATCH", "", format!("{}/behaviors", base()))),
        (405, codes::METHOD)
    );
    assert_eq!(
        refused(&pre(CONSOLE, "GET", "", format!("{}/a/b/c", base()))),
        (404, codes::NO_ROUTE)
    );
    assert_eq!(
        refused(&pre(
            CONSOLE,
            "GET",
            "authorization, x-forwarded-host",
            summary.clone()
        )),
        (403, codes::ORIGIN)
    );
    let no_origin = p.decide(
        "OPTIONS",
        &summary,
        &[("Access-Control-Request-Method", "GET")][..],
    );
    assert_eq!(refused(&no_origin), (403, codes::ORIGIN));
    let no_method = p.decide("OPTIONS", &summary, &[("Origin", CONSOLE)][..]);
    assert_eq!(refused(&no_method), (405, codes::METHOD));
}
