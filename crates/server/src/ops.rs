//! The 11 operations as one route table: the emulator dispatches on it and the proxy uses it as
//! its allow-list, so both agree on what exists. Literal segments (`summary`, `behaviors`,
//! `integrations`, `reset`, `reference_id`) are matched before the `{user_id}` placeholder.
//!
//! Matching is on the raw request path: every segment must percent-decode to UTF-8 without `/`,
//! `\`, control characters or dot-segments, so no encoding trick can reach another route.

use axum::http::Method;
use zt_risk_api::paths::{self, PathError};

/// One of the 11 risk scoring operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Summary,
    User,
    Reset,
    GetBehaviors,
    PutBehaviors,
    ListIntegrations,
    CreateIntegration,
    IntegrationByReference,
    GetIntegration,
    UpdateIntegration,
    DeleteIntegration,
}

impl Op {
    /// Whether the operation takes a JSON body.
    pub fn has_body(self) -> bool {
        matches!(
            self,
            Op::PutBehaviors | Op::CreateIntegration | Op::UpdateIntegration
        )
    }

    /// Whether the 2024 contract's paging parameters apply.
    pub fn pages(self) -> bool {
        matches!(self, Op::Summary | Op::User)
    }
}

/// A request path matched to an operation, with its decoded path values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub op: Op,
    pub account: String,
    /// `user_id`, `integration_id` or `reference_id`, decoded.
    pub id: Option<String>,
}

impl Matched {
    /// The canonical path under the API base, every segment re-encoded.
    pub fn canonical_path(&self) -> Result<String, PathError> {
        let a = self.account.as_str();
        let id = self.id.as_deref().unwrap_or_default();
        match self.op {
            Op::Summary => paths::summary(a),
            Op::User => paths::user(a, id),
            Op::Reset => paths::reset(a, id),
            Op::GetBehaviors | Op::PutBehaviors => paths::behaviors(a),
            Op::ListIntegrations | Op::CreateIntegration => paths::integrations(a),
            Op::IntegrationByReference => paths::integration_by_reference(a, id),
            Op::GetIntegration | Op::UpdateIntegration | Op::DeleteIntegration => {
                paths::integration(a, id)
            }
        }
    }
}

/// Why a request matches no operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteError {
    /// No operation has this path.
    NoRoute,
    /// The path exists but not with this method; the value is the `Allow` list.
    Method(&'static str),
}

/// Picks the operation of a path for a method, if the path has one for it.
type PickOp = fn(&Method) -> Option<Op>;

/// Matches `method` and the raw (still encoded) `path`, with or without the `/client/v4` prefix.
pub fn match_route(method: &Method, path: &str) -> Result<Matched, RouteError> {
    let path = path.strip_prefix("/client/v4").unwrap_or(path);
    let rest = path.strip_prefix('/').ok_or(RouteError::NoRoute)?;
    let segments = rest
        .split('/')
        .map(decode_segment)
        .collect::<Option<Vec<String>>>()
        .ok_or(RouteError::NoRoute)?;
    let [accounts, account, scope, tail @ ..] = segments.as_slice() else {
        return Err(RouteError::NoRoute);
    };
    if accounts != "accounts" || scope != "zt_risk_scoring" {
        return Err(RouteError::NoRoute);
    }
    let tail: Vec<&str> = tail.iter().map(String::as_str).collect();
    let (allow, id, pick): (&'static str, Option<&str>, PickOp) = match tail.as_slice() {
        ["summary"] => ("GET", None, |m| (*m == Method::GET).then_some(Op::Summary)),
        ["behaviors"] => ("GET, PUT", None, |m| match *m {
            Method::GET => Some(Op::GetBehaviors),
            Method::PUT => Some(Op::PutBehaviors),
            _ => None,
        }),
        ["integrations"] => ("GET, POST", None, |m| match *m {
            Method::GET => Some(Op::ListIntegrations),
            Method::POST => Some(Op::CreateIntegration),
            _ => None,
        }),
        ["integrations", "reference_id", reference] => ("GET", Some(*reference), |m| {
            (*m == Method::GET).then_some(Op::IntegrationByReference)
        }),
        ["integrations", integration] => ("GET, PUT, DELETE", Some(*integration), |m| match *m {
            Method::GET => Some(Op::GetIntegration),
            Method::PUT => Some(Op::UpdateIntegration),
            Method::DELETE => Some(Op::DeleteIntegration),
            _ => None,
        }),
        [user] => ("GET", Some(*user), |m| {
            (*m == Method::GET).then_some(Op::User)
        }),
        [user, "reset"] => ("POST", Some(*user), |m| {
            (*m == Method::POST).then_some(Op::Reset)
        }),
        _ => return Err(RouteError::NoRoute),
    };
    let op = pick(method).ok_or(RouteError::Method(allow))?;
    Ok(Matched {
        op,
        account: account.clone(),
        id: id.map(str::to_owned),
    })
}

/// Decodes one raw segment; `None` for anything that could be read as more than one segment.
fn decode_segment(raw: &str) -> Option<String> {
    let decoded = percent_decode(raw)?;
    let safe = !decoded.is_empty()
        && decoded != "."
        && decoded != ".."
        && !decoded
            .chars()
            .any(|c| c == '/' || c == '\\' || c.is_control());
    safe.then_some(decoded)
}

/// Strict percent-decoding: a `%` must start two hex digits and the result must be UTF-8.
pub fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(method: Method, path: &str) -> Result<Op, RouteError> {
        match_route(&method, path).map(|m| m.op)
    }

    #[test]
    fn literals_win_over_user_id() {
        let base = "/accounts/a/zt_risk_scoring";
        assert_eq!(op(Method::GET, &format!("{base}/summary")), Ok(Op::Summary));
        assert_eq!(
            op(Method::GET, &format!("{base}/behaviors")),
            Ok(Op::GetBehaviors)
        );
        assert_eq!(
            op(Method::GET, &format!("{base}/integrations")),
            Ok(Op::ListIntegrations)
        );
        assert_eq!(op(Method::GET, &format!("{base}/u1")), Ok(Op::User));
        assert_eq!(
            op(Method::DELETE, &format!("/client/v4{base}/integrations/x")),
            Ok(Op::DeleteIntegration)
        );
    }

    #[test]
    fn encoded_tricks_match_nothing() {
        let base = "/accounts/a/zt_risk_scoring";
        for tail in [
            "%2e%2e/summary",
            "a%2fb",
            "..",
            "x/",
            "a%00",
            "%zz",
            "a%5cb",
            "",
        ] {
            assert_eq!(
                op(Method::GET, &format!("{base}/{tail}")),
                Err(RouteError::NoRoute),
                "{tail}"
            );
        }
        assert_eq!(
            op(Method::POST, &format!("{base}/summary")),
            Err(RouteError::Method("GET"))
        );
    }
}
