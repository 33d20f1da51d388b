//! Unit tests of the route table.

use super::*;

fn op(method: &str, path: &str) -> Result<Op, RouteError> {
    match_route(method, path).map(|m| m.op)
}

#[test]
fn literals_win_over_user_id() {
    let base = "/accounts/a/zt_risk_scoring";
    assert_eq!(op("GET", &format!("{base}/summary")), Ok(Op::Summary));
    assert_eq!(
        op("GET", &format!("{base}/behaviors")),
        Ok(Op::GetBehaviors)
    );
    assert_eq!(
        op("PUT", &format!("{base}/behaviors")),
        Ok(Op::PutBehaviors)
    );
    assert_eq!(
        op("GET", &format!("{base}/integrations")),
        Ok(Op::ListIntegrations)
    );
    assert_eq!(
        op("GET", &format!("{base}/integrations/reference_id/r")),
        Ok(Op::IntegrationByReference)
    );
    assert_eq!(op("GET", &format!("{base}/u1")), Ok(Op::User));
    assert_eq!(op("POST", &format!("{base}/u1/reset")), Ok(Op::Reset));
    assert_eq!(
        op("DELETE", &format!("/client/v4{base}/integrations/x")),
        Ok(Op::DeleteIntegration)
    );
    for o in [
        Op::Summary,
        Op::Reset,
        Op::PutBehaviors,
        Op::DeleteIntegration,
    ] {
        assert!(!o.method().is_empty());
    }
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
            op("GET", &format!("{base}/{tail}")),
            Err(RouteError::NoRoute),
            "{tail}"
        );
    }
    assert_eq!(
        op("POST", &format!("{base}/summary")),
        Err(RouteError::Method("GET"))
    );
    assert_eq!(
        op("get", &format!("{base}/summary")),
        Err(RouteError::Method("GET"))
    );
    assert_eq!(
        op("GET", "accounts/a/zt_risk_scoring/summary"),
        Err(RouteError::NoRoute)
    );
    assert_eq!(
        op("GET", "/client/v4x/accounts/a/zt_risk_scoring/summary"),
        Err(RouteError::NoRoute)
    );
    // Longer than any route: refused before decoding the rest.
    for extra in ["/x", "/x/y", "/x/y/z/w"] {
        assert_eq!(
            op("GET", &format!("{base}/integrations/reference_id/r{extra}")),
            Err(RouteError::NoRoute),
            "{extra}"
        );
    }
}

#[test]
fn ssf_documents() {
    let id = "11111111-2222-4333-8444-555555555555";
    for base in ["", "/client/v4"] {
        let path = format!("{base}/ssf/.well-known/sse-configuration/{id}");
        assert_eq!(match_ssf("GET", &path), Some(Ok(id.to_owned())));
        assert_eq!(
            match_ssf("POST", &path),
            Some(Err(RouteError::Method("GET")))
        );
    }
    assert_eq!(
        match_ssf("GET", "/accounts/a/zt_risk_scoring/summary"),
        None
    );
    for bad in [
        "/ssf/.well-known/sse-configuration",
        "/ssf/.well-known/sse-configuration/a/b",
        "/ssf/.well-known/openid-configuration/x",
        "/ssf/%2ewell-known/../sse-configuration/x",
        "/ssf/.well-known/sse-configuration/%2e%2e",
        "/ssf/.well-known/sse-configuration/a%2fb",
    ] {
        assert_eq!(
            match_ssf("GET", bad),
            Some(Err(RouteError::NoRoute)),
            "{bad}"
        );
    }
}

#[test]
fn access_has_the_six_operations_and_nothing_else() {
    let base = "/client/v4/accounts/a/access";
    for (method, tail, expected, id) in [
        ("GET", "apps", Op::ListApps, None),
        ("GET", "apps/x", Op::GetApp, Some("x")),
        ("GET", "apps/x/policies", Op::ListAppPolicies, Some("x")),
        ("GET", "policies", Op::ListPolicies, None),
        ("GET", "policies/p", Op::GetPolicy, Some("p")),
        ("PUT", "policies/p", Op::UpdatePolicy, Some("p")),
        ("GET", "apps/a%20b", Op::GetApp, Some("a b")),
    ] {
        let m = match_route(method, &format!("{base}/{tail}"));
        assert_eq!(
            m.map(|m| (m.op, m.id)),
            Ok((expected, id.map(str::to_owned))),
            "{method} {tail}"
        );
        assert_eq!(expected.method(), method);
        assert!(expected.is_access());
    }
    assert!(!Op::Summary.is_access());
    assert!(Op::UpdatePolicy.has_body() && !Op::GetPolicy.has_body());
    assert_eq!(Op::ListApps.query_params(), ["page", "per_page"]);
    assert!(Op::GetPolicy.query_params().is_empty());
    for (method, tail, allow) in [
        ("POST", "apps", "GET"),
        ("PUT", "apps/x", "GET"),
        ("DELETE", "apps/x", "GET"),
        ("POST", "apps/x/policies", "GET"),
        ("POST", "policies", "GET"),
        ("DELETE", "policies/p", "GET, PUT"),
        ("PATCH", "policies/p", "GET, PUT"),
    ] {
        assert_eq!(
            op(method, &format!("{base}/{tail}")),
            Err(RouteError::Method(allow)),
            "{method} {tail}"
        );
    }
    for tail in [
        "",
        "groups",
        "service_tokens",
        "keys",
        "users",
        "apps/x/policies/p",
        "apps/x/settings",
        "apps/x/revoke_tokens",
        "apps/x/user_policy_checks",
        "policies/p/x",
        "policy-tests",
        "apps/%2e%2e",
        "apps/%2e%2e/policies",
        "apps/x%2fpolicies",
        "policies/..",
        "apps/",
        "Apps",
    ] {
        assert_eq!(
            op("GET", &format!("{base}/{tail}")),
            Err(RouteError::NoRoute),
            "{tail}"
        );
    }
    assert_eq!(op("GET", "/accounts/a/access"), Err(RouteError::NoRoute));
    assert_eq!(
        op("GET", "/accounts/a/gateway/rules"),
        Err(RouteError::NoRoute)
    );
    assert_eq!(
        op("GET", "/accounts/a/zt_risk_scoring/apps"),
        Ok(Op::User),
        "the risk scoring routes are unchanged"
    );
}
