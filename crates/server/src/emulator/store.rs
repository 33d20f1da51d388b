//! The emulated account's data and the rules that act on it (scores, reset, merge, CRUD).
//! Pure and synchronous: no HTTP, no locking and no files here.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zt_risk_api::{
    Behavior, Integration, IntegrationType, RiskEvent, RiskEvents, RiskLevel, UpdateBehaviors,
    UserRiskInfo,
};

use super::access::AccessData;
pub use super::user::{Event, User};

/// Everything one emulated account holds, as the `--state` file keeps it. Users are shared
/// (`Arc`): copying a store for a write costs one pointer per user, and only the users the
/// write changes are copied in full.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    /// 32 hex characters; also every integration's `account_tag`.
    pub account_id: String,
    pub behaviors: BTreeMap<String, Behavior>,
    pub users: BTreeMap<String, Arc<User>>,
    /// In creation order, as the list operation returns them.
    pub integrations: Vec<Integration>,
    /// Access applications and policies (shared like users: a risk scoring write does not
    /// copy them). State files from before Access load with none.
    #[serde(default)]
    pub access: Arc<AccessData>,
}

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    UnknownBehavior(String),
    NotFound,
    ReferenceTaken(String),
}

/// The score inputs of one user: the events that count now.
struct Score {
    level: RiskLevel,
    count: u64,
    last: DateTime<Utc>,
}

impl Store {
    /// The summary rows: users with at least one event of an enabled behavior since their last
    /// reset. Their level is the highest *current* level among those behaviors.
    pub fn summary(&self) -> Vec<UserRiskInfo> {
        self.users
            .iter()
            .filter_map(|(id, user)| {
                let score = self.score(user)?;
                Some(UserRiskInfo {
                    user_id: id.clone(),
                    name: user.name.clone(),
                    email: user.email.clone(),
                    max_risk_level: score.level,
                    event_count: score.count,
                    last_event: score.last,
                })
            })
            .collect()
    }

    fn score(&self, user: &User) -> Option<Score> {
        let mut score: Option<Score> = None;
        for event in &user.events {
            if user
                .last_reset_time
                .is_some_and(|reset| event.timestamp <= reset)
            {
                continue;
            }
            let Some(behavior) = self.behaviors.get(&event.behavior).filter(|b| b.enabled) else {
                continue;
            };
            let s = score.get_or_insert(Score {
                level: behavior.risk_level.clone(),
                count: 0,
                last: event.timestamp,
            });
            s.count += 1;
            s.level = s.level.clone().max(behavior.risk_level.clone());
            s.last = s.last.max(event.timestamp);
        }
        score
    }

    /// A user's full history (kept across resets) and current level; `None` if unknown.
    pub fn user(&self, user_id: &str) -> Option<RiskEvents> {
        let user = self.users.get(user_id)?;
        let events = user
            .events
            .iter()
            .map(|e| RiskEvent {
                id: e.id.clone(),
                name: self
                    .behaviors
                    .get(&e.behavior)
                    .map_or_else(|| e.behavior.clone(), |b| b.name.clone()),
                risk_level: e.risk_level.clone(),
                timestamp: e.timestamp,
                event_details: e.details(),
            })
            .collect();
        Some(RiskEvents {
            name: user.name.clone(),
            email: user.email.clone(),
            events,
            last_reset_time: user.last_reset_time,
            risk_level: self.score(user).map(|s| s.level),
        })
    }

    /// Clears the score: the user leaves the summary until a newer event; history stays.
    pub fn reset(&mut self, user_id: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let user = self.users.get_mut(user_id).ok_or(StoreError::NotFound)?;
        Arc::make_mut(user).last_reset_time = Some(now);
        Ok(())
    }

    /// Merges settings by id (ids left out keep theirs); all or nothing. Returns every
    /// behavior's settings after the merge.
    pub fn update_behaviors(
        &mut self,
        body: &UpdateBehaviors,
    ) -> Result<UpdateBehaviors, StoreError> {
        if let Some(unknown) = body
            .behaviors
            .keys()
            .find(|k| !self.behaviors.contains_key(*k))
        {
            return Err(StoreError::UnknownBehavior(unknown.clone()));
        }
        for (id, update) in &body.behaviors {
            if let Some(b) = self.behaviors.get_mut(id) {
                b.enabled = update.enabled;
                b.risk_level = update.risk_level.clone();
            }
        }
        Ok(self.behavior_settings())
    }

