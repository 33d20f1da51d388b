//! The hand-written demo Access data: 9 reusable policies and 16 applications (self-hosted and
//! SaaS), some with policies of their own, mixing emails, email domains, groups, everyone,
//! device posture, service tokens and `user_risk_score` in include, exclude and require, with
//! Allow, Block, Bypass and Service Auth decisions. `seed` gives them ids and the account's
//! demo company.
//!
//! What the risk score alone decides (low, medium, high, unscored; `docs/contract-access.md`):
//!
//! | application | low | medium | high | unscored |
//! |---|---|---|---|---|
//! | Grafana | identity | identity | **out** (Block high-risk users) | identity |
//! | Jenkins | identity | identity | **out** (Employees: exclude High) | identity |
//! | Payroll | identity | **out** | **out** (Low-risk staff: require Low or Unscored) | identity |
//! | AWS Console | identity | identity | **out** (Block high-risk users) | identity |
//! | Wiki | identity | identity | identity | identity |
//! | Status page | in | in | in | in (Bypass everyone) |
//! | HR Portal | identity | **out** | **out** (own Allow: exclude Medium, High) | identity |
//! | Admin panel | identity | **out** | **out** (own Block: include Medium, High) | identity |
//! | GitLab | identity | identity | identity | identity (Service Auth may let anyone in) |
//! | Salesforce | identity | identity | identity | identity |
//! | Support desk | in | in | **out** (own Allow everyone, exclude High) | in |
//! | Intranet | in | in | in | in (own Allow everyone) |
//! | Finance reports | identity | **out** (require) | **out** (Block) | identity |
//! | Build cache | identity | identity | identity | identity |
//! | Legacy CRM | out | out | out | out (no policy: closed to everyone) |
//! | Data warehouse | identity | **out** | **out** | **out** (own Allow: require Low) |

use zt_risk_api::access::{Rule, ScoreLevel};

/// How many hand-written demo applications there are.
pub const DEMO_APPS: usize = 16;

/// The reusable policies; `REUSABLE` is their order (and `R as usize` their index).
#[derive(Clone, Copy)]
pub enum R {
    Employees,
    BlockHigh,
    LowRiskStaff,
    Company,
    Security,
    Contractors,
    ServiceTokens,
    BypassEveryone,
    BlockUntrustedDevices,
}

pub const REUSABLE: [R; 9] = [
    R::Employees,
    R::BlockHigh,
    R::LowRiskStaff,
    R::Company,
    R::Security,
    R::Contractors,
    R::ServiceTokens,
    R::BypassEveryone,
    R::BlockUntrustedDevices,
];

/// What the rules of an account are made from: its company's mail domain and group ids.
pub struct Pieces {
    pub domain: String,
    pub engineering: String,
    pub security: String,
    pub design: String,
}

/// (name, decision, include, exclude, require)
pub type Shape = (&'static str, &'static str, Vec<Rule>, Vec<Rule>, Vec<Rule>);

/// What an application uses: reusable policies, or one of its own before reusable ones.
pub enum Uses {
    Reusable(&'static [R]),
    Own(Shape, &'static [R]),
}

/// How an application is reached.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Self-hosted at `{name}.{company domain}`.
    Host(&'static str),
    /// SaaS with SAML, entity id `{name}`.
    Saml(&'static str),
    /// SaaS with OIDC.
    Oidc(&'static str),
}

fn risk(levels: &[ScoreLevel]) -> Rule {
    Rule::user_risk_score(levels)
}

/// A rule `zt_risk_api` keeps as raw JSON (a type it does not read).
fn raw(text: &str) -> Rule {
    serde_json::from_str(text).unwrap_or_else(|_| Rule::everyone())
}

/// One row per policy or application: tables read best unwrapped.
#[rustfmt::skip]
pub fn reusable_shape(r: R, p: &Pieces) -> Shape {
    use ScoreLevel::*;
    let domain = || Rule::email_domain(&p.domain);
    match r {
        R::Employees => ("Employees", "allow", vec![domain()], vec![risk(&[High])], vec![]),
        R::BlockHigh => ("Block high-risk users", "deny", vec![risk(&[High])], vec![], vec![]),
        R::LowRiskStaff => ("Low-risk staff", "allow", vec![Rule::group(&p.engineering), domain()], vec![], vec![risk(&[Low, Unscored])]),
        R::Company => ("Everyone at the company", "allow", vec![domain()], vec![], vec![]),
        R::Security => ("Security team", "allow", vec![Rule::group(&p.security)], vec![], vec![]),
        R::Contractors => ("Contractors", "allow", vec![Rule::email("dana.okafor@partner.example"), Rule::email("lee.moreau@partner.example")], vec![], vec![risk(&[Low])]),
        R::ServiceTokens => ("Service tokens", "non_identity", vec![raw(r#"{"any_valid_service_token":{}}"#)], vec![], vec![]),
        R::BypassEveryone => ("Public health checks", "bypass", vec![Rule::everyone()], vec![], vec![]),
        R::BlockUntrustedDevices => ("Block devices failing posture", "deny", vec![raw(r#"{"device_posture":{"integration_uid":"6c5f9a0e-1a2b-4c3d-8e4f-5a6b7c8d9e0f"}}"#)], vec![], vec![]),
    }
}

/// (name, how it is reached, its policies), in the order the list returns them.
#[rustfmt::skip]
pub fn demo_apps(p: &Pieces) -> Vec<(&'static str, Kind, Uses)> {
    use ScoreLevel::*;
    use Uses::{Own, Reusable};
    let domain = || Rule::email_domain(&p.domain);
    vec![
        ("Grafana", Kind::Host("grafana"), Reusable(&[R::BlockHigh, R::Company])),
        ("Jenkins", Kind::Host("ci"), Reusable(&[R::Employees])),
        ("Payroll", Kind::Saml("payroll"), Reusable(&[R::LowRiskStaff])),
        ("AWS Console", Kind::Saml("aws"), Reusable(&[R::BlockHigh, R::Employees])),
        ("Wiki", Kind::Host("wiki"), Reusable(&[R::Company])),
        ("Status page", Kind::Host("status"), Reusable(&[R::BypassEveryone])),
        ("HR Portal", Kind::Saml("hr"), Own(("HR staff, not at risk", "allow", vec![domain()], vec![risk(&[Medium, High])], vec![]), &[])),
        ("Admin panel", Kind::Host("admin"), Own(("Block medium and high risk", "deny", vec![risk(&[Medium, High])], vec![], vec![]), &[R::Security])),
        ("GitLab", Kind::Host("gitlab"), Reusable(&[R::ServiceTokens, R::Employees])),
        ("Salesforce", Kind::Oidc("salesforce"), Reusable(&[R::Company, R::Contractors])),
        ("Support desk", Kind::Oidc("support"), Own(("Anyone but high risk", "allow", vec![Rule::everyone()], vec![risk(&[High])], vec![]), &[])),
        ("Intranet", Kind::Host("intranet"), Own(("Everyone", "allow", vec![Rule::everyone()], vec![], vec![]), &[])),
        ("Finance reports", Kind::Host("finance"), Reusable(&[R::BlockHigh, R::LowRiskStaff])),
        ("Build cache", Kind::Host("cache"), Reusable(&[R::BlockUntrustedDevices, R::Company])),
        ("Legacy CRM", Kind::Host("crm"), Reusable(&[])),
        ("Data warehouse", Kind::Host("warehouse"), Own(("Analysts at low risk", "allow", vec![Rule::group(&p.design), domain()], vec![], vec![risk(&[Low])]), &[])),
    ]
}
