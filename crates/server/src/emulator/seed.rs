//! The deterministic demo accounts: the same `seed`, account id, `users` and `apps` give the
//! same ids, names, events, integrations and Access applications; timestamps are offsets back
//! from `now` (the last 90 days). Each account draws from its own generator, seeded from `seed`
//! and the account id; its Access data (`access::seed`) from the draws after everything else,
//! so it changes none of the risk data.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, SubsecRound, Utc};
use zt_risk_api::{Behavior, Integration, IntegrationType, RiskLevel};

use super::access::{self, AccessData};
use super::catalog;
use super::details;
use super::rng::Rng;
use super::seed_words::{COMPANIES, FIRST, LAST};
use super::store::{well_known_url, Event, Store, User};

pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_USERS: usize = 300;
/// The hand-written demo applications (`--apps` changes the count).
pub const DEFAULT_APPS: usize = access::seed::DEMO_APPS;

/// How often each behavior fires, relative to the others (same order as the catalog).
pub(super) const WEIGHTS: [u64; 8] = [4, 14, 5, 7, 6, 5, 12, 9];

/// What every account's data is made from (`--seed`, `--users`, `--apps`, `--fresh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seeding {
    pub seed: u64,
    pub users: usize,
    /// Access applications per account.
    pub apps: usize,
    pub fresh: bool,
}

impl Seeding {
    /// The account the demo's `config.json` names when `--account` does not pin one: the same
    /// id for the same seed, as before accounts had data sets of their own.
    pub fn default_account(&self) -> String {
        Rng::new(self.seed).hex(32)
    }

    /// The data of `account_id` on its first use: seeded, or like a new Cloudflare account
    /// (no users, no integrations, every behavior disabled, no Access applications or
    /// policies) with `--fresh`.
    pub fn account(&self, account_id: &str, now: DateTime<Utc>) -> Store {
        if self.fresh {
            return Store {
                account_id: account_id.to_owned(),
                behaviors: catalog::behaviors(false),
                users: BTreeMap::new(),
                integrations: Vec::new(),
                access: Arc::new(AccessData::default()),
            };
        }
        generate_with_apps(self.seed, self.users, self.apps, now, account_id)
    }
}

/// The generator's seed for one account: SHA-256 of the seed and the id, so that accounts
/// differ and the result is the same on every platform and build.
fn account_seed(seed: u64, account_id: &str) -> u64 {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"zt-risk-emulator account\0")
        .chain_update(seed.to_le_bytes())
        .chain_update(account_id.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

/// The demo data set of `account_id` (32 hex characters), with the demo applications.
pub fn generate(seed: u64, users: usize, now: DateTime<Utc>, account_id: &str) -> Store {
    generate_with_apps(seed, users, DEFAULT_APPS, now, account_id)
}

/// [`generate`] with `apps` Access applications.
pub fn generate_with_apps(
    seed: u64,
    users: usize,
    apps: usize,
    now: DateTime<Utc>,
    account_id: &str,
) -> Store {
    // Whole seconds: the data looks like an API's, and equal inputs give equal files.
    let now = now.trunc_subsecs(0);
    let mut rng = Rng::new(account_seed(seed, account_id));
    let definitions = catalog::definitions();
    let behaviors = account_behaviors(&mut rng);
    let company = *rng.pick(COMPANIES);
    // Each event's level, by catalog index (a string-keyed lookup per event was a hot spot).
    let levels: Vec<RiskLevel> = definitions
        .iter()
        .map(|d| {
            behaviors
                .get(d.id)
                .map_or(d.level.clone(), |b| b.risk_level.clone())
        })
        .collect();
    let mut emails = HashSet::with_capacity(users);
    let mut people = Vec::with_capacity(users);
    for index in 0..users {
        let id = rng.uuid();
        let (name, email) = person(&mut rng, &mut emails, company);
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
            let drawn = weighted(&mut rng);
            let (behavior, level) = (definitions[drawn].id, levels[drawn].clone());
            // Users 3 and 7 carry hostile strings so clients must escape what they render.
            let hostile = hostile_user && n < 2;
            user.events.push(Event {
                id: rng.uuid(),
                behavior: behavior.to_owned(),
                risk_level: level,
                timestamp: at,
                // Hostile details are kept as they are; the others are made when shown.
                event_details: hostile.then(|| details::hostile(&mut rng, index + n)),
                details_seed: (!hostile).then(|| rng.next_u64()),
            });
        }
        user.events.sort_by_key(|e| std::cmp::Reverse(e.timestamp));
        // One user in twenty was reset some weeks ago: history kept, maybe newer events.
        if count > 0 && !hostile_user && rng.chance(5) {
            user.last_reset_time = Some(now - Duration::days(rng.range(1, 45) as i64));
        }
        people.push((id, Arc::new(user)));
    }
    let integrations = seeded_integrations(&mut rng, account_id, company, now);
    let access = access::seed::generate(&mut rng, company, apps, now);
    Store {
        account_id: account_id.to_owned(),
        behaviors,
        // Built from a sorted list at once: cheaper than 50,000 inserts one by one.
        users: people.into_iter().collect(),
        integrations,
        access: Arc::new(access),
    }
}

