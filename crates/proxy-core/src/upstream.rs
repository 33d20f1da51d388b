//! The fixed upstreams the proxy talks to, validated once at start-up: only `https://`, or
//! `http://` to a loopback host (tests, a local emulator). Never taken from a request.

use std::fmt;
use std::net::IpAddr;

use crate::config::ConfigError;
use crate::settings::Setting;

/// A validated base URL such as `https://api.cloudflare.com/client/v4`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    scheme: &'static str,
    authority: String,
    base_path: String,
}

/// Why a text is not an upstream base URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpstreamProblem {
    Scheme,
    QueryOrFragment,
    Credentials,
    Host,
    Path,
    PlainHttp,
}

impl fmt::Display for UpstreamProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Scheme => "must start with https://",
            Self::QueryOrFragment => "must not have a query or fragment",
            Self::Credentials => "must not contain credentials",
            Self::Host => "has no valid host[:port]",
            Self::Path => "has an unsupported path",
            Self::PlainHttp => "may use plain http only to a loopback host",
        })
    }
}

impl Upstream {
    /// The upstream `setting` names, or an error naming it.
    pub fn from_setting(setting: Setting, raw: &str) -> Result<Self, ConfigError> {
        Self::parse(raw).map_err(|problem| ConfigError::Upstream {
            setting,
            value: raw.to_owned(),
            problem,
        })
    }

    /// Parses `scheme://host[:port][/path]`.
    pub fn parse(raw: &str) -> Result<Self, UpstreamProblem> {
        let lower = raw.to_ascii_lowercase();
        let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
            ("https", &raw[raw.len() - rest.len()..])
        } else if let Some(rest) = lower.strip_prefix("http://") {
            ("http", &raw[raw.len() - rest.len()..])
        } else {
            return Err(UpstreamProblem::Scheme);
        };
        if rest.contains(['?', '#']) {
            return Err(UpstreamProblem::QueryOrFragment);
        }
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.contains('@') {
            return Err(UpstreamProblem::Credentials);
        }
        let (host, port) = split_port(authority);
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
        let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
        if !host_ok || !port_ok {
            return Err(UpstreamProblem::Host);
        }
        let path_ok = path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-._~".contains(c))
            && !path.split('/').any(|s| s == "." || s == "..");
        if !path_ok {
            return Err(UpstreamProblem::Path);
        }
        if scheme == "http" && !is_loopback(host) {
            return Err(UpstreamProblem::PlainHttp);
        }
        Ok(Self {
            scheme,
            authority: authority.to_ascii_lowercase(),
            base_path: path.trim_end_matches('/').to_owned(),
        })
    }

    /// The absolute URL of `path` (starting with `/`, already encoded) and an optional query.
    pub fn url(&self, path: &str, query: Option<&str>) -> String {
        let mut url = String::with_capacity(
            self.scheme.len() + 3 + self.authority.len() + self.base_path.len() + path.len() + 64,
        );
        url.push_str(self.scheme);
        url.push_str("://");
        url.push_str(&self.authority);
        url.push_str(&self.base_path);
        url.push_str(path);
        if let Some(q) = query {
            url.push('?');
            url.push_str(q);
        }
        url
    }

    /// `scheme://host[:port]`, for logs.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }
}

/// `host:port` → (`host`, `Some(port)`), IPv6 literals in brackets included.
fn split_port(authority: &str) -> (&str, Option<&str>) {
    if authority.starts_with('[') {
        return match authority.find(']') {
            Some(end) => {
                let (host, rest) = authority.split_at(end + 1);
                (host, rest.strip_prefix(':'))
            }
            None => ("", None),
        };
    }
    match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http() {
        let up = Upstream::parse(crate::API_UPSTREAM).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            up.url("/accounts/a/zt_risk_scoring/summary", Some("page=1")),
            "https://api.cloudflare.com/client/v4/accounts/a/zt_risk_scoring/summary?page=1"
        );
        assert_eq!(up.origin(), "https://api.cloudflare.com");
        let ssf = Upstream::parse("https://SSF.example/").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ssf.url("/x", None), "https://ssf.example/x");
        for ok in [
            "http://127.0.0.1:9/client/v4",
            "http://[::1]:9",
            "http://localhost:8787",
            "HTTPS://a.example",
        ] {
            assert!(Upstream::parse(ok).is_ok(), "{ok}");
        }
        use UpstreamProblem::*;
        for (bad, problem) in [
            ("http://example.com/client/v4", PlainHttp),
            ("http://127.0.0.1.evil.example/", PlainHttp),
            ("https://user:pw@example.com", Credentials),
            ("ftp://example.com", Scheme),
            ("https://example.com/?x=1", QueryOrFragment),
            ("https://example.com/#x", QueryOrFragment),
            ("https://example.com/a/../b", Path),
            ("https://example.com/a b", Path),
            ("https://example.com:0", Host),
            ("https://example.com:99999", Host),
            ("https://", Host),
            ("https://[::1", Host),
            ("example.com", Scheme),
        ] {
            assert_eq!(Upstream::parse(bad), Err(problem), "{bad}");
        }
    }
}
