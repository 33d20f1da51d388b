//! One function per operation, building the path under the API base from typed ids (risk
//! scoring under `/accounts/{account_id}/zt_risk_scoring`, Access under `.../access`).
//!
//! Every segment taken from data is percent-encoded, so no id can add a segment, a query or a
//! fragment. Segments that URL parsers would normalise away (empty, `.`, `..`, and their
//! encoded forms) are refused instead of encoded: no encoding survives that normalisation.

use std::fmt;

use crate::paging::PageRequest;

/// Which id a path segment holds: callers match on it (a bad account id is a settings problem,
/// a bad user id a bad link), never on the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    Account,
    User,
    Integration,
    Reference,
    /// An Access application id.
    Application,
    /// An Access policy id.
    Policy,
}

impl SegmentKind {
    /// The words for messages: "account id", "user id", …
    pub fn label(self) -> &'static str {
        match self {
            Self::Account => "account id",
            Self::User => "user id",
            Self::Integration => "integration id",
            Self::Reference => "reference id",
            Self::Application => "application id",
            Self::Policy => "policy id",
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
    push_encoded(&mut out, raw);
    out
}

/// Appends `raw` to `out`, percent-encoded as by [`encode_segment`]: runs of unreserved
/// characters are copied whole.
fn push_encoded(out: &mut String, raw: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut plain = 0;
    for (i, byte) in raw.bytes().enumerate() {
        if matches!(byte, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~') {
            continue;
        }
        // A non-empty `plain..i` is unreserved ASCII, so both its ends are character boundaries.
        if i > plain {
            out.push_str(&raw[plain..i]);
        }
        out.push('%');
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 0xf)] as char);
        plain = i + 1;
    }
    if plain < raw.len() {
        out.push_str(&raw[plain..]);
    }
}

/// Refuses values a URL parser would drop or resolve as a segment.
fn check(kind: SegmentKind, raw: &str) -> Result<(), PathError> {
    if raw.is_empty() || raw.bytes().all(|c| c == b'.') {
        return Err(PathError {
            kind,
            value: raw.to_owned(),
        });
    }
    Ok(())
}

/// Encodes `raw` as a segment, refusing values a URL parser would drop or resolve.
pub fn segment(kind: SegmentKind, raw: &str) -> Result<String, PathError> {
    check(kind, raw)?;
    Ok(encode_segment(raw))
}

/// `/accounts/{account_id}/zt_risk_scoring` followed by `tail`: literal parts as they are,
/// ids checked and encoded. One allocation (these paths are built for every request the
/// proxy forwards).
fn path(account_id: &str, tail: &[(Option<SegmentKind>, &str)]) -> Result<String, PathError> {
    scoped(account_id, "zt_risk_scoring", tail)
}

/// `/accounts/{account_id}/{scope}` followed by `tail`, as [`path`] builds it.
fn scoped(
    account_id: &str,
    scope: &str,
    tail: &[(Option<SegmentKind>, &str)],
) -> Result<String, PathError> {
    check(SegmentKind::Account, account_id)?;
    let mut out = String::with_capacity(
        64 + account_id.len() + tail.iter().map(|(_, s)| s.len() + 1).sum::<usize>(),
    );
    out.push_str("/accounts/");
    push_encoded(&mut out, account_id);
    out.push('/');
    out.push_str(scope);
    for (kind, part) in tail {
        out.push('/');
        match kind {
            Some(kind) => {
                check(*kind, part)?;
                push_encoded(&mut out, part);
            }
            None => out.push_str(part),
        }
    }
    Ok(out)
}

/// `GET /summary`
pub fn summary(account_id: &str) -> Result<String, PathError> {
    path(account_id, &[(None, "summary")])
}

/// `GET /{user_id}`
pub fn user(account_id: &str, user_id: &str) -> Result<String, PathError> {
    path(account_id, &[(Some(SegmentKind::User), user_id)])
}

/// `POST /{user_id}/reset`
pub fn reset(account_id: &str, user_id: &str) -> Result<String, PathError> {
    path(
        account_id,
        &[(Some(SegmentKind::User), user_id), (None, "reset")],
    )
}

/// `GET` and `PUT /behaviors`
pub fn behaviors(account_id: &str) -> Result<String, PathError> {
    path(account_id, &[(None, "behaviors")])
}

/// `GET` and `POST /integrations`
pub fn integrations(account_id: &str) -> Result<String, PathError> {
    path(account_id, &[(None, "integrations")])
}

/// `GET`, `PUT` and `DELETE /integrations/{integration_id}`
pub fn integration(account_id: &str, integration_id: &str) -> Result<String, PathError> {
    path(
        account_id,
        &[
            (None, "integrations"),
            (Some(SegmentKind::Integration), integration_id),
        ],
    )
}

/// `GET /integrations/reference_id/{reference_id}`
pub fn integration_by_reference(account_id: &str, reference_id: &str) -> Result<String, PathError> {
    path(
        account_id,
        &[
            (None, "integrations/reference_id"),
            (Some(SegmentKind::Reference), reference_id),
        ],
    )
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

/// `path?page=N&per_page=M`, or `path` alone without a page.
fn paged(path: Result<String, PathError>, page: Option<PageRequest>) -> Result<String, PathError> {
    match page {
        Some(page) => path.map(|p| format!("{p}?{}", page.query())),
        None => path,
    }
}

/// `GET /accounts/{account_id}/access/apps[?page=&per_page=]`: one page of the applications
/// (without a page: the bare path, as the proxy forwards it before adding the query).
pub fn access_apps(account_id: &str, page: Option<PageRequest>) -> Result<String, PathError> {
    paged(scoped(account_id, "access", &[(None, "apps")]), page)
}

/// `GET /accounts/{account_id}/access/apps/{app_id}`
pub fn access_app(account_id: &str, app_id: &str) -> Result<String, PathError> {
    scoped(
        account_id,
        "access",
        &[(None, "apps"), (Some(SegmentKind::Application), app_id)],
    )
}

/// `GET /accounts/{account_id}/access/apps/{app_id}/policies[?page=&per_page=]`: one page of an
/// application's policies (its own and the reusable ones it uses).
pub fn access_app_policies(
    account_id: &str,
    app_id: &str,
    page: Option<PageRequest>,
) -> Result<String, PathError> {
    let path = scoped(
        account_id,
        "access",
        &[
            (None, "apps"),
            (Some(SegmentKind::Application), app_id),
            (None, "policies"),
        ],
    );
    paged(path, page)
}

/// `GET /accounts/{account_id}/access/policies[?page=&per_page=]`: one page of the reusable
/// policies.
pub fn access_policies(account_id: &str, page: Option<PageRequest>) -> Result<String, PathError> {
    paged(scoped(account_id, "access", &[(None, "policies")]), page)
}

/// `GET` and `PUT /accounts/{account_id}/access/policies/{policy_id}` (a reusable policy)
pub fn access_policy(account_id: &str, policy_id: &str) -> Result<String, PathError> {
    scoped(
        account_id,
        "access",
        &[(None, "policies"), (Some(SegmentKind::Policy), policy_id)],
    )
}
