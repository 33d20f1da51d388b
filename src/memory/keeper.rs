//! `Keeper`: everything the console asks of a profile's memory, as one object-safe trait. The
//! pages, the client and the events store hold an `Rc<dyn Keeper>`; the implementation
//! (`profile::ProfileMemory` over `idb`, with the records, the history and the plan) is made in
//! `split`, a chunk of its own in the release build, fetched once the first summary is in: what
//! the console remembers costs the first load only this trait and the context.

use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures::channel::oneshot;
use zt_risk_api::{Behaviors, RiskEvents, UserRiskInfo};

use super::backend::{DbError, LocalFuture};
use super::plan::{Plan, Scope};
use super::profile::{Notice, Settings, Stats};
use super::visit::SinceLastVisit;
use super::{KeptEvent, UserMemory};

/// Told the ids of the users whose records a write stored.
pub type StoredHook = Box<dyn Fn(&[String])>;

/// A user's events as kept, ready for the events store.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// Their current summary row, or their last one if they left.
    pub user: UserRiskInfo,
    pub detail: RiskEvents,
    pub kept: Vec<KeptEvent>,
    pub fetched_at: DateTime<Utc>,
    /// No longer in the summary.
    pub left: bool,
}

/// A profile's memory.
pub trait Keeper {
    /// What happened to the storage since the last call.
    fn take_notices(&self) -> Vec<Notice>;
    /// When anything was last recorded before this visit.
    fn last_seen(&self) -> Option<DateTime<Utc>>;
    /// Calls `hook` with the ids of the users each write stored.
    fn on_stored(&self, hook: StoredHook);
    /// The users the admin last loaded events for.
    fn scope(&self) -> Option<Scope>;
    fn settings(&self) -> Settings;
    /// The incremental refresh of `summary`.
    fn plan(&self, summary: &[UserRiskInfo]) -> Plan;
    /// User `id`'s last summary row, if kept.
    fn row_of(&self, id: &str) -> Option<UserRiskInfo>;
    /// Records a summary received at `now`.
    fn record_summary(
        &self,
        summary: Arc<Vec<UserRiskInfo>>,
        now: DateTime<Utc>,
    ) -> LocalFuture<'_, ()>;
    /// Records the behaviors read at `now`.
    fn record_behaviors(&self, behaviors: Behaviors, now: DateTime<Utc>) -> LocalFuture<'_, ()>;
    /// Records that this tab reset user `id` (named `name`) at `at`.
    fn record_reset(&self, id: String, name: String, at: DateTime<Utc>) -> LocalFuture<'_, ()>;
    fn set_scope(&self, scope: Scope) -> LocalFuture<'_, ()>;
    fn set_settings(&self, settings: Settings) -> LocalFuture<'_, ()>;
    /// Queues the events `detail` fetched at `at` under `row`; resolves once stored.
    fn keep_fetched(
        self: Rc<Self>,
        row: UserRiskInfo,
        detail: RiskEvents,
        at: DateTime<Utc>,
    ) -> oneshot::Receiver<()>;
    /// The events kept for `user` if they were fetched since `since` and hold for their row
    /// (another tab stored them).
    fn stored_since(
        &self,
        user: UserRiskInfo,
        since: DateTime<Utc>,
    ) -> LocalFuture<'_, Option<Restored>>;
    /// Every kept user the plan serves from memory (current for the summary, or left), a page
    /// at a time to `each`, skipping those `held` already.
    fn restore<'a>(
        &'a self,
        summary: &'a [UserRiskInfo],
        plan: &'a Plan,
        held: &'a dyn Fn(&UserRiskInfo) -> bool,
        each: &'a mut dyn FnMut(Vec<Restored>),
    ) -> LocalFuture<'a, ()>;
    /// The records of `ids` as stored now (another tab wrote them), and their kept events.
    fn reread(&self, ids: Vec<String>) -> LocalFuture<'_, Vec<Restored>>;
    /// What changed since `since` (this visit's start).
    fn since(&self, since: DateTime<Utc>) -> LocalFuture<'_, SinceLastVisit>;
    /// User `id`'s history and kept events.
    fn user_memory(&self, id: String, name: String) -> LocalFuture<'_, UserMemory>;
    fn stats(&self) -> LocalFuture<'_, Stats>;
    /// Removes history older than the retention at `now`.
    fn prune(&self, now: DateTime<Utc>) -> LocalFuture<'_, usize>;
    /// Deletes everything this profile keeps.
    fn forget(&self) -> LocalFuture<'_, Result<(), DbError>>;
}
