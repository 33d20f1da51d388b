//! What the proxy answers by itself: a [`Refusal`] (status, one v4 error item, optional `Allow`)
//! rendered as a [`Reply`] with its CORS headers, or a preflight's empty 204.

use zt_risk_api::{ApiMessage, Envelope};

use crate::codes;
use crate::config::ConfigError;
use crate::HeaderPairs;

/// Why a request is not forwarded: status, v4 code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub code: i64,
    pub message: String,
    /// JSON pointer of the offending value (`/user_id`, `/page`…).
    pub pointer: Option<&'static str>,
    /// The `Allow` header of a 405.
    pub allow: Option<&'static str>,
}

impl Refusal {
    pub fn new(status: u16, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            pointer: None,
            allow: None,
        }
    }

    pub fn at(mut self, pointer: &'static str) -> Self {
        self.pointer = Some(pointer);
        self
    }

    pub fn no_route() -> Self {
        Self::new(404, codes::NO_ROUTE, "No route for the URI")
    }

    pub fn method(allow: &'static str) -> Self {
        let mut r = Self::new(
            405,
            codes::METHOD,
            format!("Method not allowed for this route; allowed: {allow}"),
        );
        r.allow = Some(allow);
        r
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(400, codes::INVALID, message)
    }

    pub fn origin(message: impl Into<String>) -> Self {
        Self::new(403, codes::ORIGIN, message)
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            413,
            codes::TOO_LARGE,
            format!("Request body is larger than {limit} bytes"),
        )
    }

    pub fn upstream_down() -> Self {
        Self::new(
            502,
            codes::UPSTREAM_DOWN,
            "The upstream API could not be reached",
        )
    }

    pub fn upstream_timeout(millis: u128) -> Self {
        Self::new(
            504,
            codes::UPSTREAM_TIMEOUT,
            format!("The upstream API did not answer within {millis} ms"),
        )
    }

    /// Every answer of a proxy whose settings are unusable (the Worker's vars are read on its
    /// first request, not at a start-up that could fail).
    pub fn misconfigured(error: &ConfigError) -> Self {
        Self::new(
            500,
            codes::MISCONFIGURED,
            format!("The proxy is misconfigured: {error}"),
        )
    }

    /// `{"success":false,"errors":[…],"messages":[],"result":null}`.
    pub fn body(&self) -> String {
        let mut message = ApiMessage::new(self.code, self.message.clone());
        if let Some(p) = self.pointer {
            message = message.at(p);
        }
        let envelope: Envelope<()> = Envelope::failure(vec![message]);
        // Serialising a struct of strings and integers cannot fail.
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// The full answer, with `cors` (from [`crate::cors::response_headers`]) added.
    pub fn reply(&self, cors: HeaderPairs) -> Reply {
        let mut headers = cors;
        headers.push(("content-type", "application/json".into()));
        headers.push(("cache-control", "no-store".into()));
        if let Some(allow) = self.allow {
            headers.push(("allow", allow.into()));
        }
        Reply {
            status: self.status,
            headers,
            body: self.body(),
        }
    }
}

/// A complete answer from the proxy itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// Lower-case names.
    pub headers: HeaderPairs,
    /// Empty for a preflight.
    pub body: String,
}

impl Reply {
    /// The value of header `name` (lower case), if set.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_error_bodies() {
        let r = Refusal::invalid("user_id must be a UUID").at("/user_id");
        let v: serde_json::Value = serde_json::from_str(&r.body()).unwrap_or_default();
        assert_eq!(v["success"], false);
        assert_eq!(v["result"], serde_json::Value::Null);
        assert_eq!(v["messages"], serde_json::json!([]));
        assert_eq!(v["errors"][0]["code"], 1003);
        assert_eq!(v["errors"][0]["source"]["pointer"], "/user_id");
        let reply = Refusal::method("GET").reply(vec![("vary", "Origin".into())]);
        assert_eq!(reply.status, 405);
        assert_eq!(reply.header("allow"), Some("GET"));
        assert_eq!(reply.header("vary"), Some("Origin"));
        assert_eq!(reply.header("content-type"), Some("application/json"));
    }
}
