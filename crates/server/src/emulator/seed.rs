//! The deterministic demo account: the same `seed` and `users` give the same ids, names,
//! events and integrations; timestamps are offsets back from `now` (the last 90 days).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, SubsecRound, Utc};
use zt_risk_api::{Integration, IntegrationType};

use super::catalog;
use super::details;
use super::rng::Rng;
use super::seed_words::{DOMAIN, FIRST, LAST};
use super::store::{well_known_url, Event, Store, User, STATE_VERSION};

pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_USERS: usize = 300;

/// How often each behavior fires, relative to the others (same order as the catalog).
const WEIGHTS: [u64; 8] = [4, 14, 5, 7, 6, 5, 12, 9];

/// The demo data set; `account_id` overrides the seeded account id (32 hex characters).
pub fn generate(seed: u64, users: usize, now: DateTime<Utc>, account_id: Option<&str>) -> Store {
    // Whole seconds: the data looks like an API's, and equal inputs give equal files.
    let now = now.trunc_subsecs(0);
    let mut rng = Rng::new(seed);
    let seeded_account = rng.hex(32);
    let account_id = account_id.map_or(seeded_account, str::to_owned);
    let ids: Vec<&str> = catalog::definitions().iter().map(|d| d.id).collect();
    let mut emails = HashSet::new();
    let mut people = BTreeMap::new();
    for index in 0..users {
        let id = rng.uuid();
        let (name, email) = person(&mut rng, &mut emails);
        let mut user = User {
            name,
            email,
            events: Vec::new(),
            last_reset_time: None,
        };
        let hostile_user = index == 3 || index == 7;
        let count = event_count(&mut rng).max(if hostile_user { 3 } else { 0 });
        for n in 0..count {
            let at = now - Duration::seconds(rng.below(90 * 86_400) as i64 + 60);
            let behavior = weighted(&mut rng, &ids);
            let level = catalog::definitions()
                .into_iter()
                .find(|d| d.id == behavior)
                .map_or(zt_risk_api::RiskLevel::Low, |d| d.level);
            // Users 3 and 7 carry hostile strings so clients must escape what they render.
            let hostile = hostile_user && n < 2;
            user.events.push(Event {
                id: rng.uuid(),
                behavior: behavior.to_owned(),
                risk_level: level,
                timestamp: at,
                event_details: if hostile {
                    Some(details::hostile(&mut rng, index + n))
                } else {
                    details::for_behavior(&mut rng, behavior, at)
                },
            });
        }
        user.events.sort_by_key(|e| std::cmp::Reverse(e.timestamp));
        // One user in twenty was reset some weeks ago: history kept, maybe newer events.
        if count > 0 && !hostile_user && rng.chance(5) {
            user.last_reset_time = Some(now - Duration::days(rng.range(1, 45) as i64));
        }
        people.insert(id, user);
    }
    let integrations = seeded_integrations(&mut rng, &account_id, now);
    Store {
        version: STATE_VERSION,
        account_id,
        behaviors: catalog::behaviors(true),
        users: people,
        integrations,
    }
}

fn person(rng: &mut Rng, taken: &mut HashSet<String>) -> (String, String) {
    let (first, last) = (*rng.pick(FIRST), *rng.pick(LAST));
    let local = format!("{}.{}", ascii_slug(first), ascii_slug(last));
    let mut email = format!("{local}@{DOMAIN}");
    let mut n = 2;
    while !taken.insert(email.clone()) {
        email = format!("{local}{n}@{DOMAIN}");
        n += 1;
    }
    (format!("{first} {last}"), email)
}

/// Lower-case ASCII for a mailbox name: accents dropped, apostrophes and spaces removed.
fn ascii_slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'á' | 'à' | 'ã' | 'â' | 'å' | 'Å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ï' => Some('i'),
            'ó' | 'ö' | 'ô' => Some('o'),
            'ú' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// A long-tailed count: a quarter of users have none, most a few, some many.
fn event_count(rng: &mut Rng) -> usize {
    match rng.below(100) {
        0..=24 => 0,
        25..=79 => rng.range(1, 4) as usize,
        80..=94 => rng.range(5, 12) as usize,
        _ => rng.range(13, 30) as usize,
    }
}

fn weighted<'a>(rng: &mut Rng, ids: &[&'a str]) -> &'a str {
    let mut roll = rng.below(WEIGHTS.iter().sum());
    for (id, weight) in ids.iter().zip(WEIGHTS) {
        if roll < weight {
            return id;
        }
        roll -= weight;
    }
    ids[0]
}

fn seeded_integrations(rng: &mut Rng, account_id: &str, now: DateTime<Utc>) -> Vec<Integration> {
    [
        ("https://northwind.okta.com", true, 62),
        ("https://northwind-staging.oktapreview.com", false, 19),
    ]
    .into_iter()
    .map(|(tenant, active, days)| {
        let id = rng.uuid();
        Integration {
            well_known_url: well_known_url(&id),
            id,
            account_tag: account_id.to_owned(),
            active,
            created_at: now - Duration::days(days),
            integration_type: IntegrationType::Okta,
            reference_id: rng.uuid(),
            tenant_url: tenant.to_owned(),
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        let now = Utc::now();
        let (a, b) = (generate(7, 50, now, None), generate(7, 50, now, None));
        assert_eq!(a, b);
        assert_eq!(a.users.len(), 50);
        assert_eq!(a.account_id.len(), 32);
        let summary = a.summary();
        assert!(!summary.is_empty() && summary.len() < 50);
        assert_ne!(generate(8, 50, now, None).account_id, a.account_id);
        assert_eq!(ascii_slug("O'Brien"), "obrien");
        assert_eq!(ascii_slug("Sofía"), "sofia");
    }
}
