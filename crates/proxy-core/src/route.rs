//! The 11 operations as one route table, plus the SSF configuration document: the emulator
//! dispatches on it and the proxy uses it as its allow-list, so both agree on what exists.
//! Literal segments (`summary`, `behaviors`, `integrations`, `reset`, `reference_id`) are
//! matched before the `{user_id}` placeholder.
//!
//! Matching is on the raw request path (with or without the `/client/v4` prefix): every segment
//! must pass [`crate::decode::segment`], so no encoding trick can reach another route.

use std::borrow::Cow;

use zt_risk_api::paths::{self, PathError};

use crate::decode;

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

    /// The HTTP method of the operation.
    pub fn method(self) -> &'static str {
        match self {
            Op::Summary
            | Op::User
            | Op::GetBehaviors
            | Op::ListIntegrations
            | Op::IntegrationByReference
            | Op::GetIntegration => "GET",
            Op::Reset | Op::CreateIntegration => "POST",
            Op::PutBehaviors | Op::UpdateIntegration => "PUT",
            Op::DeleteIntegration => "DELETE",
        }
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
type PickOp = fn(&str) -> Option<Op>;

/// The most segments a route has (`accounts/{a}/zt_risk_scoring/integrations/reference_id/{r}`).
const MAX_SEGMENTS: usize = 6;

/// The decoded segments of `path` after the optional `/client/v4` prefix, on the stack: a path
/// with more segments than any route matches nothing.
fn segments(path: &str) -> Result<([Cow<'_, str>; MAX_SEGMENTS], usize), RouteError> {
    let path = path.strip_prefix("/client/v4").unwrap_or(path);
    let rest = path.strip_prefix('/').ok_or(RouteError::NoRoute)?;
    let mut out: [Cow<'_, str>; MAX_SEGMENTS] = Default::default();
    let mut n = 0;
    for raw in rest.split('/') {
        let slot = out.get_mut(n).ok_or(RouteError::NoRoute)?;
        *slot = decode::segment(raw).ok_or(RouteError::NoRoute)?;
        n += 1;
    }
    Ok((out, n))
}

/// Matches `method` and the raw (still encoded) `path`, with or without the `/client/v4` prefix.
pub fn match_route(method: &str, path: &str) -> Result<Matched, RouteError> {
    let (segments, n) = segments(path)?;
    let s: [&str; MAX_SEGMENTS] = std::array::from_fn(|i| segments[i].as_ref());
    let [accounts, account, scope, tail @ ..] = &s[..n] else {
        return Err(RouteError::NoRoute);
    };
    if *accounts != "accounts" || *scope != "zt_risk_scoring" {
        return Err(RouteError::NoRoute);
    }
    let (allow, id, pick): (&'static str, Option<&str>, PickOp) = match tail {
        ["summary"] => ("GET", None, |m| (m == "GET").then_some(Op::Summary)),
        ["behaviors"] => ("GET, PUT", None, |m| match m {
            "GET" => Some(Op::GetBehaviors),
            "PUT" => Some(Op::PutBehaviors),
            _ => None,
        }),
        ["integrations"] => ("GET, POST", None, |m| match m {
            "GET" => Some(Op::ListIntegrations),
            "POST" => Some(Op::CreateIntegration),
            _ => None,
        }),
        ["integrations", "reference_id", reference] => ("GET", Some(*reference), |m| {
            (m == "GET").then_some(Op::IntegrationByReference)
        }),
        ["integrations", integration] => ("GET, PUT, DELETE", Some(*integration), |m| match m {
            "GET" => Some(Op::GetIntegration),
            "PUT" => Some(Op::UpdateIntegration),
            "DELETE" => Some(Op::DeleteIntegration),
            _ => None,
        }),
        [user] => ("GET", Some(*user), |m| (m == "GET").then_some(Op::User)),
        [user, "reset"] => ("POST", Some(*user), |m| (m == "POST").then_some(Op::Reset)),
        _ => return Err(RouteError::NoRoute),
    };
    let op = pick(method).ok_or(RouteError::Method(allow))?;
    Ok(Matched {
        op,
        account: (*account).to_owned(),
        id: id.map(str::to_owned),
    })
}

/// The path prefix of the SSF transmitter configuration documents (after the optional
/// `/client/v4`), on the proxy and on `https://ssf.risk-score.teams.cloudflare.com` (without
/// the leading `/ssf`).
pub const SSF_PREFIX: &str = "/ssf/.well-known/sse-configuration/";

/// `Some` when `path` is `[/client/v4]/ssf/.well-known/sse-configuration/{id}`: the decoded id
/// (not yet checked to be a UUID), or the route error. `None` for any other path.
pub fn match_ssf(method: &str, path: &str) -> Option<Result<String, RouteError>> {
    let bare = path.strip_prefix("/client/v4").unwrap_or(path);
    if !bare.starts_with("/ssf/") {
        return None;
    }
    let matched = match segments(path) {
        Ok((s, n)) => match &s[..n] {
            [ssf, well_known, config, id]
                if ssf == "ssf" && well_known == ".well-known" && config == "sse-configuration" =>
            {
                Ok(id.clone().into_owned())
            }
            _ => Err(RouteError::NoRoute),
        },
        Err(e) => Err(e),
    };
    Some(matched.and_then(|id| {
        if method == "GET" {
            Ok(id)
        } else {
            Err(RouteError::Method("GET"))
        }
    }))
}

#[cfg(test)]
#[path = "route_tests.rs"]
mod tests;
