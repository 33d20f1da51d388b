//! The whole decision, request by request (the abuse suites in crates/server run the same
//! rules through both runtimes).

use super::*;
use crate::codes;

const A: &str = "0123456789abcdef0123456789abcdef";
const U: &str = "11111111-2222-4333-8444-555555555555";
const CONSOLE: &str = "https://console.example";

fn proxy(accounts: &[&str], serves_site: bool) -> Proxy {
    Proxy::new(&Config {
        upstream: "http://127.0.0.1:9/client/v4".into(),
        ssf_upstream: "http://127.0.0.1:10".into(),
        allowed_origins: vec![CONSOLE.into()],
        accounts: accounts.iter().map(|a| a.to_string()).collect(),
        serves_site,
        max_body: 1024,
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

fn base() -> String {
    format!("/client/v4/accounts/{A}/zt_risk_scoring")
}

fn forward(d: Decision) -> Forward {
    match d {
        Decision::Forward(f) => f,
        other => panic!("not forwarded: {other:?}"),
    }
}

fn refused(d: &Decision) -> (u16, i64) {
    match d {
        Decision::Refuse(r) => {
            let v: serde_json::Value = serde_json::from_str(&r.body).unwrap_or_default();
            (
                r.status,
                v["errors"][0]["code"].as_i64().unwrap_or_default(),
            )
        }
        other => panic!("not refused: {other:?}"),
    }
}

fn header<'a>(h: &'a HeaderPairs, name: &str) -> Option<&'a str> {
    h.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
}

#[test]
fn forwards_a_rebuilt_url_with_only_the_needed_headers() {
    let p = proxy(&[], false);
    let h: &[(&str, &str)] = &[
        ("Origin", CONSOLE),
        ("Host", "proxy.test"),
        ("Authorization", "Bearer secret"),
        ("X-Auth-Email", "a@example.com"),
        ("X-Auth-Key", "k123"),
        ("Cookie", "s=1"),
        ("X-Forwarded-Host", "evil.example"),
        ("Content-Type", "text/plain"),
    ];
    let f = forward(p.decide(
        "GET",
        &format!("/accounts/{A}/zt_risk_scoring/summary?per_page=10&page=2"),
        h,
    ));
    assert_eq!(f.method, "GET");
    assert_eq!(
        f.url,
        format!(
            "http://127.0.0.1:9/client/v4/accounts/{A}/zt_risk_scoring/summary?per_page=10&page=2"
        )
    );
    let names: Vec<&str> = f.headers.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "authorization",
            "x-auth-email",
            "x-auth-key",
            "accept",
            "user-agent"
        ]
    );
    assert_eq!(header(&f.headers, "authorization"), Some("Bearer secret"));
    assert_eq!(f.body_limit, None, "GET carries no body");
    assert_eq!(
        header(&f.response_headers, "access-control-allow-origin"),
        Some(CONSOLE)
    );
    assert_eq!(header(&f.response_headers, "vary"), Some("Origin"));
    assert_eq!(
        header(&f.response_headers, "cache-control"),
        Some("no-store")
    );
    assert_eq!(
        header(&f.response_headers, "access-control-allow-credentials"),
        None
    );
}

#[test]
fn bodies_only_for_operations_that_take_one() {
    let p = proxy(&[], false);
    let h: &[(&str, &str)] = &[("Authorization", "Bearer t")];
    let put = forward(p.decide("PUT", &format!("{}/behaviors", base()), h));
    assert_eq!(put.body_limit, Some(1024));
    assert_eq!(
        header(&put.headers, "content-type"),
        Some("application/json")
    );
    assert_eq!(
        header(&put.response_headers, "access-control-allow-origin"),
        None
    );
    let reset = forward(p.decide("POST", &format!("{}/{U}/reset", base()), h));
    assert_eq!(reset.body_limit, None);
    assert_eq!(header(&reset.headers, "content-type"), None);
    let create = forward(p.decide("POST", &format!("{}/integrations", base()), h));
    assert_eq!(
        create.url,
        format!("http://127.0.0.1:9/client/v4/accounts/{A}/zt_risk_scoring/integrations")
    );
    assert_eq!(create.too_large().status, 413);
    assert_eq!(create.upstream_down().status, 502);
    let timeout = create.upstream_timeout(500);
    assert_eq!(timeout.status, 504);
    assert_eq!(timeout.header("cache-control"), Some("no-store"));
}

