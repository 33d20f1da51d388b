//! [`Setting`]: each proxy setting's command-line flag, Worker var, value placeholder and help
//! line; [`help`] is the section of `--help` that lists them.

use std::fmt;

use crate::{
    API_UPSTREAM, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, MAX_BODY, SSF_UPSTREAM, TIMEOUT_SECS,
};

/// One setting of the proxy, whichever runtime hosts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Upstream,
    AllowOrigin,
    Account,
    Timeout,
    MaxBody,
    SsfUpstream,
}

impl Setting {
    /// Every setting, in the order of the help text.
    pub const ALL: [Self; 6] = [
        Self::Upstream,
        Self::AllowOrigin,
        Self::Account,
        Self::Timeout,
        Self::MaxBody,
        Self::SsfUpstream,
    ];

    /// The command-line flag, e.g. `--upstream`.
    pub const fn flag(self) -> &'static str {
        match self {
            Self::Upstream => "--upstream",
            Self::AllowOrigin => "--allow-origin",
            Self::Account => "--account",
            Self::Timeout => "--timeout",
            Self::MaxBody => "--max-body",
            Self::SsfUpstream => "--ssf-upstream",
        }
    }

    /// The setting whose flag is `--{long}` (`long` as a parser gives it, without the dashes).
    pub fn from_long(long: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.flag().strip_prefix("--") == Some(long))
    }

    /// The Worker's var (`wrangler.toml`), e.g. `UPSTREAM`.
    pub const fn var(self) -> &'static str {
        match self {
            Self::Upstream => "UPSTREAM",
            Self::AllowOrigin => "ALLOWED_ORIGINS",
            Self::Account => "ACCOUNTS",
            Self::Timeout => "TIMEOUT",
            Self::MaxBody => "MAX_BODY",
            Self::SsfUpstream => "SSF_UPSTREAM",
        }
    }

    /// Whether the flag may be given again for one more value (as a var: a list).
    pub const fn repeats(self) -> bool {
        matches!(self, Self::AllowOrigin | Self::Account)
    }

    /// The placeholder of the value in help text.
    pub const fn value_name(self) -> &'static str {
        match self {
            Self::Upstream | Self::SsfUpstream => "URL",
            Self::AllowOrigin => "ORIGIN",
            Self::Account => "ID",
            Self::Timeout => "SECS",
            Self::MaxBody => "BYTES",
        }
    }

    /// What the setting does, with its default and bounds; continuation lines start with `\n`.
    pub fn help(self) -> String {
        match self {
            Self::Upstream => {
                format!("API base (default {API_UPSTREAM});\nhttp:// only to a loopback host")
            }
            Self::AllowOrigin => {
                "an exact origin allowed to call the proxy (repeat for more)".into()
            }
            Self::Account => {
                "serve only this account id, 32 hex (repeat for more); default: any".into()
            }
            Self::Timeout => format!(
                "upstream deadline in seconds, {} to {} (default {})",
                TIMEOUT_SECS.start(),
                TIMEOUT_SECS.end(),
                DEFAULT_TIMEOUT.as_secs_f64()
            ),
            Self::MaxBody => format!(
                "cap on a forwarded request body in bytes, {} to {} (default {DEFAULT_MAX_BODY})",
                MAX_BODY.start(),
                MAX_BODY.end()
            ),
            Self::SsfUpstream => format!(
                "host of the SSF configuration documents, for tests; http:// only\n\
                 to a loopback host (default {SSF_UPSTREAM})"
            ),
        }
    }
}

/// The setting in words, as messages about its value name it.
impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Upstream => "upstream",
            Self::AllowOrigin => "allowed origin",
            Self::Account => "account",
            Self::Timeout => "timeout",
            Self::MaxBody => "body cap",
            Self::SsfUpstream => "SSF upstream",
        })
    }
}

/// Where the help of each flag starts.
const HELP_COLUMN: usize = 26;

/// Every proxy flag with its help, one per line (continuations aligned), for `--help` texts.
pub fn help() -> String {
    let mut out = String::new();
    for setting in Setting::ALL {
        let usage = format!("  {} {}", setting.flag(), setting.value_name());
        let text = setting
            .help()
            .replace('\n', &format!("\n{:HELP_COLUMN$}", ""));
        out.push_str(&format!("{usage:<HELP_COLUMN$}{text}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_vars_name_each_setting_once() {
        for setting in Setting::ALL {
            let long = setting.flag().trim_start_matches('-');
            assert_eq!(Setting::from_long(long), Some(setting));
            let others = Setting::ALL.into_iter().filter(|s| *s != setting);
            assert!(others.clone().all(|s| s.var() != setting.var()));
        }
        assert_eq!(Setting::from_long("listen"), None);
        assert_eq!(Setting::from_long("--upstream"), None);
    }

    #[test]
    fn help_lists_every_flag_with_its_default_and_bounds() {
        let text = help();
        for setting in Setting::ALL {
            let line = format!("  {} {}", setting.flag(), setting.value_name());
            assert!(text.contains(&line), "{line} missing from\n{text}");
        }
        assert!(text.contains("0.001 to 3600 (default 30)"), "{text}");
        assert!(text.contains("1 to 67108864 (default 65536)"), "{text}");
        assert!(text.contains(API_UPSTREAM) && text.contains(SSF_UPSTREAM));
        for line in text.lines() {
            assert!(line.len() <= 100, "too wide: {line}");
            assert!(line.starts_with("  "), "not indented: {line}");
        }
        // Continuation lines start at the help column.
        assert!(text
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .all(|l| l.len() > HELP_COLUMN && l[..HELP_COLUMN].trim().is_empty()));
    }
}
