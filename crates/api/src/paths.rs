//! One function per operation, building the path under the API base from typed ids.
//!
//! Every segment taken from data is percent-encoded, so no id can add a segment, a query or a
//! fragment. Segments that URL parsers would normalise away (empty, `.`, `..`, and their
//! encoded forms) are refused instead of encoded: no encoding survives that normalisation.

use std::fmt;

/// Which id a path segment holds: callers match on it (a bad account id is a settings problem,
/// a bad user id a bad link), never on the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    Account,
    User,
    Integration,
    Reference,
}

impl SegmentKind {
    /// The words for messages: "account id", "user id", …
    pub fn label(self) -> &'static str {
        match self {
            Self::Account => "account id",
            Self::User => "user id",
            Self::Integration => "integration id",
            Self::Reference => "reference id",
        }
    }
}

/// A path segment that cannot be sent safely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub kind: SegmentKind,
    pub value: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:?} cannot be used in a request path",
            self.kind.label(),
            self.value
        )
    }
}

impl std::error::Error for PathError {}

/// The HTTP method of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }
}

/// Percent-encodes one segment: everything but RFC 3986 unreserved characters.
pub fn encode_segment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Encodes `raw` as a segment, refusing values a URL parser would drop or resolve.
pub fn segment(kind: SegmentKind, raw: &str) -> Result<String, PathError> {
    if raw.is_empty() || raw.chars().all(|c| c == '.') {
        return Err(PathError {
            kind,
            value: raw.to_owned(),
        });
    }
    Ok(encode_segment(raw))
}

fn base(account_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "/accounts/{}/zt_risk_scoring",
        segment(SegmentKind::Account, account_id)?
    ))
}

/// `GET /summary`
pub fn summary(account_id: &str) -> Result<String, PathError> {
    Ok(format!("{}/summary", base(account_id)?))
}

/// `GET /{user_id}`
pub fn user(account_id: &str, user_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "{}/{}",
        base(account_id)?,
        segment(SegmentKind::User, user_id)?
    ))
}

/// `POST /{user_id}/reset`
pub fn reset(account_id: &str, user_id: &str) -> Result<String, PathError> {
    Ok(format!("{}/reset", user(account_id, user_id)?))
}

/// `GET` and `PUT /behaviors`
pub fn behaviors(account_id: &str) -> Result<String, PathError> {
    Ok(format!("{}/behaviors", base(account_id)?))
}

/// `GET` and `POST /integrations`
pub fn integrations(account_id: &str) -> Result<String, PathError> {
    Ok(format!("{}/integrations", base(account_id)?))
}

/// `GET`, `PUT` and `DELETE /integrations/{integration_id}`
pub fn integration(account_id: &str, integration_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "{}/{}",
        integrations(account_id)?,
        segment(SegmentKind::Integration, integration_id)?
    ))
}

/// `GET /integrations/reference_id/{reference_id}`
pub fn integration_by_reference(account_id: &str, reference_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "{}/reference_id/{}",
        integrations(account_id)?,
        segment(SegmentKind::Reference, reference_id)?
    ))
}

/// `GET /ssf/.well-known/sse-configuration/{integration_id}`: the integration's SSF transmitter
/// configuration through the proxy (or the emulator), which fetches it from
/// `https://ssf.risk-score.teams.cloudflare.com`. Under the same base as the API paths.
pub fn ssf_configuration(integration_id: &str) -> Result<String, PathError> {
    Ok(format!(
        "/ssf/.well-known/sse-configuration/{}",
        segment(SegmentKind::Integration, integration_id)?
    ))
}
