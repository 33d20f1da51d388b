//! Request headers as the core sees them, and which of them are forwarded: only the
//! credentials (`Authorization`, `X-Auth-Email`, `X-Auth-Key`), each well-formed, plus fixed
//! `Accept`, `User-Agent` and, for bodies, `Content-Type`. Cookies, hop-by-hop headers, `Host`,
//! `Origin` and `X-Forwarded-*` are never copied.

/// Read access to a request's headers, whatever the runtime's type.
pub trait Headers {
    /// The value of header `name` (lower case); with several values, a runtime may return the
    /// first or all joined by `, ` (the Fetch API's `Headers.get`).
    fn get(&self, name: &str) -> Option<&[u8]>;
}

impl Headers for [(&str, &str)] {
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_bytes())
    }
}

/// Every request header the core reads (a runtime that must copy headers out copies these).
pub const READ: [&str; 7] = [
    "origin",
    "host",
    "access-control-request-method",
    "access-control-request-headers",
    "authorization",
    "x-auth-email",
    "x-auth-key",
];
/// The credential headers copied to the API upstream, in this order.
pub const CREDENTIALS: [&str; 3] = ["authorization", "x-auth-email", "x-auth-key"];
/// Request headers a browser may send through the proxy (the preflight allow-list).
pub const ALLOWED: [&str; 4] = [
    "authorization",
    "content-type",
    "x-auth-email",
    "x-auth-key",
];
/// The only upstream response header relayed (besides status and body).
pub const RELAYED_RESPONSE: &str = "content-type";
/// Sent upstream on every forwarded request.
pub const USER_AGENT: &str = concat!("zt-risk-proxy/", env!("CARGO_PKG_VERSION"));
/// Longest credential value forwarded (Cloudflare tokens are 40 characters).
const MAX_CREDENTIAL: usize = 4096;

/// A credential header that is present but not forwardable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// The credential `name` if it is well-formed, `Ok(None)` if absent, `Err` if it is present but
/// could smuggle something: a non-printable or non-ASCII byte, a repeated value joined with
/// `,`, or (for the keys) any space. `Authorization` is exactly `Scheme SP credentials`.
pub fn credential<'a>(
    headers: &'a (impl Headers + ?Sized),
    name: &str,
) -> Result<Option<&'a str>, Malformed> {
    let Some(raw) = headers.get(name) else {
        return Ok(None);
    };
    let value = std::str::from_utf8(raw).map_err(|_| Malformed)?;
    let printable = |s: &str| s.bytes().all(|b| (0x21..=0x7e).contains(&b) && b != b',');
    let ok = value.len() <= MAX_CREDENTIAL
        && match name {
            "authorization" => value.split_once(' ').is_some_and(|(scheme, token)| {
                !scheme.is_empty() && printable(scheme) && !token.is_empty() && printable(token)
            }),
            _ => !value.is_empty() && printable(value),
        };
    if ok {
        Ok(Some(value))
    } else {
        Err(Malformed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_credentials() {
        let h: &[(&str, &str)] = &[
            ("Authorization", "Bearer abc-123_x"),
            ("X-Auth-Key", "a Injected: 1"),
            ("X-Auth-Email", "admin@example.com"),
        ];
        assert_eq!(credential(h, "authorization"), Ok(Some("Bearer abc-123_x")));
        assert_eq!(credential(h, "x-auth-email"), Ok(Some("admin@example.com")));
        assert_eq!(credential(h, "x-auth-key"), Err(Malformed));
        assert_eq!(credential(h, "cookie"), Ok(None));
        for bad in [
            "Bearer",
            "Bearer a b",
            "Bearer a, Bearer b",
            "Bearer é",
            "Bearer a\r",
            " Bearer a",
        ] {
            let h: &[(&str, &str)] = &[("authorization", bad)];
            assert_eq!(credential(h, "authorization"), Err(Malformed), "{bad:?}");
        }
    }
}