#[test]
fn io_failures_keep_the_cors_headers() {
    let p = proxy(&[], false);
    let h: &[(&str, &str)] = &[("Origin", CONSOLE)];
    let f = forward(p.decide("GET", &format!("{}/summary", base()), h));
    for reply in [f.too_large(), f.upstream_down(), f.upstream_timeout(1)] {
        assert_eq!(reply.header("access-control-allow-origin"), Some(CONSOLE));
        assert_eq!(reply.header("content-type"), Some("application/json"));
    }
}

#[test]
fn ssf_configuration_goes_to_the_ssf_host_without_credentials() {
    let p = proxy(&[], false);
    let h: &[(&str, &str)] = &[
        ("Origin", CONSOLE),
        ("Authorization", "Bearer secret"),
        ("X-Auth-Key", "k"),
    ];
    for prefix in ["", "/client/v4"] {
        let f = forward(p.decide(
            "GET",
            &format!("{prefix}/ssf/.well-known/sse-configuration/{U}"),
            h,
        ));
        assert_eq!(
            f.url,
            format!("http://127.0.0.1:10/.well-known/sse-configuration/{U}")
        );
        assert!(
            f.headers.iter().all(|(n, _)| !CREDENTIALS.contains(n)),
            "{:?}",
            f.headers
        );
        assert_eq!(f.body_limit, None);
        assert_eq!(
            header(&f.response_headers, "access-control-allow-origin"),
            Some(CONSOLE)
        );
    }
    let ssf = format!("/ssf/.well-known/sse-configuration/{U}");
    assert_eq!(refused(&p.decide("POST", &ssf, h)), (405, codes::METHOD));
    assert_eq!(
        refused(&p.decide("GET", &format!("{ssf}?x=1"), h)),
        (400, codes::INVALID)
    );
    assert_eq!(
        refused(&p.decide("GET", "/ssf/.well-known/sse-configuration/x", h)),
        (400, codes::INVALID)
    );
    assert_eq!(
        refused(&p.decide("GET", "/ssf/.well-known/jwks.json", h)),
        (404, codes::NO_ROUTE)
    );
    assert_eq!(
        refused(&p.decide(
            "GET",
            &format!("/ssf/.well-known/sse-configuration/{U}/x"),
            h
        )),
        (404, codes::NO_ROUTE)
    );
    let bad = p.decide("GET", &ssf, &[("Origin", "https://evil.example")][..]);
    assert_eq!(refused(&bad), (403, codes::ORIGIN));
}

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

#[test]
fn a_proxy_serving_the_console_hands_other_paths_to_the_site() {
    let p = proxy(&[], true);
    let h: &[(&str, &str)] = &[("Host", "p.example:8788")];
    assert_eq!(p.decide("GET", "/", h), Decision::Site);
    assert_eq!(p.decide("GET", "/users/x?y=1", h), Decision::Site);
    assert!(matches!(p.decide("GET", "/ssf/x", h), Decision::Refuse(_)));
    let same: &[(&str, &str)] = &[
        ("Host", "p.example:8788"),
        ("Origin", "http://p.example:8788"),
    ];
    let f = forward(p.decide("PUT", &format!("{}/behaviors", base()), same));
    assert_eq!(
        header(&f.response_headers, "access-control-allow-origin"),
        None
    );
    let other: &[(&str, &str)] = &[
        ("Host", "p.example:8788"),
        ("Origin", "http://evil.example"),
    ];
    assert_eq!(
        refused(&p.decide("PUT", &format!("{}/behaviors", base()), other)),
        (403, codes::ORIGIN)
    );
    assert_eq!(
        proxy(&[], false).decide("GET", "/", h),
        Decision::Refuse(Refusal::no_route().reply(vec![("vary", "Origin".into())]))
    );
}

#[test]
fn configuration_is_validated() {
    let good = Config::default();
    assert!(Proxy::new(&good).is_ok());
    for bad in [
        Config {
            upstream: "http://api.example".into(),
            ..Config::default()
        },
        Config {
            ssf_upstream: "ftp://x".into(),
            ..Config::default()
        },
        Config {
            allowed_origins: vec!["*".into()],
            ..Config::default()
        },
        Config {
            accounts: vec!["nope".into()],
            ..Config::default()
        },
    ] {
        assert!(Proxy::new(&bad).is_err(), "{bad:?}");
    }
}
