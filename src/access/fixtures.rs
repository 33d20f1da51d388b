//! Access data for tests (native and browser): six applications covering each kind of cell,
//! an application type and a rule type this build does not know, a decision it does not know,
//! an application with no policy and one whose list entry does not embed its policies; and
//! the reusable policies.
//!
//! | application  | Low      | Medium   | High                    | Unscored |
//! |--------------|----------|----------|-------------------------|----------|
//! | Grafana      | identity | identity | out: Block high-risk    | identity |
//! | Status page  | in       | in       | in                      | in       |
//! | Legacy CRM   | closed   | closed   | closed                  | closed   |
//! | Jenkins      | not embedded; read one by one ([`jenkins_policies_json`]): identity, identity, out (Employees excludes High), identity |
//! | Quantum      | unknown (a decision this build does not know)                            |
//! | Support desk | identity | identity | out: its own Allow excludes High | identity |

use zt_risk_api::access::{Application, Policy};

pub const GRAFANA_ID: &str = "a0000000-0000-4000-8000-000000000001";
pub const STATUS_ID: &str = "a0000000-0000-4000-8000-000000000002";
pub const LEGACY_ID: &str = "a0000000-0000-4000-8000-000000000003";
pub const JENKINS_ID: &str = "a0000000-0000-4000-8000-000000000004";
pub const QUANTUM_ID: &str = "a0000000-0000-4000-8000-000000000005";
pub const SUPPORT_ID: &str = "a0000000-0000-4000-8000-000000000006";

pub const EMPLOYEES_ID: &str = "b0000000-0000-4000-8000-000000000001";
pub const BLOCK_HIGH_ID: &str = "b0000000-0000-4000-8000-000000000002";
pub const CONTRACTORS_ID: &str = "b0000000-0000-4000-8000-000000000003";

const HIGH: &str = r#"{"user_risk_score":{"user_risk_score":["high"]}}"#;

/// A policy object: `rules` is the text of its `include`, `exclude` and `require` members
/// (`"include":[…]`), `extra` more members (with a leading comma, or empty).
fn policy(id: &str, name: &str, decision: &str, rules: &str, extra: &str) -> String {
    format!(r#"{{"id":"{id}","name":"{name}","decision":"{decision}",{rules}{extra}}}"#)
}

/// Employees: allow the company's domain, except High (reusable).
pub fn employees(extra: &str) -> String {
    let rules =
        format!(r#""include":[{{"email_domain":{{"domain":"example.com"}}}}],"exclude":[{HIGH}]"#);
    policy(EMPLOYEES_ID, "Employees", "allow", &rules, extra)
}

/// Block high-risk users: deny High (reusable).
pub fn block_high(extra: &str) -> String {
    let rules = format!(r#""include":[{HIGH}]"#);
    policy(
        BLOCK_HIGH_ID,
        "Block high-risk users",
        "deny",
        &rules,
        extra,
    )
}

/// Contractors: allow two emails that are Low, with a rule type this build does not know, and
/// members the update must send back as read (reusable, used by no application here).
pub fn contractors(extra: &str) -> String {
    let rules = concat!(
        r#""include":[{"email":{"email":"c1@example.com"}},{"future_rule":{"x":[1,2]}}],"#,
        r#""exclude":[],"require":[{"user_risk_score":{"user_risk_score":["low"]}}],"#,
        r#""session_duration":"8h","purpose_justification_required":false"#
    );
    policy(CONTRACTORS_ID, "Contractors", "allow", rules, extra)
}

/// The reusable policies as `GET /access/policies` lists them.
pub fn reusable_json() -> String {
    let reusable = r#","reusable":true,"app_count":2,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z""#;
    format!(
        "[{},{},{}]",
        employees(reusable),
        block_high(reusable),
        contractors(reusable)
    )
}

/// Jenkins' policies, as `GET /access/apps/{id}/policies` returns them.
pub fn jenkins_policies_json() -> String {
    format!("[{}]", employees(r#","precedence":1"#))
}

fn app(id: &str, name: &str, app_type: &str, policies: Option<String>) -> String {
    let policies = policies.map_or_else(String::new, |p| format!(r#","policies":{p}"#));
    format!(
        r#"{{"id":"{id}","name":"{name}","type":"{app_type}","domain":"{}.example.com","aud":"aud-{id}"{policies}}}"#,
        name.to_lowercase().replace(' ', "-")
    )
}

/// The applications as `GET /access/apps` returns them (one page).
pub fn apps_json() -> String {
    let p = |n: i64| format!(r#","precedence":{n}"#);
    let public = r#"{"id":"c0000000-0000-4000-8000-000000000001","name":"Public health checks","decision":"bypass","include":[{"everyone":{}}],"precedence":1}"#;
    let teleport = r#"{"id":"c0000000-0000-4000-8000-000000000002","name":"Teleport","decision":"teleport","include":[{"everyone":{}}],"precedence":1}"#;
    let support = format!(
        r#"{{"id":"c0000000-0000-4000-8000-000000000003","name":"Everyone but High","decision":"allow","include":[{{"everyone":{{}}}}],"exclude":[{HIGH},{{"future_rule":{{"y":true}}}}],"precedence":1}}"#
    );
    let apps = [
        app(
            GRAFANA_ID,
            "Grafana",
            "self_hosted",
            Some(format!("[{},{}]", block_high(&p(1)), employees(&p(2)))),
        ),
        app(
            STATUS_ID,
            "Status page",
            "self_hosted",
            Some(format!("[{public}]")),
        ),
        app(LEGACY_ID, "Legacy CRM", "self_hosted", Some("[]".into())),
        app(JENKINS_ID, "Jenkins", "self_hosted", None),
        app(
            QUANTUM_ID,
            "Quantum",
            "quantum_tunnel",
            Some(format!("[{teleport}]")),
        ),
        app(
            SUPPORT_ID,
            "Support desk",
            "saas",
            Some(format!("[{support}]")),
        ),
    ];
    format!("[{}]", apps.join(","))
}

pub fn apps() -> Vec<Application> {
    serde_json::from_str(&apps_json()).expect("fixture apps")
}

pub fn reusable() -> Vec<Policy> {
    serde_json::from_str(&reusable_json()).expect("fixture reusable policies")
}

pub fn jenkins_policies() -> Vec<Policy> {
    serde_json::from_str(&jenkins_policies_json()).expect("fixture Jenkins policies")
}
