//! The fixed upstreams the proxy talks to, validated once at start-up: only `https://`, or
//! `http://` to a loopback host (tests, a local emulator). Never taken from a request.

use std::net::IpAddr;

/// A validated base URL such as `https://api.cloudflare.com/client/v4`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    scheme: &'static str,
    authority: String,
    base_path: String,
}

impl Upstream {
    /// Parses `scheme://host[:port][/path]`; `what` names the setting in errors.
    pub fn parse(what: &str, raw: &str) -> Result<Self, String> {
        let bad = |why: &str| Err(format!("{what} {raw:?} {why}"));
        let lower = raw.to_ascii_lowercase();
        let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
            ("https", &raw[raw.len() - rest.len()..])
        } else if let Some(rest) = lower.strip_prefix("http://") {
            ("http", &raw[raw.len() - rest.len()..])
        } else {
            return bad("must start with https://");
        };
        if rest.contains(['?', '#']) {
            return bad("must not have a query or fragment");
        }
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if authority.contains('@') {
            return bad("must not contain credentials");
        }
        let (host, port) = split_port(authority);
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c));
        let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
        if !host_ok || !port_ok {
            return bad("has no valid host[:port]");
        }
        let path_ok = path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-._~".contains(c))
            && !path.split('/').any(|s| s == "." || s == "..");
        if !path_ok {
            return bad("has an unsupported path");
        }
        if scheme == "http" && !is_loopback(host) {
            return bad("may use plain http only to a loopback host");
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
        let up =
            Upstream::parse("--upstream", crate::API_UPSTREAM).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            up.url("/accounts/a/zt_risk_scoring/summary", Some("page=1")),
            "https://api.cloudflare.com/client/v4/accounts/a/zt_risk_scoring/summary?page=1"
        );
        assert_eq!(up.origin(), "https://api.cloudflare.com");
        let ssf = Upstream::parse("--ssf-upstream", "https://SSF.example/")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ssf.url("/x", None), "https://ssf.example/x");
        for ok in [
            "http://127.0.0.1:9/client/v4",
            "http://[::1]:9",
            "http://localhost:8787",
            "HTTPS://a.example",
        ] {
            assert!(Upstream::parse("u", ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com/client/v4",
            "http://127.0.0.1.evil.example/",
            "https://user:pw@example.com",
            "ftp://example.com",
            "https://example.com/?x=1",
            "https://example.com/#x",
            "https://example.com/a/../b",
            "https://example.com/a b",
            "https://example.com:0",
            "https://example.com:99999",
            "https://",
            "https://[::1",
            "example.com",
        ] {
            assert!(Upstream::parse("u", bad).is_err(), "{bad}");
        }
    }
}
