//! [`Proxy::decide`]: the order of checks, request form → site → origin → route → account, ids
//! and query → preflight or forward. Everything a runtime needs to act is in the [`Decision`].

use std::borrow::Cow;

use crate::allow::{self, Accounts};
use crate::config::{Config, ConfigError};
use crate::cors::{self, Cors, Origin};
use crate::forward::{forward_headers, Destination, Forward};
use crate::headers::Headers;
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
                destination,
                headers,
            }) => {
                let mut response_headers = cors;
                response_headers.push(("cache-control", "no-store".into()));
                Decision::Forward(destination.forward(headers, response_headers, self.max_body))
            }
            Err(refusal) => Decision::Refuse(refusal.reply(cors)),
        }
    }

    /// The checks in order: request form, origin, then the route, ids and query of the method
    /// asked for (a preflight's, for a preflight), then the headers to forward or announced.
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
        if method == "OPTIONS" {
            self.destination(requested_method(headers, origin)?, path, query)?;
            return announced_headers(headers).map(|()| Checked::Preflight);
        }
        let destination = self.destination(method, path, query)?;
        Ok(Checked::Forward {
            headers: forward_headers(headers, &destination)?,
            destination,
        })
    }

    /// Where `method` on `path` goes, once its route, ids and query are allowed.
    fn destination(
        &self,
        method: &str,
        path: &str,
        query: Option<&str>,
    ) -> Result<Destination, Refusal> {
        if let Some(ssf) = route::match_ssf(method, path) {
            let id = ssf.map_err(route_refusal)?;
            allow::uuid("id", &id)?;
            if query.is_some() {
                return Err(Refusal::invalid("The SSF configuration takes no query"));
            }
            let url = self
                .ssf
                .url(&format!("/.well-known/sse-configuration/{id}"), None);
            return Ok(Destination::Ssf { url });
        }
        let matched = route::match_route(method, path).map_err(route_refusal)?;
        let (path, query) = allow::plan(&matched, &self.accounts, query)?;
        Ok(Destination::Api {
            method: matched.op.method(),
            url: self.api.url(&path, query.as_deref()),
            body: matched.op.has_body(),
        })
    }
}

fn route_refusal(e: RouteError) -> Refusal {
    match e {
        RouteError::NoRoute => Refusal::no_route(),
        RouteError::Method(allow) => Refusal::method(allow),
    }
}

/// The method a preflight asks about; without an allowed origin a preflight is no CORS.
fn requested_method<'h, H: Headers + ?Sized>(
    headers: &'h H,
    origin: &Origin,
) -> Result<&'h str, Refusal> {
    if !matches!(origin, Origin::Allowed(_)) {
        return Err(Refusal::origin(
            "Preflight from an origin that is not allowed",
        ));
    }
    headers
        .get("access-control-request-method")
        .and_then(|m| std::str::from_utf8(m).ok())
        .ok_or_else(|| Refusal::method("GET, POST, PUT, DELETE"))
}

/// A preflight may announce only headers the proxy forwards.
fn announced_headers<H: Headers + ?Sized>(headers: &H) -> Result<(), Refusal> {
    match cors::unexpected_request_header(headers.get("access-control-request-headers")) {
        Some(h) => Err(Refusal::origin(format!(
            "Request header {h:?} is not allowed"
        ))),
        None => Ok(()),
    }
}

/// The outcome of the checks that pass.
enum Checked {
    Preflight,
    Forward {
        destination: Destination,
        headers: HeaderPairs,
    },
}

/// Paths the proxy answers itself even when it also serves the console.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/accounts/") || path.starts_with("/client/v4/") || path.starts_with("/ssf/")
}

#[cfg(test)]
mod tests;
