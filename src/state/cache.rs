//! A short-lived cache of read results, so navigating back to a list reuses fresh data and one
//! view never fetches the same thing twice. Writes forget what they change ([`Stale`]).
//!
//! Every kind of result has a typed key ([`key`]) and a slot of its own type in [`Entries`]: a
//! key can only store and find a value of its own type, so a read never misses because of a
//! wrong type, and forgetting names exactly the kinds it clears.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::access::{Application, Policy};
use zt_risk_api::{Behaviors, Integration, RiskEvents, UserRiskInfo};

/// How long a read result counts as fresh.
pub const FRESH_MS: f64 = 60_000.0;

/// A value and when it arrived (epoch ms).
type Fresh<T> = Option<(f64, T)>;

/// One account's cached reads, one slot per kind.
#[derive(Default)]
pub struct Entries {
    summary: Fresh<Arc<Vec<UserRiskInfo>>>,
    users: HashMap<String, Fresh<RiskEvents>>,
    behaviors: Fresh<Behaviors>,
    integrations: Fresh<Vec<Integration>>,
    integration: HashMap<String, Fresh<Integration>>,
    access_apps: Fresh<Arc<Vec<Application>>>,
    app_policies: HashMap<String, Fresh<Arc<Vec<Policy>>>>,
    reusable_policies: Fresh<Arc<Vec<Policy>>>,
    reusable_policy: HashMap<String, Fresh<Policy>>,
}

/// A cached read's key: it names the slot its value lives in.
pub trait Key {
    /// What the read returns (cheap to clone: an `Arc` for big results).
    type Value: Clone + Send + Sync + 'static;
    /// This key's slot in `entries`.
    fn slot<'a>(&self, entries: &'a mut Entries) -> &'a mut Fresh<Self::Value>;
}

/// The keys of the reads that are cached.
pub mod key {
    use super::*;

    /// `GET /summary`.
    pub struct Summary;
    /// `GET /{user_id}`.
    pub struct User<'a>(pub &'a str);
    /// `GET /behaviors`.
    pub struct Behaviors;
    /// `GET /integrations`.
    pub struct Integrations;
    /// `GET /integrations/{id}`.
    pub struct Integration<'a>(pub &'a str);

    /// `GET /access/apps`, every page.
    pub struct AccessApps;
    /// `GET /access/apps/{app_id}/policies`, every page.
    pub struct AppPolicies<'a>(pub &'a str);
    /// `GET /access/policies`, every page.
    pub struct ReusablePolicies;
    /// `GET /access/policies/{policy_id}`.
    pub struct ReusablePolicy<'a>(pub &'a str);

    impl Key for Summary {
        type Value = Arc<Vec<UserRiskInfo>>;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            &mut e.summary
        }
    }

    impl Key for User<'_> {
        type Value = RiskEvents;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            e.users.entry(self.0.to_owned()).or_default()
        }
    }

    impl Key for Behaviors {
        type Value = zt_risk_api::Behaviors;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            &mut e.behaviors
        }
    }

    impl Key for Integrations {
        type Value = Vec<zt_risk_api::Integration>;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            &mut e.integrations
        }
    }

    impl Key for Integration<'_> {
        type Value = zt_risk_api::Integration;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            e.integration.entry(self.0.to_owned()).or_default()
        }
    }

    impl Key for AccessApps {
        type Value = Arc<Vec<Application>>;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            &mut e.access_apps
        }
    }

    impl Key for AppPolicies<'_> {
        type Value = Arc<Vec<Policy>>;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            e.app_policies.entry(self.0.to_owned()).or_default()
        }
    }

    impl Key for ReusablePolicies {
        type Value = Arc<Vec<Policy>>;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            &mut e.reusable_policies
        }
    }

    impl Key for ReusablePolicy<'_> {
        type Value = Policy;
        fn slot<'a>(&self, e: &'a mut Entries) -> &'a mut Fresh<Self::Value> {
            e.reusable_policy.entry(self.0.to_owned()).or_default()
        }
    }
}

/// What a write makes stale.
#[derive(Debug, Clone, Copy)]
pub enum Stale<'a> {
    /// The summary.
    Summary,
    /// One user's events.
    User(&'a str),
    /// Every user's events (the behaviors changed: every level may have).
    EveryUser,
    /// The behaviors.
    Behaviors,
    /// The integrations: the list and each one.
    Integrations,
    /// Everything read from Access: a reusable policy changed, and every list that holds it
    /// (the applications embed their policies) with it.
    Access,
}

/// Read results per account, with the time they arrived; provided once at the root.
#[derive(Clone, Copy)]
pub struct Cache {
    accounts: StoredValue<HashMap<String, Entries>>,
}

impl Default for Cache {
    fn default() -> Self {
        Self {
            accounts: StoredValue::new(HashMap::new()),
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Cache {
    /// A fresh value under `key` in `account`, if there is one.
    pub fn get<K: Key>(&self, account: &str, key: &K) -> Option<K::Value> {
        self.accounts
            .try_update_value(|accounts| {
                let entries = accounts.get_mut(account)?;
                let (at, value) = key.slot(entries).as_ref()?;
                (now() - at < FRESH_MS).then(|| value.clone())
            })
            .flatten()
    }

    /// Stores `value` under `key` in `account`, as of now.
    pub fn put<K: Key>(&self, account: &str, key: &K, value: K::Value) {
        self.accounts.update_value(|accounts| {
            let entries = accounts.entry(account.to_owned()).or_default();
            *key.slot(entries) = Some((now(), value));
        });
    }

    /// Forgets what `stale` names in `account`.
    pub fn forget(&self, account: &str, stale: &[Stale]) {
        self.accounts.update_value(|accounts| {
            let Some(e) = accounts.get_mut(account) else {
                return;
            };
            for stale in stale {
                match *stale {
                    Stale::Summary => e.summary = None,
                    Stale::User(id) => drop(e.users.remove(id)),
                    Stale::EveryUser => e.users.clear(),
                    Stale::Behaviors => e.behaviors = None,
                    Stale::Integrations => {
                        e.integrations = None;
                        e.integration.clear();
                    }
                    Stale::Access => {
                        e.access_apps = None;
                        e.app_policies.clear();
                        e.reusable_policies = None;
                        e.reusable_policy.clear();
                    }
                }
            }
        });
    }

    /// Forgets everything (the profile changed).
    pub fn clear(&self) {
        self.accounts.update_value(HashMap::clear);
    }
}
