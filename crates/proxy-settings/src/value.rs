//! Reading one value given as text: a number within its bounds or a listen address. An error
//! names the flag or var as the operator wrote it, the value and what was expected.

use std::fmt::{self, Display};
use std::net::SocketAddr;
use std::ops::RangeInclusive;
use std::str::FromStr;

/// A value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    name: &'static str,
    value: String,
    expected: String,
}

impl ValueError {
    /// The flag or var as written, e.g. `--timeout` or `TIMEOUT`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The same error, naming the setting `name` instead.
    pub(crate) fn named(self, name: &'static str) -> Self {
        Self { name, ..self }
    }
}

impl Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: invalid value {:?}; expected {}",
            self.name, self.value, self.expected
        )
    }
}

impl std::error::Error for ValueError {}

/// `raw` as a number within `range` (a NaN is in no range), or an error naming `name` and
/// the bounds.
pub fn number<T: FromStr + PartialOrd + Display>(
    name: &'static str,
    raw: &str,
    range: RangeInclusive<T>,
) -> Result<T, ValueError> {
    match raw.parse::<T>() {
        Ok(v) if range.contains(&v) => Ok(v),
        _ => Err(ValueError {
            name,
            value: raw.to_owned(),
            expected: format!("a number from {} to {}", range.start(), range.end()),
        }),
    }
}

/// The value of `--listen`: `ADDR:PORT` (port 0: any free port).
pub fn listen(raw: &str) -> Result<SocketAddr, ValueError> {
    raw.parse().map_err(|_| ValueError {
        name: "--listen",
        value: raw.to_owned(),
        expected: "ADDR:PORT, e.g. 127.0.0.1:8080".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_outside_their_bounds_are_errors_naming_the_setting() {
        assert_eq!(number("--n", "5", 1..=9), Ok(5));
        assert_eq!(number("--n", "0.5", 0.001..=3600.0), Ok(0.5));
        for bad in ["0", "10", "-1", "1.5", "", "x"] {
            let e = number("--n", bad, 1..=9).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("--n: invalid value {bad:?}; expected a number from 1 to 9")
            );
        }
        for bad in ["nan", "inf", "-0", "1e-12", "1e400"] {
            assert!(number("--t", bad, 0.001..=3600.0).is_err(), "{bad}");
        }
    }

    #[test]
    fn listen_addresses() {
        assert_eq!(listen("127.0.0.1:0").map(|a| a.port()), Ok(0));
        assert!(listen("[::1]:8080").is_ok());
        let e = listen("nope").unwrap_err();
        assert_eq!(e.name(), "--listen");
        assert!(e.to_string().contains("ADDR:PORT"), "{e}");
    }
}
