//! The events store: every user's events known to this tab, fetched (`GET /{user_id}` through
//! the runner) or taken from what the profile remembers (`memory`), with the summary row they
//! hold for and when they were fetched. Overview, Detections and the behaviors review read it;
//! navigating between pages never reloads it. How it is filled is `events_load`.
//!
//! It holds one account's data only: results are tagged with the account they were requested
//! for, the store empties when the session's account changes, and a late reply for another
//! account is dropped.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use zt_risk_api::{RiskEvent, RiskEvents, UserRiskInfo};

use super::event_index::{update, Index};
use super::runner::Runner;
use crate::api::{use_api, Api};
use crate::memory::{use_memory, Memory};
use crate::session::use_session;

/// One user's loaded events.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The user's row of the summary the load started from (or their last row, if they left).
    pub user: UserRiskInfo,
    /// What `GET /{user_id}` returned (the whole history, also before the last reset).
    pub detail: RiskEvents,
    /// When `detail` was fetched.
    pub loaded_at: DateTime<Utc>,
    /// The user is no longer in the summary (their events are what was kept).
    pub left: bool,
    /// Events seen before that the API no longer lists, each with the reset that dropped it.
    pub kept: Vec<(RiskEvent, Option<DateTime<Utc>>)>,
}

/// The loaded data of one account (plain data; read it through [`EventsStore::with`]).
#[derive(Debug, Default)]
pub struct Events {
    account: String,
    /// Shared, so an export can keep the users it writes while loads go on.
    users: Vec<Arc<Loaded>>,
    by_id: HashMap<String, usize>,
    /// Bumped whenever the data is emptied: an index of another epoch is rebuilt whole.
    epoch: u64,
    /// Positions of the users inserted or replaced since the last emptying, in order: what an
    /// index built from an earlier state has to take in (`event_index::update`).
    changed: Vec<u32>,
}

impl Events {
    /// The account the data belongs to (empty before any load).
    pub fn account(&self) -> &str {
        &self.account
    }

    /// Loaded users, in load order. Positions are stable until [`Events::clear`].
    pub fn users(&self) -> &[Arc<Loaded>] {
        &self.users
    }

    pub fn get(&self, user_id: &str) -> Option<&Loaded> {
        self.by_id.get(user_id).map(|&i| &*self.users[i])
    }

    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    /// Events over all loaded users.
    pub fn event_count(&self) -> usize {
        self.users.iter().map(|u| u.detail.events.len()).sum()
    }

    /// When the oldest result was loaded.
    pub fn loaded_since(&self) -> Option<DateTime<Utc>> {
        self.users.iter().map(|u| u.loaded_at).min()
    }

    /// Makes the data `account`'s: anything loaded for another account is dropped.
    pub fn set_account(&mut self, account: &str) -> bool {
        let changed = self.account != account;
        if changed {
            self.clear();
            account.clone_into(&mut self.account);
        }
        changed
    }

    /// Adds a user's events, or replaces them if the user was loaded before. A result for an
    /// account other than the current one is dropped (returns false).
    pub fn insert(&mut self, account: &str, loaded: Loaded) -> bool {
        if account != self.account {
            return false;
        }
        match self.by_id.get(&loaded.user.user_id) {
            Some(&i) => {
                self.users[i] = Arc::new(loaded);
                self.changed.push(i as u32);
            }
            None => {
                self.changed.push(self.users.len() as u32);
                self.by_id
                    .insert(loaded.user.user_id.clone(), self.users.len());
                self.users.push(Arc::new(loaded));
            }
        }
        true
    }

    pub fn clear(&mut self) {
        self.users.clear();
        self.by_id.clear();
        self.changed.clear();
        self.epoch += 1;
    }

    /// The emptying count and the users changed since (see [`Events::changed`]).
    pub fn changes(&self) -> (u64, &[u32]) {
        (self.epoch, &self.changed)
    }
}

/// The store, provided once at the root (`app::Providers`); get it with [`use_events`].
#[derive(Clone, Copy)]
pub struct EventsStore {
    data: StoredValue<Events>,
    /// Bumped when the data changes (at most every 200 ms during a load): what readers track.
    version: RwSignal<u64>,
    flush_armed: StoredValue<bool>,
    index: Memo<Index>,
    runner: Runner,
    /// A client scoped to the root, so a load survives page changes.
    api: StoredValue<Api>,
    /// What the profile remembers: where loads are kept, and restored from.
    pub(super) memory: Memory,
    /// How the last refresh from memory went, for the Load events panel.
    pub(super) refresh: RwSignal<Option<Refresh>>,
}

/// How the store stands against the summary after taking what the profile remembers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Users whose events came from memory, current for the summary.
    pub stored: usize,
    /// Users due a fetch: kept under an older row (`changed`) or never kept (`new`).
    pub changed: usize,
    pub new: usize,
    /// Users kept who are no longer in the summary.
    pub left: usize,
    /// The due users were left for the admin to start (too many to fetch unasked).
    pub waiting: bool,
}

