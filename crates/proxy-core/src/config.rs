//! [`Config`]: the proxy's settings as the core takes them, and [`ConfigError`]: what is wrong
//! with one, naming the setting and the value, for the operator who set it.

use std::fmt;

use zt_risk_proxy_settings::{ProxyArgs, Setting, ValueError};

use crate::upstream::UpstreamProblem;

/// The proxy's settings, as given on the command line or in `wrangler.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The API base (`https://api.cloudflare.com/client/v4`).
    pub upstream: String,
    /// The SSF host (`https://ssf.risk-score.teams.cloudflare.com`); overridden only in tests.
    pub ssf_upstream: String,
    /// Exact origins allowed to call the proxy.
    pub allowed_origins: Vec<String>,
    /// Account ids served; empty means any well-formed id.
    pub accounts: Vec<String>,
    /// The proxy also serves the console, so same-origin calls are allowed and paths outside
    /// the API are the site's.
    pub serves_site: bool,
    /// Cap on forwarded request bodies.
    pub max_body: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self::from(ProxyArgs::default())
    }
}

/// The core's part of the settings (the deadline is the runtime's); not serving the console.
impl From<ProxyArgs> for Config {
    fn from(args: ProxyArgs) -> Self {
        Self {
            upstream: args.upstream,
            ssf_upstream: args.ssf_upstream,
            allowed_origins: args.allowed_origins,
            accounts: args.accounts,
            serves_site: false,
            max_body: args.max_body,
        }
    }
}

/// A setting the proxy cannot work with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A value that could not be read (a number outside its bounds).
    Value(ValueError),
    /// The API or SSF upstream is not a base URL the proxy may talk to.
    Upstream {
        setting: Setting,
        value: String,
        problem: UpstreamProblem,
    },
    /// An allowed origin is not `scheme://host[:port]`.
    Origin { value: String },
    /// An account id is not 32 hex digits.
    Account { value: String, reason: String },
}

impl From<ValueError> for ConfigError {
    fn from(e: ValueError) -> Self {
        Self::Value(e)
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Value(e) => e.fmt(f),
            Self::Upstream {
                setting,
                value,
                problem,
            } => write!(f, "{setting} {value:?} {problem}"),
            Self::Origin { value } => write!(
                f,
                "{} {value:?} must be an origin such as https://console.example.com",
                Setting::AllowOrigin
            ),
            Self::Account { value, reason } => {
                write!(f, "{} {value:?}: {reason}", Setting::Account)
            }
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_setting_and_the_value() {
        let upstream = ConfigError::Upstream {
            setting: Setting::SsfUpstream,
            value: "http://x.example".into(),
            problem: UpstreamProblem::PlainHttp,
        };
        assert_eq!(
            upstream.to_string(),
            "SSF upstream \"http://x.example\" may use plain http only to a loopback host"
        );
        let origin = ConfigError::Origin { value: "*".into() };
        assert!(origin
            .to_string()
            .starts_with("allowed origin \"*\" must be"));
        let account = ConfigError::Account {
            value: "x".into(),
            reason: "must be 32 hex".into(),
        };
        assert_eq!(account.to_string(), "account \"x\": must be 32 hex");
    }

    #[test]
    fn the_default_is_the_command_lines() {
        let c = Config::default();
        assert_eq!(c.upstream, crate::API_UPSTREAM);
        assert_eq!(c.ssf_upstream, crate::SSF_UPSTREAM);
        assert_eq!(c.max_body, crate::DEFAULT_MAX_BODY);
        assert!(!c.serves_site && c.allowed_origins.is_empty() && c.accounts.is_empty());
    }
}
