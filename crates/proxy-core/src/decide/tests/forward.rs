//! Requests the proxy forwards: the rebuilt URL and the few headers it keeps, bodies only for the
//! operations that take one, the replies to I/O failures, and the SSF document host.

use super::*;
use crate::codes;
use crate::headers::CREDENTIALS;

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