impl EventsStore {
    /// Creates the store under the current owner; needs the session and client in context.
    /// It empties itself when the session's account changes.
    pub fn new() -> Self {
        let (data, version) = (StoredValue::new(Events::default()), RwSignal::new(0));
        let store = Self {
            data,
            version,
            flush_armed: StoredValue::new(false),
            // Lazy: built on first read, then brought up to date after a change with only the
            // users that changed (never compared: an update is always news).
            index: Memo::new_with_compare(
                move |previous: Option<&Index>| {
                    version.track();
                    data.with_value(|d| update(previous, d))
                },
                |_, _| true,
            ),
            runner: Runner::new(),
            api: StoredValue::new(use_api()),
            memory: use_memory(),
            refresh: RwSignal::new(None),
        };
        let session = use_session();
        Effect::new(move |_| store.switch_account(&session.connection().account_id));
        // What another tab of this profile stored, this tab shows too.
        let heard = store.memory.heard();
        Effect::new(move |_| {
            let ids = heard.get();
            if !ids.is_empty() {
                store.take_from_memory(ids);
            }
        });
        // A run that ends publishes its last results at once: "Done." never shows old counts.
        let progress = store.runner.progress();
        Effect::new(move |_| {
            if !progress.get().is_active() {
                store.flush();
            }
        });
        store
    }

    /// Reads the loaded data; a reactive read: memos and views rerun when results arrive.
    pub fn with<R>(&self, f: impl FnOnce(&Events) -> R) -> R {
        self.version.track();
        self.data.with_value(f)
    }

    /// Every loaded event as a flat index, newest first (reactive; built once per change and
    /// shared by every page that reads it).
    pub fn index(&self) -> Memo<Index> {
        self.index
    }

    /// The runner loads go through: its progress, Cancel and Retry failed.
    pub fn runner(&self) -> Runner {
        self.runner
    }

    /// Forgets everything and cancels a load in progress (on a profile switch, say).
    pub fn clear(&self) {
        self.runner.reset();
        self.data.update_value(Events::clear);
        self.refresh.set(None);
        self.version.update(|v| *v += 1);
    }

    /// How the last refresh from memory went (reactive); `None` before one.
    pub fn refresh_state(&self) -> ReadSignal<Option<Refresh>> {
        self.refresh.read_only()
    }

    /// The client loads use, pinned to the session's connection at the call.
    pub(super) fn pinned_api(&self) -> Api {
        let api = self.api.get_value();
        let connection = api.connection();
        api.with_connection(connection)
    }

    /// Replaces the data with `users` for `account` at once: tests load 100,000 synthetic
    /// events this way.
    #[cfg(any(test, feature = "fake"))]
    pub fn fill(&self, account: &str, users: Vec<Loaded>) {
        self.data.update_value(|d| {
            d.set_account(account);
            d.clear();
            for u in users {
                d.insert(account, u);
            }
        });
        self.version.update(|v| *v += 1);
    }

    /// Empties the store and forgets the last run if `account` is not the data's account.
    pub(super) fn switch_account(self, account: &str) {
        if self.data.try_update_value(|d| d.set_account(account)) == Some(true) {
            self.runner.reset();
            self.refresh.try_set(None);
            self.version.update(|v| *v += 1);
        }
    }

    /// Whether `user_id`'s events are in the store as current for `row`.
    pub(super) fn holds(self, user_id: &str, row: &UserRiskInfo) -> bool {
        self.data
            .try_with_value(|d| {
                d.get(user_id).is_some_and(|l| {
                    !l.left
                        && l.user.last_event == row.last_event
                        && l.user.event_count == row.event_count
                })
            })
            .unwrap_or(false)
    }

    /// Adds many users at once (from memory), published together.
    pub(super) fn insert_all(self, account: &str, loaded: Vec<Loaded>) {
        if loaded.is_empty() {
            return;
        }
        self.data.try_update_value(|d| {
            for l in loaded {
                d.insert(account, l);
            }
        });
        self.version.try_update(|v| *v += 1);
    }

    pub(super) fn insert(self, account: &str, loaded: Loaded) {
        let kept = self.data.try_update_value(|d| d.insert(account, loaded)) == Some(true);
        if kept && self.flush_armed.try_get_value() == Some(false) {
            self.flush_armed.set_value(true);
            set_timeout(move || self.flush(), Duration::from_millis(200));
        }
    }

    /// Publishes what was inserted since the last publish, if anything.
    fn flush(self) {
        if self.flush_armed.try_get_value() == Some(true) {
            self.flush_armed.set_value(false);
            self.version.try_update(|v| *v += 1);
        }
    }
}

impl Default for EventsStore {
    fn default() -> Self {
        Self::new()
    }
}

/// The events store of the current context.
pub fn use_events() -> EventsStore {
    expect_context::<EventsStore>()
}

#[cfg(test)]
#[path = "events_fixtures.rs"]
pub mod fixtures;

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
