//! How the events store is filled: from what the profile remembers (`sync`), and by fetching
//! (`load`, on the runner). A user whose summary row still has the `last_event` and
//! `event_count` their events were kept under costs no request; the others are fetched, and
//! each fetch is kept for the next visit. Tabs of one profile never fetch the same user at
//! once: a fetch holds the user's Web Lock until its result is stored, and a tab that waited
//! takes the stored result instead of fetching again.

use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures::channel::oneshot;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use zt_risk_api::UserRiskInfo;

use super::events::{EventsStore, Loaded, Refresh};
use crate::api::{Api, ApiError};
use crate::memory::keeper::Restored;
use crate::memory::plan::Scope;
use crate::memory::tabs::{held, with_lock};

/// At most this many changed or new users are fetched without asking (about ten seconds at
/// Cloudflare's rate); more wait for the admin's "Load".
pub const AUTO_LIMIT: usize = 50;

/// What a load takes from the store instead of fetching, when another tab stored it under the
/// user's current summary row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reuse {
    /// Whatever was stored, whenever: the users the plan found due (their record was older).
    CurrentRow,
    /// Only what was fetched since this load started, or since the earliest load of another
    /// tab still running when it started: the admin asked for events fetched again, and two
    /// tabs loading together share the work.
    ThisLoad,
}

/// When the stored events a load may take were fetched, at the earliest; known once the
/// running loads of the other tabs were asked (every job of the load waits for it).
type Since = Shared<LocalBoxFuture<'static, DateTime<Utc>>>;

impl Reuse {
    /// The load's [`Since`]; `loads` prefixes the Web Locks of running loads.
    fn since(self, loads: String) -> Since {
        let clicked = Utc::now();
        async move {
            match self {
                Reuse::CurrentRow => DateTime::<Utc>::MIN_UTC,
                Reuse::ThisLoad => held(&loads)
                    .await
                    .iter()
                    .filter_map(|name| load_start(name.strip_prefix(&loads)?))
                    .fold(clicked, DateTime::min),
            }
        }
        .boxed_local()
        .shared()
    }
}

/// The start of a running load, from the rest of its lock's name (`{ms}:{random}`).
fn load_start(rest: &str) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(rest.split(':').next()?.parse().ok()?)
}

impl From<Restored> for Loaded {
    fn from(r: Restored) -> Self {
        Self {
            user: r.user,
            detail: r.detail,
            loaded_at: r.fetched_at,
            left: r.left,
            kept: r.kept,
        }
    }
}

impl EventsStore {
    /// Loads the events of `users` on the runner for the session's current account, and
    /// remembers `scope` as what the admin loads; each result is usable as soon as it arrives
    /// and kept for the next visit. What another tab stored is taken instead of fetched as
    /// `reuse` says. Returns false while a load is running.
    pub fn load(&self, users: Vec<UserRiskInfo>, scope: Scope, reuse: Reuse) -> bool {
        if self.runner().progress().get_untracked().is_active() {
            return false;
        }
        let api = self.pinned_api();
        let account = api.connection().account_id;
        self.switch_account(&account);
        let memory = self.memory;
        leptos::task::spawn_local(async move {
            if let Some(profile) = memory.profile().await {
                profile.set_scope(scope).await;
            }
        });
        let labels = users.iter().map(|u| u.display_name().to_owned()).collect();
        let users = Rc::new(users);
        let store = *self;
        let database = crate::memory::context::database_name(&api.connection());
        let loads = format!("{database}:load:");
        let since = reuse.since(loads.clone());
        let lock_prefix = format!("{database}:user:");
        let started = self.runner().start(labels, move |i| {
            let (api, user, account) = (api.clone(), users[i].clone(), account.clone());
            let lock = format!("{lock_prefix}{}", user.user_id);
            Box::pin(store.fetch_one(api, user, account, lock, since.clone()))
        });
        if started {
            self.announce_load(loads);
        }
        started
    }