    pub fn behavior_settings(&self) -> UpdateBehaviors {
        UpdateBehaviors {
            behaviors: self
                .behaviors
                .iter()
                .map(|(id, b)| (id.clone(), b.settings()))
                .collect(),
        }
    }

    pub fn integration(&self, id: &str) -> Option<&Integration> {
        self.integrations.iter().find(|i| i.id == id)
    }

    pub fn integration_by_reference(&self, reference_id: &str) -> Option<&Integration> {
        self.integrations
            .iter()
            .find(|i| i.reference_id == reference_id)
    }

    fn check_reference_free(&self, reference_id: &str, except: &str) -> Result<(), StoreError> {
        match self.integration_by_reference(reference_id) {
            Some(other) if other.id != except => {
                Err(StoreError::ReferenceTaken(reference_id.to_owned()))
            }
            _ => Ok(()),
        }
    }

    /// Adds an active Okta integration with the given fresh id and reference id.
    pub fn create_integration(
        &mut self,
        id: String,
        tenant_url: String,
        reference_id: String,
        now: DateTime<Utc>,
    ) -> Result<Integration, StoreError> {
        self.check_reference_free(&reference_id, &id)?;
        let integration = Integration {
            well_known_url: well_known_url(&id),
            id,
            account_tag: self.account_id.clone(),
            active: true,
            created_at: now,
            integration_type: IntegrationType::Okta,
            reference_id,
            tenant_url,
        };
        self.integrations.push(integration.clone());
        Ok(integration)
    }

    /// Overwrites `active`, `tenant_url` and, when given, `reference_id`.
    pub fn update_integration(
        &mut self,
        id: &str,
        active: bool,
        tenant_url: String,
        reference_id: Option<String>,
    ) -> Result<Integration, StoreError> {
        if let Some(reference) = &reference_id {
            self.check_reference_free(reference, id)?;
        }
        let integration = self
            .integrations
            .iter_mut()
            .find(|i| i.id == id)
            .ok_or(StoreError::NotFound)?;
        integration.active = active;
        integration.tenant_url = tenant_url;
        if let Some(reference) = reference_id {
            integration.reference_id = reference;
        }
        Ok(integration.clone())
    }

    pub fn delete_integration(&mut self, id: &str) -> Result<(), StoreError> {
        let before = self.integrations.len();
        self.integrations.retain(|i| i.id != id);
        if self.integrations.len() == before {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}

/// Cloudflare's host for the integrations' Shared Signals Framework documents.
pub const SSF_HOST: &str = "ssf.risk-score.teams.cloudflare.com";

/// The Shared Signals Framework configuration URL Cloudflare documents for an integration.
pub fn well_known_url(integration_id: &str) -> String {
    format!("https://{SSF_HOST}/.well-known/sse-configuration/{integration_id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_new_event_after_reset_brings_the_user_back() {
        let now = Utc::now();
        let mut store =
            crate::emulator::seed::generate(3, 20, now, "0123456789abcdef0123456789abcdef");
        let id = store.summary()[0].user_id.clone();
        assert!(store.reset(&id, now).is_ok());
        assert!(store.summary().iter().all(|u| u.user_id != id));
        let event = Event {
            id: "e".into(),
            behavior: "imp_travel".into(),
            risk_level: RiskLevel::High,
            timestamp: now + Duration::seconds(1),
            event_details: None,
            details_seed: None,
        };
        if let Some(user) = store.users.get_mut(&id) {
            Arc::make_mut(user).events.insert(0, event);
        }
        let back = store.summary().into_iter().find(|u| u.user_id == id);
        // The level is the behavior's current one (levels vary per seeded account).
        let current = store
            .behaviors
            .get("imp_travel")
            .map(|b| b.risk_level.clone());
        assert_eq!(
            back.map(|u| (u.event_count, Some(u.max_risk_level))),
            Some((1, current))
        );
        assert_eq!(store.reset("nobody", now), Err(StoreError::NotFound));
    }
}