fn person(rng: &mut Rng, taken: &mut HashSet<String>, company: &str) -> (String, String) {
    let (first, last) = (*rng.pick(FIRST), *rng.pick(LAST));
    let local = format!("{}.{}", ascii_slug(first), ascii_slug(last));
    let mut email = format!("{local}@{company}.example");
    let mut n = 2;
    while !taken.insert(email.clone()) {
        email = format!("{local}{n}@{company}.example");
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

/// This account's behavior settings: the catalog's demo settings with some levels changed and
/// some of the five invented behaviors switched; the three public ones stay enabled, so every
/// account's summary has data.
fn account_behaviors(rng: &mut Rng) -> BTreeMap<String, Behavior> {
    let mut behaviors = catalog::behaviors(true);
    for definition in catalog::definitions() {
        let Some(behavior) = behaviors.get_mut(definition.id) else {
            continue;
        };
        if rng.chance(35) {
            behavior.risk_level = rng
                .pick(&[RiskLevel::Low, RiskLevel::Medium, RiskLevel::High])
                .clone();
        }
        if definition.invented && rng.chance(30) {
            behavior.enabled = !behavior.enabled;
        }
    }
    behaviors
}

/// The index in the catalog of a behavior drawn with [`WEIGHTS`].
fn weighted(rng: &mut Rng) -> usize {
    let mut roll = rng.below(WEIGHTS.iter().sum());
    for (index, weight) in WEIGHTS.into_iter().enumerate() {
        if roll < weight {
            return index;
        }
        roll -= weight;
    }
    0
}

fn seeded_integrations(
    rng: &mut Rng,
    account_id: &str,
    company: &str,
    now: DateTime<Utc>,
) -> Vec<Integration> {
    [
        (format!("https://{company}.okta.com"), true, 62),
        (
            format!("https://{company}-staging.oktapreview.com"),
            false,
            19,
        ),
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
            tenant_url: tenant,
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "0123456789abcdef0123456789abcdef";
    const B: &str = "fedcba9876543210fedcba9876543210";

    #[test]
    fn deterministic_and_varied() {
        let now = Utc::now();
        let (a, b) = (generate(7, 50, now, A), generate(7, 50, now, A));
        assert_eq!(a, b);
        assert_eq!(a.users.len(), 50);
        assert_eq!(a.account_id, A);
        assert!(a.integrations.iter().all(|i| i.account_tag == A));
        let summary = a.summary();
        assert!(!summary.is_empty() && summary.len() < 50);
        let other_seed = generate(8, 50, now, A);
        let other_account = generate(7, 50, now, B);
        for other in [&other_seed, &other_account] {
            assert!(other.users.keys().all(|id| !a.users.contains_key(id)));
            assert_ne!(other.integrations[0].id, a.integrations[0].id);
            assert_eq!(
                other.behaviors.keys().collect::<Vec<_>>(),
                a.behaviors.keys().collect::<Vec<_>>(),
                "one catalog of behavior ids"
            );
        }
        assert_ne!(
            other_account.behaviors, a.behaviors,
            "settings vary per account"
        );
        let seeding = Seeding {
            seed: 7,
            users: 50,
            apps: DEFAULT_APPS,
            fresh: false,
        };
        assert_eq!(seeding.default_account(), Rng::new(7).hex(32));
        assert_eq!(seeding.account(A, now), a);
        let fresh = Seeding {
            fresh: true,
            ..seeding
        }
        .account(B, now);
        assert!(fresh.users.is_empty() && fresh.integrations.is_empty());
        assert!(fresh.access.apps.is_empty() && fresh.access.policies.is_empty());
        assert!(fresh.behaviors.values().all(|b| !b.enabled));
        assert_eq!(ascii_slug("O'Brien"), "obrien");
        assert_eq!(ascii_slug("Sofía"), "sofia");
    }
}