    /// Holds the Web Lock `{prefix}{start ms}:{random}` while this tab's load runs, so that a
    /// tab starting a load meanwhile takes what this one fetched ([`Reuse::ThisLoad`]).
    fn announce_load(self, prefix: String) {
        let name = format!(
            "{prefix}{}:{}",
            Utc::now().timestamp_millis(),
            js_sys::Math::random()
        );
        let progress = self.runner().progress();
        leptos::task::spawn_local(async move {
            with_lock(&name, move || async move {
                while progress.try_get_untracked().is_some_and(|p| p.is_active()) {
                    gloo_timers::future::TimeoutFuture::new(500).await;
                }
            })
            .await;
        });
    }

    /// One user's job: under the user's lock, take what another tab stored since `since`, or
    /// fetch and keep. The job ends when the events are in the store; the lock is
    /// held until they are written, so another tab waiting for it finds them.
    async fn fetch_one(
        self,
        api: Api,
        user: UserRiskInfo,
        account: String,
        lock: String,
        since: Since,
    ) -> Result<(), ApiError> {
        let profile = self.memory.profile().await;
        let since = since.await;
        let (done, finished) = oneshot::channel::<Result<(), ApiError>>();
        leptos::task::spawn_local(async move {
            with_lock(&lock, move || async move {
                let stored = match &profile {
                    Some(p) => p.stored_since(user.clone(), since).await,
                    None => None,
                };
                if let Some(stored) = stored {
                    self.insert(&account, Loaded::from(stored));
                    let _ = done.send(Ok(()));
                    return;
                }
                match api.user(&user.user_id).await {
                    Ok(detail) => {
                        let at = Utc::now();
                        let stored = profile
                            .clone()
                            .map(|p| p.keep_fetched(user.clone(), detail.clone(), at));
                        self.insert(
                            &account,
                            Loaded {
                                user,
                                detail,
                                loaded_at: at,
                                left: false,
                                kept: Vec::new(),
                            },
                        );
                        let _ = done.send(Ok(()));
                        if let Some(stored) = stored {
                            let _ = stored.await;
                        }
                    }
                    Err(e) => drop(done.send(Err(e))),
                }
            })
            .await;
        });
        finished.await.unwrap_or(Err(ApiError::Aborted))
    }

    /// Takes what the profile remembers for `summary` into the store: every user kept under
    /// their current row (no request), the users kept who left the summary (shown as such),
    /// then fetches the changed and new users of the scope last loaded when they are few.
    pub fn sync(&self, summary: Arc<Vec<UserRiskInfo>>) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let Some(profile) = store.memory.profile().await else {
                return;
            };
            let account = store.pinned_api().connection().account_id;
            store.switch_account(&account);
            let plan = profile.plan(&summary);
            let held = |u: &UserRiskInfo| store.holds(&u.user_id, u);
            let mut insert = |batch: Vec<Restored>| {
                store.insert_all(&account, batch.into_iter().map(Loaded::from).collect());
            };
            profile.restore(&summary, &plan, &held, &mut insert).await;
            // Fresh by their stamp but without kept events (a write that did not finish): due.
            let missing: Vec<usize> = plan
                .fresh
                .iter()
                .copied()
                .filter(|&i| !store.holds(&summary[i].user_id, &summary[i]))
                .collect();
            let due: Vec<UserRiskInfo> = plan
                .due
                .iter()
                .chain(&missing)
                .map(|&i| summary[i].clone())
                .collect();
            let waiting = due.len() > AUTO_LIMIT;
            store.refresh.try_set(Some(Refresh {
                stored: plan.fresh.len() - missing.len(),
                changed: plan.changed + missing.len(),
                new: plan.new,
                left: plan.left.len(),
                waiting,
            }));
            store.memory.report(&*profile);
            if !due.is_empty() && !waiting {
                if let Some(scope) = profile.scope() {
                    store.load(due, scope, Reuse::CurrentRow);
                }
            }
        });
    }

    /// Takes into the store what another tab of this profile stored for `ids`.
    pub(super) fn take_from_memory(&self, ids: Vec<String>) {
        let store = *self;
        leptos::task::spawn_local(async move {
            let Some(profile) = store.memory.profile().await else {
                return;
            };
            let account = store.pinned_api().connection().account_id;
            let loaded = profile
                .reread(ids)
                .await
                .into_iter()
                .filter(|r| !store.holds(&r.user.user_id, &r.user))
                .map(Loaded::from)
                .collect();
            store.insert_all(&account, loaded);
        });
    }
}
