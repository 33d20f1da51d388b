//! [`Proxy::decide`]: the order of checks, request form → site → origin → route → account, ids
//! and query → preflight or forward. Everything a runtime needs to act is in the [`Decision`].

use std::borrow::Cow;

use crate::allow::{self, Accounts};
use crate::config::{Config, ConfigError};
use crate::cors::{self, Cors, Origin};
use crate::headers::{self, Headers, CREDENTIALS};
use crate::reply::{Refusal, Reply};
use crate::route::{self, RouteError};
use crate::settings::Setting;
use crate::upstream::Upstream;
use crate::HeaderPairs;

/// A configured proxy: validated upstreams, origins and accounts.
#[derive(Debug, Clone)]
pub struct Proxy {
    api: Upstream,
    ssf: Upstream,
    cors: Cors,
    accounts: Accounts,
    max_body: usize,
}

/// What to do with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Not an API path, and the runtime serves the console: hand it to the static site.
    Site,
    /// Send it upstream.
    Forward(Forward),
    /// A successful preflight: answer 204 with these headers.
    Preflight(Reply),
    /// Refused: answer this, forward nothing.
    Refuse(Reply),
}

/// An allowed request, rebuilt from decoded values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forward {
    pub method: &'static str,
    /// Absolute upstream URL (fixed host, canonical path, re-encoded query).
    pub url: String,
    /// Headers to send upstream (lower-case names); nothing else from the request.
    pub headers: HeaderPairs,
    /// `Some(limit)`: read the request body, at most `limit` bytes, and send it; `None`: send
    /// no body whatever the request carried.
    pub body_limit: Option<usize>,
    /// Added to the relayed response (CORS, `Cache-Control`); of the upstream's headers only
    /// [`headers::RELAYED_RESPONSE`] is kept.
    pub response_headers: HeaderPairs,
}

impl Forward {
    /// The answer when the body exceeds [`Forward::body_limit`].
    pub fn too_large(&self) -> Reply {
        self.refuse(Refusal::too_large(self.body_limit.unwrap_or_default()))
    }

    /// The answer when the upstream cannot be reached.
    pub fn upstream_down(&self) -> Reply {
        self.refuse(Refusal::upstream_down())
    }

    /// The answer when the upstream has not answered within `millis`.
    pub fn upstream_timeout(&self, millis: u128) -> Reply {
        self.refuse(Refusal::upstream_timeout(millis))
    }

    fn refuse(&self, refusal: Refusal) -> Reply {
        let cors = self
            .response_headers
            .iter()
            .filter(|(n, _)| *n != "cache-control")
            .cloned()
            .collect();
        refusal.reply(cors)
    }
}

