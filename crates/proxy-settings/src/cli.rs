//! Reading values straight from a lexopt parser, errors included (the `lexopt` feature): the
//! proxy's flags and the bounded numbers and addresses of the native command lines.

use std::fmt::Display;
use std::net::SocketAddr;
use std::ops::RangeInclusive;
use std::str::FromStr;

use lexopt::{Parser, ValueExt};

use crate::value::{listen, number, ValueError};
use crate::{ProxyArgs, Setting};

impl ProxyArgs {
    /// If `long` (an option's name, without `--`) is one of the proxy's flags, reads its value
    /// from `parser` and records it; `Ok(false)` leaves the option to the caller.
    pub fn take(&mut self, long: &str, parser: &mut Parser) -> Result<bool, lexopt::Error> {
        let Some(setting) = Setting::from_long(long) else {
            return Ok(false);
        };
        self.set(setting, parser.value()?.string()?)
            .map_err(usage)?;
        Ok(true)
    }
}

/// The option's value as a number within `range`; errors name `flag` and the bounds.
pub fn number_value<T>(
    flag: &'static str,
    parser: &mut Parser,
    range: RangeInclusive<T>,
) -> Result<T, lexopt::Error>
where
    T: FromStr + PartialOrd + Display,
{
    number(flag, &parser.value()?.string()?, range).map_err(usage)
}

/// The value of `--listen`.
pub fn listen_value(parser: &mut Parser) -> Result<SocketAddr, lexopt::Error> {
    listen(&parser.value()?.string()?).map_err(usage)
}

fn usage(e: ValueError) -> lexopt::Error {
    lexopt::Error::Custom(Box::new(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parser(args: &[&str]) -> Parser {
        Parser::from_args(args.iter().map(|a| a.to_string()))
    }

    /// Takes every option of `args` as a proxy flag; the first it does not know is returned.
    fn take_all(args: &[&str]) -> Result<(ProxyArgs, Option<String>), String> {
        let mut p = parser(args);
        let mut proxy = ProxyArgs::default();
        while let Some(arg) = p.next().map_err(|e| e.to_string())? {
            let lexopt::Arg::Long(long) = arg else {
                return Err(format!("{arg:?}"));
            };
            let long = long.to_owned();
            if !proxy.take(&long, &mut p).map_err(|e| e.to_string())? {
                return Ok((proxy, Some(long)));
            }
        }
        Ok((proxy, None))
    }

    #[test]
    fn proxy_flags_are_taken_with_their_values() {
        let taken = take_all(&[
            "--allow-origin",
            "https://a.example",
            "--allow-origin=https://b.example",
            "--timeout",
            "0.25",
            "--max-body=10",
            "--dist",
            "x",
        ]);
        let Ok((proxy, left)) = taken else {
            panic!("{taken:?}")
        };
        assert_eq!(proxy.allowed_origins.len(), 2);
        assert_eq!(proxy.timeout.as_millis(), 250);
        assert_eq!(proxy.max_body, 10);
        assert_eq!(left.as_deref(), Some("dist"));
    }

    #[test]
    fn errors_name_the_flag() {
        for (args, flag) in [
            (&["--timeout", "-1"][..], "--timeout"),
            (&["--max-body", "0"][..], "--max-body"),
            (&["--upstream"][..], "--upstream"),
        ] {
            let e = take_all(args).unwrap_err();
            assert!(e.contains(flag), "{args:?}: {e}");
        }
        let mut p = parser(&["--listen", "nope"]);
        let _ = p.next();
        assert!(listen_value(&mut p).is_err_and(|e| e.to_string().contains("--listen")));
        let mut p = parser(&["--n", "7"]);
        let _ = p.next();
        assert!(number_value("--n", &mut p, 1..=5).is_err_and(|e| e.to_string().contains("--n")));
    }
}
