//! The proxy's configuration: validated when built, and a proxy that also serves the console
//! handing other paths to the site.

use super::*;
use crate::codes;

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
