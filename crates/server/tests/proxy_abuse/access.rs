//! The Access attempts of `proxy_abuse.rs`: other Access paths, other methods on the six
//! operations' paths, traversal and encoded tricks, ids and queries the API does not define.

use super::{base, req, with_origin, Expect, ACCOUNT, USER};

/// (what, raw request, expectation)
#[rustfmt::skip]
pub fn attempts() -> Vec<(&'static str, String, Expect)> {
    use Expect::*;
    let a = format!("/client/v4/accounts/{ACCOUNT}/access");
    let put = |target: &str| req("PUT", target, "Content-Length: 2\r\n\r\n{}");
    vec![
        ("Access groups", req("GET", &format!("{a}/groups"), ""), Status(404)),
        ("Access service tokens", req("GET", &format!("{a}/service_tokens"), ""), Status(404)),
        ("Access users", req("GET", &format!("{a}/users"), ""), Status(404)),
        ("Access keys", req("GET", &format!("{a}/keys"), ""), Status(404)),
        ("Access root", req("GET", &a, ""), Status(404)),
        ("one application policy", req("GET", &format!("{a}/apps/{USER}/policies/{USER}"), ""), Status(404)),
        ("application settings", req("GET", &format!("{a}/apps/{USER}/settings"), ""), Status(404)),
        ("revoke application tokens", req("POST", &format!("{a}/apps/{USER}/revoke_tokens"), "Content-Length: 0\r\n"), Status(404)),
        ("policy tests", req("POST", &format!("{a}/policy-tests"), "Content-Length: 2\r\n\r\n{}"), Status(404)),
        ("below a reusable policy", req("GET", &format!("{a}/policies/{USER}/x"), ""), Status(404)),
        ("zone Access applications", req("GET", "/client/v4/zones/0123456789abcdef0123456789abcdef/access/apps", ""), Status(404)),
        ("create an application", req("POST", &format!("{a}/apps"), "Content-Length: 2\r\n\r\n{}"), Status(405)),
        ("update an application", put(&format!("{a}/apps/{USER}")), Status(405)),
        ("delete an application", req("DELETE", &format!("{a}/apps/{USER}"), ""), Status(405)),
        ("create an application policy", req("POST", &format!("{a}/apps/{USER}/policies"), "Content-Length: 2\r\n\r\n{}"), Status(405)),
        ("create a reusable policy", req("POST", &format!("{a}/policies"), "Content-Length: 2\r\n\r\n{}"), Status(405)),
        ("replace every reusable policy", put(&format!("{a}/policies")), Status(405)),
        ("delete a reusable policy", req("DELETE", &format!("{a}/policies/{USER}"), ""), Status(405)),
        ("PATCH a reusable policy", req("PATCH", &format!("{a}/policies/{USER}"), "Content-Length: 2\r\n\r\n{}"), Status(405)),
        ("encoded dot-dot to groups", req("GET", &format!("{a}/apps/%2e%2e/groups"), ""), Status(404)),
        ("raw dot-dot out of apps", req("GET", &format!("{a}/apps/../groups"), ""), Status(404)),
        ("encoded slash in an app id", req("GET", &format!("{a}/apps/{USER}%2fpolicies"), ""), Status(404)),
        ("encoded dot-dot as an app id", req("GET", &format!("{a}/apps/%2e%2e"), ""), Status(404)),
        ("encoded dot-dots out of Access", req("GET", &format!("{a}/apps/%2e%2e/%2e%2e/members"), ""), Status(404)),
        ("double-encoded dot-dot as a policy id", put(&format!("{a}/policies/%252e%252e")), Status(400)),
        ("risk scoring into Access", req("GET", &format!("{}/..%2faccess/apps", base()), ""), Status(404)),
        ("non-UUID application id", req("GET", &format!("{a}/apps/grafana"), ""), Status(400)),
        ("non-UUID policy id", put(&format!("{a}/policies/*")), Status(400)),
        ("search on the applications list", req("GET", &format!("{a}/apps?search=x"), ""), Status(400)),
        ("order on the applications list", req("GET", &format!("{a}/apps?page=1&order_by=name"), ""), Status(400)),
        ("query on one application", req("GET", &format!("{a}/apps/{USER}?page=1"), ""), Status(400)),
        ("CRLF in per_page", req("GET", &format!("{a}/policies?per_page=1%0d%0aX:1"), ""), Status(400)),
        ("Access from another origin", with_origin("https://evil.example", &format!("{a}/apps")), Status(403)),
        ("oversized policy update", req("PUT", &format!("{a}/policies/{USER}"), &format!("Content-Length: 5000\r\n\r\n{}", "x".repeat(5000))), Status(413)),
    ]
}
