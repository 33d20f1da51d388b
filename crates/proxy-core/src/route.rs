//! The 11 risk scoring operations and the 6 Access operations the console uses as one route
//! table, plus the SSF configuration document: the emulator dispatches on it and the proxy uses
//! it as its allow-list, so both agree on what exists. Literal segments (`summary`,
//! `behaviors`, `integrations`, `reset`, `reference_id`) are matched before the `{user_id}`
//! placeholder. Of `/access`, only `apps`, `apps/{id}`, `apps/{id}/policies`, `policies` and
//! `policies/{id}` exist here.
//!
//! Matching is on the raw request path (with or without the `/client/v4` prefix): every segment
//! must pass [`crate::decode::segment`], so no encoding trick can reach another route.

use std::borrow::Cow;

use zt_risk_api::paths::{self, PathError};

use crate::decode;

/// One of the 11 risk scoring operations or the 6 Access ones.
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
    /// `GET /access/apps`
    ListApps,
    /// `GET /access/apps/{app_id}`
    GetApp,
    /// `GET /access/apps/{app_id}/policies`
    ListAppPolicies,
    /// `GET /access/policies` (reusable policies)
    ListPolicies,
    /// `GET /access/policies/{policy_id}`
    GetPolicy,
    /// `PUT /access/policies/{policy_id}`
    UpdatePolicy,
}

impl Op {
    /// Whether the operation takes a JSON body.
    pub fn has_body(self) -> bool {
        matches!(
            self,
            Op::PutBehaviors | Op::CreateIntegration | Op::UpdateIntegration | Op::UpdatePolicy
        )
    }

    /// The query parameters the operation takes: the 2024 contract's paging and order on
    /// summary and user detail, `page` and `per_page` on the Access lists, none elsewhere.
    pub fn query_params(self) -> &'static [&'static str] {
        match self {
            Op::Summary | Op::User => &["page", "per_page", "order_by", "direction"],
            Op::ListApps | Op::ListAppPolicies | Op::ListPolicies => &["page", "per_page"],
            _ => &[],
        }
    }

    /// Whether the operation is one of Access's (which needs the Access token permissions).
    pub fn is_access(self) -> bool {
        matches!(
            self,
            Op::ListApps
                | Op::GetApp
                | Op::ListAppPolicies
                | Op::ListPolicies
                | Op::GetPolicy
                | Op::UpdatePolicy
        )
    }

    /// The HTTP method of the operation.
    pub fn method(self) -> &'static str {
        match self {
            Op::Summary
            | Op::User
            | Op::GetBehaviors
            | Op::ListIntegrations
            | Op::IntegrationByReference
            | Op::GetIntegration
            | Op::ListApps
            | Op::GetApp
            | Op::ListAppPolicies
            | Op::ListPolicies
            | Op::GetPolicy => "GET",
            Op::Reset | Op::CreateIntegration => "POST",
            Op::PutBehaviors | Op::UpdateIntegration | Op::UpdatePolicy => "PUT",
            Op::DeleteIntegration => "DELETE",
        }
    }
}

/// A request path matched to an operation, with its decoded path values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub op: Op,
    pub account: String,
    /// `user_id`, `integration_id`, `reference_id`, `app_id` or `policy_id`, decoded.
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
            Op::ListApps => paths::access_apps(a, None),
            Op::GetApp => paths::access_app(a, id),
            Op::ListAppPolicies => paths::access_app_policies(a, id, None),
            Op::ListPolicies => paths::access_policies(a, None),
            Op::GetPolicy | Op::UpdatePolicy => paths::access_policy(a, id),
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
    if *accounts != "accounts" {
        return Err(RouteError::NoRoute);
    }
    let (allow, id, pick) = match *scope {
        "zt_risk_scoring" => risk_scoring(tail)?,
        "access" => access(tail)?,
        _ => return Err(RouteError::NoRoute),
    };
    let op = pick(method).ok_or(RouteError::Method(allow))?;
    Ok(Matched {
        op,
        account: (*account).to_owned(),
        id: id.map(str::to_owned),
    })
}

/// A route: the `Allow` list, the path id if any, and the operation of each method.
type Route<'a> = (&'static str, Option<&'a str>, PickOp);

/// The routes under `/accounts/{a}/zt_risk_scoring`.
fn risk_scoring<'a>(tail: &[&'a str]) -> Result<Route<'a>, RouteError> {
    Ok(match tail {
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
    })
}

/// The routes under `/accounts/{a}/access`: the console's six operations, no other.
fn access<'a>(tail: &[&'a str]) -> Result<Route<'a>, RouteError> {
    Ok(match tail {
        ["apps"] => ("GET", None, |m| (m == "GET").then_some(Op::ListApps)),
        ["apps", app] => ("GET", Some(*app), |m| (m == "GET").then_some(Op::GetApp)),
        ["apps", app, "policies"] => ("GET", Some(*app), |m| {
            (m == "GET").then_some(Op::ListAppPolicies)
        }),
        ["policies"] => ("GET", None, |m| (m == "GET").then_some(Op::ListPolicies)),
        ["policies", policy] => ("GET, PUT", Some(*policy), |m| match m {
            "GET" => Some(Op::GetPolicy),
            "PUT" => Some(Op::UpdatePolicy),
            _ => None,
        }),
        _ => return Err(RouteError::NoRoute),
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
