//! [`Keeper`] for [`ProfileMemory`]: the operations the console asks for, in the forms it
//! needs them (API types, no records), each a boxed future. Lives with the rest of the memory
//! in its chunk.

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use futures::channel::oneshot;
use zt_risk_api::{Behaviors, RiskEvents, UserRiskInfo};

use super::backend::{DbError, LocalFuture};
use super::keeper::{Keeper, Restored, StoredHook};
use super::plan::{Plan, Scope};
use super::profile::{Notice, ProfileMemory, Settings, Stats};
use super::record::{DetailRecord, Subject, UserRecord};
use super::visit::{since, SinceLastVisit};
use super::UserMemory;

/// A kept detail as the events store takes it.
fn restored(user: UserRiskInfo, detail: &DetailRecord, at: DateTime<Utc>, left: bool) -> Restored {
    Restored {
        user,
        detail: detail.to_api(),
        kept: detail
            .kept
            .iter()
            .map(|(e, reset)| (e.to_api(), *reset))
            .collect(),
        fetched_at: at,
        left,
    }
}

/// The events store's view of a kept user whose record is `record`.
fn restored_of(id: &str, record: &UserRecord, detail: &DetailRecord) -> Option<Restored> {
    let at = record.fetched.as_ref()?.at;
    Some(restored(
        record.row.to_user(id),
        detail,
        at,
        record.left_at.is_some(),
    ))
}

impl Keeper for ProfileMemory {
    fn take_notices(&self) -> Vec<Notice> {
        ProfileMemory::take_notices(self)
    }

    fn last_seen(&self) -> Option<DateTime<Utc>> {
        ProfileMemory::last_seen(self)
    }

    fn on_stored(&self, hook: StoredHook) {
        ProfileMemory::on_stored(self, hook);
    }

    fn scope(&self) -> Option<Scope> {
        ProfileMemory::scope(self)
    }

    fn settings(&self) -> Settings {
        ProfileMemory::settings(self)
    }

    fn plan(&self, summary: &[UserRiskInfo]) -> Plan {
        ProfileMemory::plan(self, summary)
    }

    fn row_of(&self, id: &str) -> Option<UserRiskInfo> {
        self.with_users(|u| u.get(id).map(|r| r.row.to_user(id)))
    }

    fn record_summary(
        &self,
        summary: Arc<Vec<UserRiskInfo>>,
        now: DateTime<Utc>,
    ) -> LocalFuture<'_, ()> {
        Box::pin(async move { ProfileMemory::record_summary(self, &summary, now).await })
    }

    fn record_behaviors(&self, behaviors: Behaviors, now: DateTime<Utc>) -> LocalFuture<'_, ()> {
        Box::pin(async move { ProfileMemory::record_behaviors(self, &behaviors, now).await })
    }

    fn record_reset(&self, id: String, name: String, at: DateTime<Utc>) -> LocalFuture<'_, ()> {
        Box::pin(async move { ProfileMemory::record_reset(self, &id, &name, at).await })
    }

    fn set_scope(&self, scope: Scope) -> LocalFuture<'_, ()> {
        Box::pin(ProfileMemory::set_scope(self, scope))
    }

    fn set_settings(&self, settings: Settings) -> LocalFuture<'_, ()> {
        Box::pin(ProfileMemory::set_settings(self, settings))
    }

    fn keep_fetched(
        self: Rc<Self>,
        row: UserRiskInfo,
        detail: RiskEvents,
        at: DateTime<Utc>,
    ) -> oneshot::Receiver<()> {
        ProfileMemory::keep(&self, row, detail, at)
    }

    fn stored_since(
        &self,
        user: UserRiskInfo,
        since: DateTime<Utc>,
    ) -> LocalFuture<'_, Option<Restored>> {
        Box::pin(async move {
            let record = self.reread_user(&user.user_id).await?;
            let fetched = record
                .fetched
                .filter(|f| f.at >= since && f.under.holds_for(&user))?;
            let (_, kept) = self.details(vec![user.user_id.clone()]).await.pop()?;
            Some(restored(user, &kept, fetched.at, false))
        })
    }

    fn restore<'a>(
        &'a self,
        summary: &'a [UserRiskInfo],
        plan: &'a Plan,
        held: &'a dyn Fn(&UserRiskInfo) -> bool,
        each: &'a mut dyn FnMut(Vec<Restored>),
    ) -> LocalFuture<'a, ()> {
        Box::pin(async move {
            let fresh: std::collections::HashMap<&str, &UserRiskInfo> = plan
                .fresh
                .iter()
                .map(|&i| (summary[i].user_id.as_str(), &summary[i]))
                .collect();
            let left: HashSet<&str> = plan.left.iter().map(String::as_str).collect();
            self.all_details(|page| {
                let batch = page
                    .into_iter()
                    .filter_map(|(id, kept)| {
                        let at = self.with_users(|u| u.get(&id)?.fetched.as_ref().map(|f| f.at))?;
                        if let Some(row) = fresh.get(id.as_str()) {
                            (!held(row)).then(|| restored((*row).clone(), &kept, at, false))
                        } else if left.contains(id.as_str()) {
                            let row =
                                self.with_users(|u| u.get(&id).map(|r| r.row.to_user(&id)))?;
                            Some(restored(row, &kept, at, true))
                        } else {
                            None
                        }
                    })
                    .collect();
                each(batch);
            })
            .await;
        })
    }

    fn reread(&self, ids: Vec<String>) -> LocalFuture<'_, Vec<Restored>> {
        Box::pin(async move {
            let records: Vec<(String, UserRecord)> = self
                .reread_users(ids)
                .await
                .into_iter()
                .filter(|(_, r)| r.fetched.is_some())
                .collect();
            let wanted = records.iter().map(|(id, _)| id.clone()).collect();
            self.details(wanted)
                .await
                .into_iter()
                .filter_map(|(id, kept)| {
                    let (_, record) = records.iter().find(|(r, _)| *r == id)?;
                    restored_of(&id, record, &kept)
                })
                .collect()
        })
    }

    fn since(&self, start: DateTime<Utc>) -> LocalFuture<'_, SinceLastVisit> {
        Box::pin(async move { since(&self.history_since(start).await) })
    }

    fn user_memory(&self, id: String, name: String) -> LocalFuture<'_, UserMemory> {
        Box::pin(async move {
            let subject = Subject::User {
                id: id.clone(),
                name,
            };
            let history = self.history_of(&subject).await;
            let kept = self
                .details(vec![id])
                .await
                .pop()
                .map(|(_, d)| d.kept.iter().map(|(e, r)| (e.to_api(), *r)).collect())
                .unwrap_or_default();
            UserMemory { history, kept }
        })
    }

    fn stats(&self) -> LocalFuture<'_, Stats> {
        Box::pin(ProfileMemory::stats(self))
    }

    fn prune(&self, now: DateTime<Utc>) -> LocalFuture<'_, usize> {
        Box::pin(ProfileMemory::prune(self, now))
    }

    fn forget(&self) -> LocalFuture<'_, Result<(), DbError>> {
        Box::pin(ProfileMemory::forget(self))
    }
}
