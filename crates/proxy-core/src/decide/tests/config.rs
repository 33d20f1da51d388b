//! The proxy's configuration: validated when built, and a proxy that also serves the console
//! handing other paths to the site.

use super::*;
use crate::codes;
use crate::upstream::UpstreamProblem;

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
    let error = |config: Config| Proxy::new(&config).err();
    assert!(matches!(
        error(Config {
            upstream: "http://api.example".into(),
            ..Config::default()
        }),
        Some(ConfigError::Upstream {
            setting: Setting::Upstream,
            problem: UpstreamProblem::PlainHttp,
            ..
        })
    ));
    assert!(matches!(
        error(Config {
            ssf_upstream: "ftp://x".into(),
            ..Config::default()
        }),
        Some(ConfigError::Upstream {
            setting: Setting::SsfUpstream,
            problem: UpstreamProblem::Scheme,
            ..
        })
    ));
    let origin = error(Config {
        allowed_origins: vec!["*".into()],
        ..Config::default()
    });
    assert_eq!(origin, Some(ConfigError::Origin { value: "*".into() }));
    let account = error(Config {
        accounts: vec!["nope".into()],
        ..Config::default()
    });
    assert!(
        matches!(&account, Some(ConfigError::Account { value, .. }) if value == "nope"),
        "{account:?}"
    );
}
