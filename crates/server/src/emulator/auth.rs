//! Cloudflare-style authentication and account checks for the emulator. Credentials are
//! compared, never logged or echoed.

use axum::http::{header, HeaderMap, StatusCode};

use crate::envelope::{ApiError, AUTH, NO_ROUTE};

/// Which credentials the emulator accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenPolicy {
    /// Any well-formed `Bearer` token or `X-Auth-Email` + `X-Auth-Key` pair.
    Any,
    /// Only this token, as `Bearer` or as `X-Auth-Key` (with any email).
    Exact(String),
}

/// Accepts `Authorization: Bearer <token>` or the legacy `X-Auth-Email` + `X-Auth-Key`, and
/// returns the credential presented (the token, or the key), for the rate limit.
pub fn check<'h>(policy: &TokenPolicy, headers: &'h HeaderMap) -> Result<&'h str, ApiError> {
    let value = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let bearer = value(header::AUTHORIZATION.as_str()).and_then(|v| {
        let (scheme, token) = v.split_once(' ')?;
        let token = token.trim();
        (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
    });
    let key = value("x-auth-key").filter(|_| value("x-auth-email").is_some());
    let presented = bearer.or(key).ok_or_else(ApiError::unauthenticated)?;
    match policy {
        TokenPolicy::Any => Ok(presented),
        TokenPolicy::Exact(token) if constant_time_eq(token.as_bytes(), presented.as_bytes()) => {
            Ok(presented)
        }
        TokenPolicy::Exact(_) => Err(ApiError::unauthenticated()),
    }
}

/// The account id of the request, lower-cased (it names the account's data set). Refused as
/// Cloudflare refuses it: an id that is not 32 hex characters cannot even be routed (404 7003),
/// and with `--account` another well-formed id is not yours (403).
pub fn account(pinned: Option<&str>, account: &str, path: &str) -> Result<String, ApiError> {
    let well_formed = account.len() == 32 && account.bytes().all(|b| b.is_ascii_hexdigit());
    if !well_formed {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            NO_ROUTE,
            format!("Could not route to {path}, perhaps your object identifier is invalid?"),
        ));
    }
    match pinned {
        Some(p) if !p.eq_ignore_ascii_case(account) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            AUTH,
            "Authentication error",
        )),
        _ => Ok(account.to_ascii_lowercase()),
    }
}

/// Refuses an Access operation when the request's `credential` is the one configured to lack
/// the Access permissions: Cloudflare's 403, code 10000, as for a token without "Access: Apps
/// and Policies".
pub fn access_permission(denied: Option<&str>, credential: &str) -> Result<(), ApiError> {
    match denied {
        Some(token) if constant_time_eq(token.as_bytes(), credential.as_bytes()) => Err(
            ApiError::new(StatusCode::FORBIDDEN, AUTH, "Authentication error"),
        ),
        _ => Ok(()),
    }
}

/// Compares without an early exit, so response time does not reveal how much matched.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn bearer_or_email_and_key() {
        let any = TokenPolicy::Any;
        assert!(check(&any, &headers(&[("authorization", "Bearer t")])).is_ok());
        assert!(check(
            &any,
            &headers(&[("x-auth-email", "a@b.c"), ("x-auth-key", "k")])
        )
        .is_ok());
        assert!(check(&any, &headers(&[("x-auth-key", "k")])).is_err());
        assert!(check(&any, &headers(&[("authorization", "Basic abc")])).is_err());
        assert!(check(&any, &headers(&[("authorization", "Bearer ")])).is_err());
        let exact = TokenPolicy::Exact("s3cret".into());
        assert!(check(&exact, &headers(&[("authorization", "Bearer s3cret")])).is_ok());
        assert!(check(&exact, &headers(&[("authorization", "Bearer s3cre")])).is_err());
        assert!(constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abcd"));
        assert!(access_permission(None, "t").is_ok());
        assert!(access_permission(Some("other"), "t").is_ok());
        let denied = access_permission(Some("t"), "t").map_err(|e| e.status);
        assert_eq!(denied, Err(StatusCode::FORBIDDEN));
    }
}
