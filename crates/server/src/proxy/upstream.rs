//! The one upstream the proxy talks to, fixed at start-up from `--upstream`. Only `https://`,
//! or `http://` to a loopback host (for tests and a local emulator).

use std::net::IpAddr;

use axum::http::Uri;

/// A validated upstream base such as `https://api.cloudflare.com/client/v4`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    scheme: &'static str,
    authority: String,
    base_path: String,
}

pub const DEFAULT: &str = "https://api.cloudflare.com/client/v4";

impl Upstream {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let uri: Uri = raw
            .parse()
            .map_err(|e| format!("--upstream {raw:?} is not a URL: {e}"))?;
        let authority = uri
            .authority()
            .ok_or_else(|| format!("--upstream {raw:?} has no host"))?;
        if authority.as_str().contains('@') {
            return Err(format!("--upstream {raw:?} must not contain credentials"));
        }
        if uri.query().is_some() || raw.contains('#') {
            return Err(format!(
                "--upstream {raw:?} must not have a query or fragment"
            ));
        }
        let scheme = match uri.scheme_str() {
            Some("https") => "https",
            Some("http") if is_loopback(authority.host()) => "http",
            Some("http") => {
                return Err(format!(
                    "--upstream {raw:?}: plain http is only allowed to a loopback host"
                ))
            }
            _ => return Err(format!("--upstream {raw:?} must start with https://")),
        };
        Ok(Self {
            scheme,
            authority: authority.as_str().to_ascii_lowercase(),
            base_path: uri.path().trim_end_matches('/').to_owned(),
        })
    }

    /// The upstream URI for a canonical API path (`/accounts/...`) and an optional query.
    pub fn uri(&self, path: &str, query: Option<&str>) -> Result<Uri, String> {
        let query = query.map(|q| format!("?{q}")).unwrap_or_default();
        format!(
            "{}://{}{}{path}{query}",
            self.scheme, self.authority, self.base_path
        )
        .parse()
        .map_err(|e| format!("cannot build the upstream URL: {e}"))
    }

    /// `scheme://host[:port]`, for logs.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
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
        let up = Upstream::parse(DEFAULT).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            up.uri("/accounts/a/zt_risk_scoring/summary", Some("page=1"))
                .map(|u| u.to_string()),
            Ok(
                "https://api.cloudflare.com/client/v4/accounts/a/zt_risk_scoring/summary?page=1"
                    .into()
            )
        );
        assert!(Upstream::parse("http://127.0.0.1:9/client/v4").is_ok());
        assert!(Upstream::parse("http://[::1]:9").is_ok());
        assert!(Upstream::parse("http://example.com/client/v4").is_err());
        assert!(Upstream::parse("https://user:pw@example.com").is_err());
        assert!(Upstream::parse("ftp://example.com").is_err());
        assert!(Upstream::parse("https://example.com/?x=1").is_err());
    }
}
