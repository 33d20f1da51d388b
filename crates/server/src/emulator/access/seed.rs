//! One account's Access data: the demo applications and reusable policies (`demo`) with ids,
//! audience tags and group ids of the account's own, then, with `--apps N`, generated
//! applications after them (or only the first N demo ones). Timestamps are offsets back from
//! `now`; everything else comes from the account's generator, so the same seed and account id
//! give the same data.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};

use super::data::{AccessData, App, Link, PolicyData};
use super::demo::{demo_apps, reusable_shape, Kind, Pieces, Shape, Uses, R, REUSABLE};
use crate::emulator::rng::Rng;

pub use super::demo::DEMO_APPS;
/// The most applications `--apps` can ask for per account.
pub const MAX_APPS: usize = 20_000;

/// The settings every demo policy has.
fn settings(session: &str) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("session_duration".into(), json!(session));
    map.insert("approval_required".into(), json!(false));
    map.insert("isolation_required".into(), json!(false));
    map.insert("purpose_justification_required".into(), json!(false));
    map
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
        let host = match kind {
            Kind::Host(host) => format!("{host}.{}", pieces.domain),
            _ => String::new(),
        };
        out.push(app(rng, name.into(), kind, host, links));
    }
    // Generated applications: one or two reusable policies each, in turn; one in four SaaS.
    for n in out.len()..apps {
        let mut links = vec![Link::Reusable(id_of(&REUSABLE[n % REUSABLE.len()]))];
        if n % 3 == 0 {
            links.push(Link::Reusable(id_of(&R::Company)));
        }
        let kind = if n % 4 == 3 {
            Kind::Oidc("app")
        } else {
            Kind::Host("app")
        };
        let host = format!("app-{:04}.{}", n + 1, pieces.domain);
        out.push(app(rng, format!("App {:04}", n + 1), kind, host, links));
    }
    AccessData {
        apps: out,
        policies,
    }
}

/// An application; `host` is a self-hosted one's domain (SaaS applications have none).
fn app(rng: &mut Rng, name: String, kind: Kind, host: String, policies: Vec<Link>) -> App {
    let (app_type, host, saas_app) = match kind {
        Kind::Host(_) => ("self_hosted", Some(host), None),
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
