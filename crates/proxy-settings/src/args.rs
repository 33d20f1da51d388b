//! [`ProxyArgs`]: the proxy settings as given, flag by flag on a command line or all at once
//! from the Worker's vars, with the defaults for what was not given.

use std::time::Duration;

use crate::value::{number, ValueError};
use crate::{
    Setting, API_UPSTREAM, DEFAULT_MAX_BODY, DEFAULT_TIMEOUT, MAX_BODY, SSF_UPSTREAM, TIMEOUT_SECS,
};

/// Every proxy setting's value. Numbers are within their bounds; URLs, origins and account ids
/// are checked when the proxy is built from them (`zt_risk_proxy_core::Proxy::new`).
#[derive(Debug, Clone, PartialEq)]
pub struct ProxyArgs {
    pub upstream: String,
    pub allowed_origins: Vec<String>,
    pub accounts: Vec<String>,
    pub timeout: Duration,
    pub max_body: usize,
    pub ssf_upstream: String,
}

impl Default for ProxyArgs {
    fn default() -> Self {
        Self {
            upstream: API_UPSTREAM.into(),
            allowed_origins: Vec::new(),
            accounts: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            max_body: DEFAULT_MAX_BODY,
            ssf_upstream: SSF_UPSTREAM.into(),
        }
    }
}

impl ProxyArgs {
    /// Records one value of `setting`, as given to its flag: a repeated setting gains one, any
    /// other is replaced. A number outside its bounds is an error naming the flag.
    pub fn set(&mut self, setting: Setting, value: String) -> Result<(), ValueError> {
        match setting {
            Setting::Upstream => self.upstream = value,
            Setting::AllowOrigin => self.allowed_origins.push(value),
            Setting::Account => self.accounts.push(value),
            // In range, so finite and positive: from_secs_f64 cannot panic.
            Setting::Timeout => {
                self.timeout =
                    Duration::from_secs_f64(number(setting.flag(), &value, TIMEOUT_SECS)?);
            }
            Setting::MaxBody => self.max_body = number(setting.flag(), &value, MAX_BODY)?,
            Setting::SsfUpstream => self.ssf_upstream = value,
        }
        Ok(())
    }

    /// The settings from the Worker's vars, `var(name)` giving a var's text if it has one. A
    /// blank var is unset; a list var's values are separated by commas and/or white space. An
    /// error names the var.
    pub fn from_vars(var: impl Fn(&'static str) -> Option<String>) -> Result<Self, ValueError> {
        let mut args = Self::default();
        for setting in Setting::ALL {
            let Some(text) = var(setting.var()) else {
                continue;
            };
            let values: Vec<&str> = if setting.repeats() {
                text.split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|v| !v.is_empty())
                    .collect()
            } else {
                Some(text.trim())
                    .filter(|v| !v.is_empty())
                    .into_iter()
                    .collect()
            };
            for value in values {
                args.set(setting, value.to_owned())
                    .map_err(|e| e.named(setting.var()))?;
            }
        }
        Ok(args)
    }

    /// Every setting as a Worker var (name, text), what [`ProxyArgs::from_vars`] reads back.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        Setting::ALL
            .into_iter()
            .map(|setting| {
                let text = match setting {
                    Setting::Upstream => self.upstream.clone(),
                    Setting::AllowOrigin => self.allowed_origins.join(","),
                    Setting::Account => self.accounts.join(","),
                    Setting::Timeout => self.timeout.as_secs_f64().to_string(),
                    Setting::MaxBody => self.max_body.to_string(),
                    Setting::SsfUpstream => self.ssf_upstream.clone(),
                };
                (setting.var(), text)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(pairs: &[(Setting, &str)]) -> Result<ProxyArgs, ValueError> {
        let mut args = ProxyArgs::default();
        for (setting, value) in pairs {
            args.set(*setting, value.to_string())?;
        }
        Ok(args)
    }

    #[test]
    fn flags_set_values_and_lists_grow() {
        let args = given(&[
            (Setting::AllowOrigin, "https://a.example"),
            (Setting::AllowOrigin, "https://b.example"),
            (Setting::Timeout, "0.5"),
            (Setting::MaxBody, "1024"),
            (Setting::Upstream, "http://127.0.0.1:1/client/v4"),
            (Setting::Upstream, "http://127.0.0.1:2/client/v4"),
        ]);
        let Ok(args) = args else { panic!("{args:?}") };
        assert_eq!(
            args.allowed_origins,
            ["https://a.example", "https://b.example"]
        );
        assert_eq!(args.timeout, Duration::from_millis(500));
        assert_eq!(args.max_body, 1024);
        assert_eq!(args.upstream, "http://127.0.0.1:2/client/v4");
        assert_eq!(args.ssf_upstream, SSF_UPSTREAM);
        assert!(args.accounts.is_empty());
    }

    #[test]
    fn numbers_keep_their_bounds_and_name_the_flag() {
        for bad in ["0", "-1", "nan", "inf", "1e-12", "3601", ""] {
            let e = given(&[(Setting::Timeout, bad)]).unwrap_err();
            assert_eq!(e.name(), "--timeout", "{bad}");
        }
        for bad in ["0", "1e3", "67108865", "18446744073709551616"] {
            let e = given(&[(Setting::MaxBody, bad)]).unwrap_err();
            assert_eq!(e.name(), "--max-body", "{bad}");
        }
        assert!(given(&[(Setting::Timeout, "3600"), (Setting::MaxBody, "67108864")]).is_ok());
    }

    #[test]
    fn vars_read_back_what_they_wrote() {
        let args = ProxyArgs {
            allowed_origins: vec!["https://a.example".into(), "https://b.example".into()],
            accounts: vec!["0123456789abcdef0123456789abcdef".into()],
            timeout: Duration::from_millis(1500),
            max_body: 2048,
            ..ProxyArgs::default()
        };
        let vars = args.vars();
        let read = ProxyArgs::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(read, Ok(args));
        assert_eq!(ProxyArgs::from_vars(|_| None), Ok(ProxyArgs::default()));
    }

    #[test]
    fn vars_are_lists_blanks_are_unset_and_errors_name_the_var() {
        let read = ProxyArgs::from_vars(|name| match name {
            "ALLOWED_ORIGINS" => {
                Some(" https://a.example, https://b.example\nhttps://c.example ".into())
            }
            "UPSTREAM" | "ACCOUNTS" => Some("  ".into()),
            _ => None,
        });
        let Ok(read) = read else { panic!("{read:?}") };
        assert_eq!(read.allowed_origins.len(), 3);
        assert_eq!(read.upstream, API_UPSTREAM);
        assert!(read.accounts.is_empty());
        let bad = ProxyArgs::from_vars(|name| (name == "TIMEOUT").then(|| "0".into()));
        assert_eq!(bad.map_err(|e| e.name()), Err("TIMEOUT"));
    }
}