impl Proxy {
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        Ok(Self {
            api: Upstream::from_setting(Setting::Upstream, &config.upstream)?,
            ssf: Upstream::from_setting(Setting::SsfUpstream, &config.ssf_upstream)?,
            cors: Cors::new(&config.allowed_origins, config.serves_site)?,
            accounts: Accounts::new(&config.accounts)?,
            max_body: config.max_body,
        })
    }

    /// The API upstream (for logs).
    pub fn upstream(&self) -> &Upstream {
        &self.api
    }

    /// Decides what to do with `method` and the raw request `target` (origin-form
    /// `/path?query` as received; anything else is refused).
    pub fn decide<H: Headers + ?Sized>(&self, method: &str, target: &str, headers: &H) -> Decision {
        let (path, query) = match target.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (target, None),
        };
        if self.cors.same_origin() && target.starts_with('/') && !is_api_path(path) {
            return Decision::Site;
        }
        let origin = self
            .cors
            .classify(headers.get("origin"), headers.get("host"));
        let cors = cors::response_headers(&origin);
        match self.check(method, target, path, query, headers, &origin) {
            Ok(Checked::Preflight) => {
                let mut h = cors;
                h.extend(cors::PREFLIGHT.iter().map(|(n, v)| (*n, Cow::Borrowed(*v))));
                Decision::Preflight(Reply {
                    status: 204,
                    headers: h,
                    body: String::new(),
                })
            }
            Ok(Checked::Forward {
                method,
                url,
                headers,
                body,
            }) => {
                let mut response_headers = cors;
                response_headers.push(("cache-control", "no-store".into()));
                Decision::Forward(Forward {
                    method,
                    url,
                    headers,
                    body_limit: body.then_some(self.max_body),
                    response_headers,
                })
            }
            Err(refusal) => Decision::Refuse(refusal.reply(cors)),
        }
    }

    fn check<H: Headers + ?Sized>(
        &self,
        method: &str,
        target: &str,
        path: &str,
        query: Option<&str>,
        headers: &H,
        origin: &Origin,
    ) -> Result<Checked, Refusal> {
        // Absolute-form (`GET http://host/...`) and authority-form (`CONNECT host:443`) targets
        // name a host: the host comes from the configuration only.
        if !target.starts_with('/') {
            return Err(Refusal::invalid(
                "Only origin-form request targets are accepted",
            ));
        }
        if *origin == Origin::Denied {
            return Err(Refusal::origin("Origin not allowed by this proxy"));
        }
        let preflight = method == "OPTIONS";
        let method = if preflight {
            // A preflight asks about the method it names; without an allowed origin it is no CORS.
            if !matches!(origin, Origin::Allowed(_)) {
                return Err(Refusal::origin(
                    "Preflight from an origin that is not allowed",
                ));
            }
            headers
                .get("access-control-request-method")
                .and_then(|m| std::str::from_utf8(m).ok())
                .ok_or_else(|| Refusal::method("GET, POST, PUT, DELETE"))?
        } else {
            method
        };
        let route_error = |e| match e {
            RouteError::NoRoute => Refusal::no_route(),
            RouteError::Method(allow) => Refusal::method(allow),
        };
        let (method, url, forwarded, body) = if let Some(ssf) = route::match_ssf(method, path) {
            let id = ssf.map_err(route_error)?;
            allow::uuid("id", &id)?;
            if query.is_some() {
                return Err(Refusal::invalid("The SSF configuration takes no query"));
            }
            let url = self
                .ssf
                .url(&format!("/.well-known/sse-configuration/{id}"), None);
            ("GET", url, false, false)
        } else {
            let matched = route::match_route(method, path).map_err(route_error)?;
            let (path, query) = allow::plan(&matched, &self.accounts, query)?;
            let url = self.api.url(&path, query.as_deref());
            (matched.op.method(), url, true, matched.op.has_body())
        };
        if preflight {
            if let Some(h) =
                cors::unexpected_request_header(headers.get("access-control-request-headers"))
            {
                return Err(Refusal::origin(format!(
                    "Request header {h:?} is not allowed"
                )));
            }
            return Ok(Checked::Preflight);
        }
        let mut out = Vec::with_capacity(6);
        // The SSF document is public: no credential goes to that host.
        if forwarded {
            for name in CREDENTIALS {
                match headers::credential(headers, name) {
                    Ok(Some(value)) => out.push((name, Cow::Owned(value.to_owned()))),
                    Ok(None) => {}
                    Err(headers::Malformed) => {
                        return Err(Refusal::invalid(format!("The {name} header is malformed")))
                    }
                }
            }
        }
        out.push(("accept", "application/json".into()));
        out.push(("user-agent", headers::USER_AGENT.into()));
        if body {
            out.push(("content-type", "application/json".into()));
        }
        Ok(Checked::Forward {
            method,
            url,
            headers: out,
            body,
        })
    }
}

enum Checked {
    Preflight,
    Forward {
        method: &'static str,
        url: String,
        headers: HeaderPairs,
        body: bool,
    },
}

/// Paths the proxy answers itself even when it also serves the console.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/accounts/") || path.starts_with("/client/v4/") || path.starts_with("/ssf/")
}

#[cfg(test)]
mod tests;
