//! Unit tests of the command-line parser.

use std::path::Path;
use std::time::Duration;

use super::*;
use zt_risk_proxy_settings::Setting;

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn parses_subcommands_and_rejects_strays() {
    let cmd = parse(&argv("proxy --listen 127.0.0.1:0 --allow-origin https://a.example --allow-origin=https://b.example --timeout 0.5"));
    let Ok(Command::Proxy {
        proxy:
            ProxyArgs {
                allowed_origins: allow_origins,
                timeout,
                ..
            },
        ..
    }) = cmd
    else {
        panic!("{cmd:?}")
    };
    assert_eq!(allow_origins.len(), 2);
    assert_eq!(timeout, Duration::from_millis(500));
    assert!(matches!(
        parse(&argv("emulate --fresh --users 3")),
        Ok(Command::Emulate {
            data: Data {
                fresh: true,
                users: 3,
                ..
            },
            ..
        })
    ));
    assert!(parse(&argv("emulate --dist x")).is_err());
    assert!(parse(&argv("emulate --listen nope")).is_err());
    assert!(parse(&argv("emulate --account xyz")).is_err());
    assert_eq!(parse(&argv("demo --help")), Ok(Command::Help));
    assert!(parse(&argv("bogus")).is_err());
}

#[test]
fn numbers_out_of_range_are_errors_not_panics() {
    for bad in ["-1", "nan", "inf", "1e400", "0", "1e-12", "1e20"] {
        let cmd = parse(&argv(&format!("proxy --timeout {bad}")));
        assert!(
            cmd.as_ref().is_err_and(|e| e.contains("--timeout")),
            "{bad}: {cmd:?}"
        );
    }
    assert!(parse(&argv("proxy --max-body 0")).is_err());
    assert!(parse(&argv("emulate --users 1000001")).is_err());
    assert!(matches!(
        parse(&argv("demo --users 1000000 --rate-limit 1200/300")),
        Ok(Command::Demo {
            data: Data {
                users: 1_000_000,
                rate_limit: Some(RateLimit { requests: 1200, .. }),
                ..
            },
            ..
        })
    ));
    assert!(matches!(
        parse(&argv("emulate")),
        Ok(Command::Emulate {
            data: Data {
                rate_limit: None,
                ..
            },
            ..
        })
    ));
}

#[test]
fn proxy_flags_are_the_shared_settings() {
    let values = [
        (Setting::Upstream, "http://127.0.0.1:1/client/v4"),
        (Setting::AllowOrigin, "https://a.example"),
        (Setting::Account, "0123456789abcdef0123456789abcdef"),
        (Setting::Timeout, "2.5"),
        (Setting::MaxBody, "2048"),
        (Setting::SsfUpstream, "http://127.0.0.1:2"),
    ];
    let mut line = vec!["proxy".to_owned()];
    let mut expected = ProxyArgs::default();
    for (setting, value) in values {
        line.extend([setting.flag().to_owned(), value.to_owned()]);
        assert_eq!(expected.set(setting, value.to_owned()), Ok(()));
    }
    assert_eq!(values.len(), Setting::ALL.len());
    assert!(matches!(parse(&line), Ok(Command::Proxy { proxy, .. }) if proxy == expected));
    // Only `proxy` takes them; emulate and demo have an `--account` of their own.
    for sub in ["emulate", "demo", "headers"] {
        let cmd = parse(&argv(&format!("{sub} --upstream https://a.example")));
        assert!(
            cmd.as_ref()
                .is_err_and(|e| e.contains("--upstream") && e.contains(sub)),
            "{cmd:?}"
        );
    }
}

#[test]
fn usage_errors_name_the_option() {
    let missing = parse(&argv("proxy --timeout"));
    assert!(
        missing.as_ref().is_err_and(|e| e.contains("--timeout")),
        "{missing:?}"
    );
    let stray = parse(&argv("emulate extra"));
    assert!(
        stray.as_ref().is_err_and(|e| e.contains("extra")),
        "{stray:?}"
    );
    let first = parse(&argv("--listen 127.0.0.1:1 emulate"));
    assert!(
        first.as_ref().is_err_and(|e| e.contains("--listen")),
        "{first:?}"
    );
    assert!(parse(&argv("headers")).is_err_and(|e| e.contains("--dist")));
    assert!(parse(&argv("proxy --fresh")).is_err());
    for help in [
        "",
        "help",
        "--help",
        "-h",
        "proxy -h",
        "emulate --users 3 --help",
    ] {
        assert_eq!(parse(&argv(help)), Ok(Command::Help), "{help:?}");
    }
}

#[test]
fn defaults_and_help_text() {
    let Ok(Command::Proxy { listen, proxy, .. }) = parse(&argv("proxy")) else {
        panic!("proxy without options")
    };
    assert_eq!(listen.to_string(), "127.0.0.1:8788");
    assert_eq!(proxy, ProxyArgs::default());
    assert!(matches!(
        parse(&argv("demo")),
        Ok(Command::Demo { listen, dist, .. }) if listen.to_string() == "127.0.0.1:8080" && dist == Path::new("dist")
    ));
    assert!(matches!(
        parse(&argv("emulate")),
        Ok(Command::Emulate { listen, .. }) if listen.port() == 8787
    ));
    let text = help();
    assert!(text.contains(&settings::help()));
    assert!(text.contains("--rate-limit N/SECS") && text.contains("at most 1000000"));
}

#[test]
fn access_options() {
    assert!(matches!(
        parse(&argv("emulate --apps 1000 --access-denied-token no-access")),
        Ok(Command::Emulate {
            data: Data {
                apps: 1000,
                access_denied_token: Some(ref t),
                ..
            },
            ..
        }) if t == "no-access"
    ));
    assert!(matches!(
        parse(&argv("demo")),
        Ok(Command::Demo {
            data: Data {
                apps: crate::emulator::seed::DEFAULT_APPS,
                access_denied_token: None,
                ..
            },
            ..
        })
    ));
    assert!(parse(&argv("emulate --apps 20001")).is_err());
    assert!(parse(&argv("proxy --apps 3")).is_err());
}

#[test]
fn activity_and_request_log() {
    let every_minute = crate::emulator::activity::Activity {
        events: 50,
        every: Duration::from_secs(60),
    };
    assert!(matches!(
        parse(&argv("demo --activity 50/1 --request-log r.log")),
        Ok(Command::Demo {
            data: Data {
                activity: Some(a),
                request_log: Some(ref log),
                ..
            },
            ..
        }) if a == every_minute && log == Path::new("r.log")
    ));
    assert!(matches!(
        parse(&argv("emulate --activity 50/min")),
        Ok(Command::Emulate { data: Data { activity: Some(a), .. }, .. }) if a == every_minute
    ));
    for bad in ["0/1", "5/0", "5", "x/1"] {
        let e = parse(&argv(&format!("emulate --activity {bad}")));
        assert!(
            e.as_ref().is_err_and(|e| e.contains("--activity")),
            "{bad}: {e:?}"
        );
    }
    assert!(parse(&argv("proxy --activity 5/1")).is_err());
    assert!(matches!(
        parse(&argv("emulate")),
        Ok(Command::Emulate {
            data: Data {
                activity: None,
                request_log: None,
                ..
            },
            ..
        })
    ));
    assert!(help().contains("--activity N/MIN") && help().contains("--request-log FILE"));
}
