//! The demo Access data of one account: 16 applications (self-hosted and SaaS) with reusable
//! and application-scoped policies that mix emails, email domains, groups, everyone, device
//! posture, service tokens and `user_risk_score` in include, exclude and require, with Allow,
//! Block, Bypass and Service Auth decisions. The same applications and rules in every account
//! (names and domains of its demo company, ids of its own); `--apps N` adds generated
//! applications after them (or keeps only the first N).
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

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};
use zt_risk_api::access::{Rule, ScoreLevel};

use super::data::{AccessData, App, Link, PolicyData};
use crate::emulator::rng::Rng;

/// How many hand-written demo applications there are.
pub const DEMO_APPS: usize = 16;
/// The most applications `--apps` can ask for per account.
pub const MAX_APPS: usize = 20_000;

/// The reusable policies, by index: name, decision, include, exclude, require.
#[derive(Clone, Copy)]
enum R {
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

const REUSABLE: [R; 9] = [
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

/// Rules are made from the same few pieces in every account.
struct Pieces {
    domain: String,
    engineering: String,
    security: String,
    design: String,
}

impl Pieces {
    fn domain(&self) -> Rule {
        Rule::email_domain(&self.domain)
    }
}

fn risk(levels: &[ScoreLevel]) -> Rule {
    Rule::user_risk_score(levels)
}

/// A rule this build keeps as raw JSON (not typed by `zt_risk_api`).
fn raw(text: &str) -> Rule {
    serde_json::from_str(text).unwrap_or_else(|_| Rule::everyone())
}

fn settings(session: &str) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("session_duration".into(), json!(session));
    map.insert("approval_required".into(), json!(false));
    map.insert("isolation_required".into(), json!(false));
    map.insert("purpose_justification_required".into(), json!(false));
    map
}

/// (name, decision, include, exclude, require)
type Shape = (&'static str, &'static str, Vec<Rule>, Vec<Rule>, Vec<Rule>);

fn reusable_shape(r: R, p: &Pieces) -> Shape {
    use ScoreLevel::*;
    match r {
        R::Employees => (
            "Employees",
            "allow",
            vec![p.domain()],
            vec![risk(&[High])],
            vec![],
        ),
        R::BlockHigh => (
            "Block high-risk users",
            "deny",
            vec![risk(&[High])],
            vec![],
            vec![],
        ),
        R::LowRiskStaff => (
            "Low-risk staff",
            "allow",
            vec![Rule::group(&p.engineering), p.domain()],
            vec![],
            vec![risk(&[Low, Unscored])],
        ),
        R::Company => (
            "Everyone at the company",
            "allow",
            vec![p.domain()],
            vec![],
            vec![],
        ),
        R::Security => (
            "Security team",
            "allow",
            vec![Rule::group(&p.security)],
            vec![],
            vec![],
        ),
        R::Contractors => (
            "Contractors",
            "allow",
            vec![
                Rule::email("dana.okafor@partner.example"),
                Rule::email("lee.moreau@partner.example"),
            ],
            vec![],
            vec![risk(&[Low])],
        ),
        R::ServiceTokens => (
            "Service tokens",
            "non_identity",
            vec![raw(r#"{"any_valid_service_token":{}}"#)],
            vec![],
            vec![],
        ),
        R::BypassEveryone => (
            "Public health checks",
            "bypass",
            vec![Rule::everyone()],
            vec![],
            vec![],
        ),
        R::BlockUntrustedDevices => (
            "Block devices failing posture",
            "deny",
            vec![raw(
                r#"{"device_posture":{"integration_uid":"6c5f9a0e-1a2b-4c3d-8e4f-5a6b7c8d9e0f"}}"#,
            )],
            vec![],
            vec![],
        ),
    }
}

/// What an application uses: reusable policies, or one of its own.
enum Uses {
    Reusable(&'static [R]),
    Own(Shape, &'static [R]),
}

/// (name, host or SaaS kind, policies)
fn demo_apps(p: &Pieces) -> Vec<(&'static str, Kind, Uses)> {
    use ScoreLevel::*;
    use Uses::*;
    vec![
        (
            "Grafana",
            Kind::Host("grafana"),
            Reusable(&[R::BlockHigh, R::Company]),
        ),
        ("Jenkins", Kind::Host("ci"), Reusable(&[R::Employees])),
        (
            "Payroll",
            Kind::Saml("payroll"),
            Reusable(&[R::LowRiskStaff]),
        ),
        (
            "AWS Console",
            Kind::Saml("aws"),
            Reusable(&[R::BlockHigh, R::Employees]),
        ),
        ("Wiki", Kind::Host("wiki"), Reusable(&[R::Company])),
        (
            "Status page",
            Kind::Host("status"),
            Reusable(&[R::BypassEveryone]),
        ),
        (
            "HR Portal",
            Kind::Saml("hr"),
            Own(
                (
                    "HR staff, not at risk",
                    "allow",
                    vec![p.domain()],
                    vec![risk(&[Medium, High])],
                    vec![],
                ),
                &[],
            ),
        ),
        (
            "Admin panel",
            Kind::Host("admin"),
            Own(
                (
                    "Block medium and high risk",
                    "deny",
                    vec![risk(&[Medium, High])],
                    vec![],
                    vec![],
                ),
                &[R::Security],
            ),
        ),
        (
            "GitLab",
            Kind::Host("gitlab"),
            Reusable(&[R::ServiceTokens, R::Employees]),
        ),
        (
            "Salesforce",
            Kind::Oidc("salesforce"),
            Reusable(&[R::Company, R::Contractors]),
        ),
        (
            "Support desk",
            Kind::Oidc("support"),
            Own(
                (
                    "Anyone but high risk",
                    "allow",
                    vec![Rule::everyone()],
                    vec![risk(&[High])],
                    vec![],
                ),
                &[],
            ),
        ),
        (
            "Intranet",
            Kind::Host("intranet"),
            Own(
                ("Everyone", "allow", vec![Rule::everyone()], vec![], vec![]),
                &[],
            ),
        ),
        (
            "Finance reports",
            Kind::Host("finance"),
            Reusable(&[R::BlockHigh, R::LowRiskStaff]),
        ),
        (
            "Build cache",
            Kind::Host("cache"),
            Reusable(&[R::BlockUntrustedDevices, R::Company]),
        ),
        ("Legacy CRM", Kind::Host("crm"), Reusable(&[])),
        (
            "Data warehouse",
            Kind::Host("warehouse"),
            Own(
                (
                    "Analysts at low risk",
                    "allow",
                    vec![Rule::group(&p.design), p.domain()],
                    vec![],
                    vec![risk(&[Low])],
                ),
                &[],
            ),
        ),
    ]
}

/// How an application is reached.
#[derive(Clone, Copy)]
enum Kind {
    /// Self-hosted at `{name}.{company domain}`.
    Host(&'static str),
    /// SaaS with SAML, entity id `{name}`.
    Saml(&'static str),
    /// SaaS with OIDC.
    Oidc(&'static str),
}

/// The Access data of an account whose demo company is `company`: the demo applications, then
/// generated ones, `apps` in all; ids, audience tags and group ids drawn from `rng`.
pub fn generate(rng: &mut Rng, company: &str, apps: usize, now: DateTime<Utc>) -> AccessData {
    let pieces = Pieces {
        domain: format!("{company}.example"),
        engineering: rng.uuid(),
        security: rng.uuid(),
        design: rng.uuid(),
    };
    let policy = |shape: Shape, rng: &mut Rng, age: i64| {
        let (name, decision, include, exclude, require) = shape;
        let created_at = now - Duration::days(age);
        PolicyData {
            id: rng.uuid(),
            name: name.into(),
            decision: decision.into(),
            include,
            exclude,
            require,
            settings: settings("24h"),
            created_at,
            updated_at: created_at + Duration::days(age / 3),
        }
    };
    let policies: Vec<PolicyData> = REUSABLE
        .iter()
        .enumerate()
        .map(|(i, r)| policy(reusable_shape(*r, &pieces), rng, 300 - 20 * i as i64))
        .collect();
    let id_of = |r: &R| policies[*r as usize].id.clone();
    let mut out = Vec::with_capacity(apps);
    for (i, (name, kind, uses)) in demo_apps(&pieces).into_iter().take(apps).enumerate() {
        let links = match uses {
            Uses::Reusable(rs) => rs.iter().map(|r| Link::Reusable(id_of(r))).collect(),
            Uses::Own(shape, rs) => std::iter::once(Link::Own(policy(shape, rng, 200 - i as i64)))
                .chain(rs.iter().map(|r| Link::Reusable(id_of(r))))
                .collect(),
        };
        out.push(app(rng, name.into(), kind, &pieces.domain, links));
    }
    // Generated applications: each uses one or two reusable policies, in turn.
    for n in out.len()..apps {
        let first = REUSABLE[n % REUSABLE.len()];
        let mut links = vec![Link::Reusable(id_of(&first))];
        if n % 3 == 0 {
            links.push(Link::Reusable(id_of(&R::Company)));
        }
        let host: &'static str = if n % 4 == 3 { "" } else { "app" };
        let kind = if host.is_empty() {
            Kind::Oidc("app")
        } else {
            Kind::Host("app")
        };
        let name = format!("App {:04}", n + 1);
        let mut made = app(rng, name, kind, &pieces.domain, links);
        made.domain = made
            .domain
            .map(|_| format!("app-{:04}.{}", n + 1, pieces.domain));
        out.push(made);
    }
    AccessData {
        apps: out,
        policies,
    }
}

fn app(rng: &mut Rng, name: String, kind: Kind, domain: &str, policies: Vec<Link>) -> App {
    let (app_type, host, saas_app) = match kind {
        Kind::Host(host) => ("self_hosted", Some(format!("{host}.{domain}")), None),
        Kind::Saml(entity) => (
            "saas",
            None,
            Some(json!({
                "auth_type": "saml",
                "sp_entity_id": entity,
                "consumer_service_url": format!("https://{entity}.saas.example/sso/saml"),
                "name_id_format": "email",
            })),
        ),
        Kind::Oidc(client) => (
            "saas",
            None,
            Some(json!({
                "auth_type": "oidc",
                "client_id": rng.hex(32),
                "redirect_uris": [format!("https://{client}.saas.example/oauth/callback")],
                "grant_types": ["authorization_code"],
                "scopes": ["openid", "email", "profile"],
            })),
        ),
    };
    App {
        id: rng.uuid(),
        name,
        app_type: app_type.into(),
        domain: host,
        aud: rng.hex(64),
        session_duration: "24h".into(),
        saas_app,
        policies,
    }
}
