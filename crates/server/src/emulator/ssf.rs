//! The Shared Signals Framework transmitter configuration of each integration, served at
//! `/ssf/.well-known/sse-configuration/{integration_id}` (and under `/client/v4`, the console's
//! API base). Public, as Cloudflare's own document at the integration's `well_known_url` is.
//!
//! Fields follow OpenID Shared Signals Framework 1.0 (final, 2025), section "Transmitter
//! Configuration Metadata": `spec_version` "1_0", `issuer`, `jwks_uri`,
//! `delivery_methods_supported` (push RFC 8935, poll RFC 8936), the stream management endpoints,
//! `authorization_schemes` (OAuth 2.0, RFC 6749) and `default_subjects`. `events_supported` is a
//! stream-configuration field in SSF 1.0; the spec lets a transmitter publish it "via some other
//! means" and lets metadata carry other claims, so it is here too, for the console's "Check".
//! The URLs name Cloudflare's host, like `well_known_url`; none of those endpoints is emulated.

use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use super::accounts::Accounts;
use super::store::SSF_HOST;
use crate::envelope::{self, ApiError};

const PREFIX: &str = "/ssf/.well-known/sse-configuration/";

/// The event types a Cloudflare risk score integration sends: the CAEP risk level change, and
/// the SSF events every SSF 1.0 stream carries.
pub const EVENTS: [&str; 3] = [
    "https://schemas.openid.net/secevent/caep/event-type/risk-level-change",
    "https://schemas.openid.net/secevent/ssf/event-type/verification",
    "https://schemas.openid.net/secevent/ssf/event-type/stream-updated",
];

/// The raw integration id if `path` asks for an SSF configuration (one trailing `/` allowed).
pub fn match_path(path: &str) -> Option<&str> {
    let path = path.strip_prefix("/client/v4").unwrap_or(path);
    let rest = path.strip_prefix(PREFIX)?;
    Some(rest.strip_suffix('/').unwrap_or(rest))
}

/// The document of integration `raw_id`, in whichever account holds it.
pub fn serve(accounts: &Accounts, method: &Method, raw_id: &str) -> Result<Response, ApiError> {
    if method != Method::GET && method != Method::HEAD {
        return Err(ApiError::method_not_allowed("GET"));
    }
    let id = raw_id.to_ascii_lowercase();
    let not_found = || {
        ApiError::new(
            StatusCode::NOT_FOUND,
            envelope::NOT_FOUND,
            "No risk score integration has this id",
        )
    };
    if !zt_risk_api::validate::is_uuid(&id) {
        return Err(not_found());
    }
    let integration = accounts.integration(&id).ok_or_else(not_found)?;
    Ok(envelope::json_response(
        StatusCode::OK,
        &configuration(&integration.id),
    ))
}

/// The transmitter configuration metadata of one integration.
pub fn configuration(integration_id: &str) -> Value {
    let issuer = format!("https://{SSF_HOST}/{integration_id}");
    json!({
        "spec_version": "1_0",
        "issuer": issuer,
        "jwks_uri": format!("{issuer}/jwks.json"),
        "delivery_methods_supported": ["urn:ietf:rfc:8935", "urn:ietf:rfc:8936"],
        "configuration_endpoint": format!("{issuer}/ssf/stream"),
        "status_endpoint": format!("{issuer}/ssf/status"),
        "add_subject_endpoint": format!("{issuer}/ssf/subjects:add"),
        "remove_subject_endpoint": format!("{issuer}/ssf/subjects:remove"),
        "verification_endpoint": format!("{issuer}/ssf/verify"),
        "authorization_schemes": [{"spec_urn": "urn:ietf:rfc:6749"}],
        "default_subjects": "ALL",
        "events_supported": EVENTS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_both_prefixes_and_a_trailing_slash() {
        let id = "5c6f0d52-0000-4000-8000-00000000510e";
        for path in [
            format!("{PREFIX}{id}"),
            format!("/client/v4{PREFIX}{id}"),
            format!("{PREFIX}{id}/"),
        ] {
            assert_eq!(match_path(&path), Some(id), "{path}");
        }
        assert_eq!(match_path("/ssf/.well-known/ssf-configuration/x"), None);
        assert_eq!(match_path("/client/v4/accounts/x"), None);
    }

    #[test]
    fn issuer_is_where_the_well_known_path_points() {
        let doc = configuration("abc");
        // SSF: the document of issuer https://host/path is at https://host/.well-known/…/path.
        assert_eq!(doc["issuer"], format!("https://{SSF_HOST}/abc"));
        assert_eq!(
            super::super::store::well_known_url("abc"),
            format!("https://{SSF_HOST}/.well-known/sse-configuration/abc")
        );
    }
}
