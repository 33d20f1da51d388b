//! Unit tests of the command-line parser.

use super::*;

fn argv(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn parses_subcommands_and_rejects_strays() {
    let cmd = parse(&argv("proxy --listen 127.0.0.1:0 --allow-origin https://a.example --allow-origin=https://b.example --timeout 0.5"));
    let Ok(Command::Proxy {
        allow_origins,
        timeout,
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
                apps: DEFAULT_APPS,
                access_denied_token: None,
                ..
            },
            ..
        })
    ));
    assert!(parse(&argv("emulate --apps 20001")).is_err());
    assert!(parse(&argv("proxy --apps 3")).is_err());
}
