//! How one profile's memory writes: fetched details queued and written together
//! ([`ProfileMemory::keep`]), and every batch cut into chunks of [`CHUNK`] records with the page
//! given back in between and never while the admin types; on a full quota, the oldest history
//! goes first.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use futures::channel::oneshot;
use zt_risk_api::{RiskEvents, UserRiskInfo};

use super::{Notice, Pending, ProfileMemory, CHUNK};
use crate::memory::backend::{Batch, DbError, Store};
use crate::memory::kept;
use crate::memory::record::{self, DetailRecord, Entry, Fetched, Row, Subject, UserRecord};

/// Gives the page a frame between two slices of writing, and waits while the admin types
/// (nothing, natively): storing never delays a keystroke.
async fn write_gap() {
    #[cfg(target_arch = "wasm32")]
    crate::memory::idle::quiet().await;
}

impl ProfileMemory {
    /// Queues the events `detail` fetched at `at` under `row`; resolves once they are stored
    /// (or could not be). Queued details are written together.
    pub fn keep(
        self: &Rc<Self>,
        row: UserRiskInfo,
        detail: RiskEvents,
        at: DateTime<Utc>,
    ) -> oneshot::Receiver<()> {
        let (done, stored) = oneshot::channel();
        self.queue.borrow_mut().push(Pending {
            row,
            detail,
            at,
            done,
        });
        if !self.flushing.replace(true) {
            let memory = Rc::clone(self);
            wasm_bindgen_futures::spawn_local(async move { memory.flush().await });
        }
        stored
    }

    async fn flush(&self) {
        loop {
            // A moment for more replies to arrive: one transaction for many users.
            #[cfg(target_arch = "wasm32")]
            gloo_timers::future::TimeoutFuture::new(30).await;
            let taken: Vec<Pending> = {
                let mut queue = self.queue.borrow_mut();
                let n = queue.len().min(CHUNK);
                queue.drain(..n).collect()
            };
            if taken.is_empty() {
                self.flushing.set(false);
                return;
            }
            let ids: Vec<String> = taken.iter().map(|p| p.row.user_id.clone()).collect();
            let old = self
                .backend
                .get(Store::Details, ids.clone())
                .await
                .unwrap_or_default();
            let mut batch = Batch::default();
            let mut waiters = Vec::with_capacity(taken.len());
            for (i, p) in taken.into_iter().enumerate() {
                let old = old.get(i).cloned().flatten();
                let old = old.as_deref().and_then(record::decode::<DetailRecord>);
                let (detail, reset) = kept::merge(old.as_ref(), &p.detail);
                self.add_fetched(&mut batch, &p.row, &detail, p.at, reset);
                waiters.push(p.done);
            }
            self.write(batch).await;
            for w in waiters {
                let _ = w.send(());
            }
            self.stored(&ids);
            write_gap().await;
        }
    }

    /// Adds the writes of one fetched user to `batch`, and their reset to the history.
    fn add_fetched(
        &self,
        batch: &mut Batch,
        row: &UserRiskInfo,
        detail: &DetailRecord,
        at: DateTime<Utc>,
        reset: Option<record::Change>,
    ) {
        let id = &row.user_id;
        let mut users = self.users.borrow_mut();
        let record = users
            .entry(id.clone())
            .or_insert_with(|| UserRecord::new(Row::of(row)));
        record.fetched = Some(Fetched {
            under: Row::of(row).stamp(),
            at,
            events: detail.events.len() + detail.kept.len(),
        });
        let (Some(user), Some(text)) = (record::encode(&*record), record::encode(detail)) else {
            return;
        };
        batch.puts.push((Store::Users, id.clone(), user));
        batch.puts.push((Store::Details, id.clone(), text));
        if let Some(reset) = reset {
            let name = if row.name.trim().is_empty() {
                &row.email
            } else {
                &row.name
            };
            let entry = Entry {
                version: record::SCHEMA,
                at,
                subject: Subject::User {
                    id: id.clone(),
                    name: name.clone(),
                },
                changes: vec![reset],
            };
            batch.history.extend(self.history_row(&entry));
        }
    }
    /// Writes `batch` in chunks; on a full quota, drops the oldest history and tries again.
    pub(super) async fn write(&self, batch: Batch) {
        for chunk in split(batch) {
            let mut attempt = chunk.clone();
            let mut pruned = 0;
            loop {
                match self.backend.write(attempt.clone()).await {
                    Ok(()) => break,
                    Err(DbError::Quota) => {
                        let dropped = self.backend.drop_oldest(CHUNK as u32).await.unwrap_or(0);
                        if dropped == 0 {
                            // No history left to drop: keep the rows, give up on the rest.
                            if !attempt.history.is_empty() {
                                attempt.history.clear();
                                continue;
                            }
                            self.notice(Notice::Full);
                            return;
                        }
                        pruned += dropped;
                    }
                    Err(e) => {
                        self.notice(Notice::Failed(e.to_string()));
                        return;
                    }
                }
            }
            if pruned > 0 {
                self.notice(Notice::Pruned(pruned));
            }
            write_gap().await;
        }
    }
}

/// `batch` cut into batches of at most [`CHUNK`] puts and [`CHUNK`] history records.
fn split(batch: Batch) -> Vec<Batch> {
    let mut out = Vec::new();
    let mut puts = batch.puts.into_iter().peekable();
    let mut history = batch.history.into_iter().peekable();
    while puts.peek().is_some() || history.peek().is_some() {
        out.push(Batch {
            puts: puts.by_ref().take(CHUNK).collect(),
            history: history.by_ref().take(CHUNK).collect(),
        });
    }
    out
}
