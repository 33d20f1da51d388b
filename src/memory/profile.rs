//! One profile's memory: the records kept in a [`Backend`], with the users' rows and the
//! settings held in memory, and every operation the console does on them. No Leptos here: the
//! context in `mod.rs` owns one of these per active profile.
//!
//! How it writes (batched, in chunks of [`CHUNK`] records, never while the admin types, the
//! oldest history dropped on a full quota) is `profile_writes.rs`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use futures::channel::oneshot;
use serde::{Deserialize, Serialize};
use zt_risk_api::{Behaviors, RiskEvents, UserRiskInfo};

use super::backend::{Backend, Batch, DbError, HistoryQuery, HistoryRow, Store};
use super::history::{self, KeptBehaviors, DEFAULT_RETENTION_DAYS};
use super::keeper::StoredHook;

use super::plan::{self, Plan, Scope};
use super::record::{self, DetailRecord, Entry, Subject, UserRecord};

/// Records per transaction and per slice of work between two frames.
pub const CHUNK: usize = 200;
/// Records read per page.
const PAGE: u32 = 500;
/// Meta keys.
const SCOPE: &str = "scope";
const SETTINGS: &str = "settings";
const BEHAVIORS: &str = "behaviors";
const LAST_SEEN: &str = "last-seen";

/// The admin's settings for this profile's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Days of history kept.
    pub retention_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            retention_days: DEFAULT_RETENTION_DAYS,
        }
    }
}

/// What happened to the storage that the admin should hear about, once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Records that did not decode were skipped.
    Skipped(usize),
    /// The quota was reached: this much of the oldest history went to make room.
    Pruned(usize),
    /// The quota was reached and even without history the write did not fit.
    Full,
    /// A write failed otherwise.
    Failed(String),
    /// The data was stored by an older layout (this version); what it kept elsewhere is set
    /// aside.
    SetAside(u32),
}

/// Counts for Settings › Data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub users: usize,
    pub with_events: usize,
    pub events: usize,
    pub history: usize,
    pub history_span: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

type Waiter = oneshot::Sender<()>;

/// A fetched detail waiting to be kept.
struct Pending {
    row: UserRiskInfo,
    detail: RiskEvents,
    at: DateTime<Utc>,
    done: Waiter,
}

/// One profile's memory.
pub struct ProfileMemory {
    backend: Rc<dyn Backend>,
    users: RefCell<HashMap<String, UserRecord>>,
    settings: Cell<Settings>,
    scope: RefCell<Option<Scope>>,
    behaviors: RefCell<Option<KeptBehaviors>>,
    /// The last time anything was recorded, before this visit.
    last_seen: Cell<Option<DateTime<Utc>>>,
    seq: Cell<u32>,
    queue: RefCell<Vec<Pending>>,
    flushing: Cell<bool>,
    notices: RefCell<Vec<Notice>>,
    /// Told the ids of the users whose records were written (the other tabs hear of them).
    on_stored: RefCell<Option<StoredHook>>,
}

/// Meta value `i` of `meta`, if it is there and reads as a `T`.
fn parse<T: serde::de::DeserializeOwned>(meta: &[Option<String>], i: usize) -> Option<T> {
    serde_json::from_str(meta.get(i)?.as_deref()?).ok()
}

fn ms(at: DateTime<Utc>) -> f64 {
    at.timestamp_millis() as f64
}

/// Gives the page a frame between two slices of reading (nothing, natively).
async fn yield_now() {
    #[cfg(target_arch = "wasm32")]
    gloo_timers::future::TimeoutFuture::new(0).await;
}

impl ProfileMemory {
    /// Reads what `backend` keeps: every user row (records that do not decode are skipped and
    /// counted) and the settings.
    pub async fn load(backend: Rc<dyn Backend>) -> Result<Self, DbError> {
        let mut users = HashMap::new();
        let mut skipped = 0;
        let mut after = None;
        loop {
            let page = backend.page(Store::Users, after, PAGE).await?;
            for (id, text) in &page {
                match record::decode::<UserRecord>(text) {
                    Some(r) => drop(users.insert(id.clone(), r)),
                    None => skipped += 1,
                }
            }
            after = match page.last() {
                Some((last, _)) if page.len() == PAGE as usize => Some(last.clone()),
                _ => break,
            };
            yield_now().await;
        }
        let keys = [SCOPE, SETTINGS, BEHAVIORS, LAST_SEEN]
            .map(str::to_owned)
            .to_vec();
        let meta = backend.get(Store::Meta, keys).await?;
        let memory = Self {
            backend,
            users: RefCell::new(users),
            settings: Cell::new(parse(&meta, 1).unwrap_or_default()),
            scope: RefCell::new(parse(&meta, 0)),
            behaviors: RefCell::new(parse(&meta, 2)),
            last_seen: Cell::new(parse(&meta, 3)),
            seq: Cell::new(0),
            queue: RefCell::default(),
            flushing: Cell::new(false),
            notices: RefCell::default(),
            on_stored: RefCell::new(None),
        };
        if let Some(older) = memory.backend.upgraded_from() {
            memory.notice(Notice::SetAside(older));
        }
        if skipped > 0 {
            memory.notice(Notice::Skipped(skipped));
        }
        Ok(memory)
    }

    fn notice(&self, notice: Notice) {
        self.notices.borrow_mut().push(notice);
    }

    /// Calls `hook` with the ids of the users whose records each write stored.
    pub fn on_stored(&self, hook: StoredHook) {
        *self.on_stored.borrow_mut() = Some(hook);
    }

    fn stored(&self, ids: &[String]) {
        if let Some(f) = &*self.on_stored.borrow() {
            f(ids);
        }
    }

    /// What happened since the last call.
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(&mut self.notices.borrow_mut())
    }

    /// When anything was last recorded before this visit.
    pub fn last_seen(&self) -> Option<DateTime<Utc>> {
        self.last_seen.get()
    }

    pub fn settings(&self) -> Settings {
        self.settings.get()
    }

    /// The users kept, by id.
    pub fn with_users<R>(&self, f: impl FnOnce(&HashMap<String, UserRecord>) -> R) -> R {
        f(&self.users.borrow())
    }

    /// The incremental refresh of `summary` (see `plan`).
    pub fn plan(&self, summary: &[UserRiskInfo]) -> Plan {
        plan::plan(summary, &self.users.borrow(), self.scope.borrow().as_ref())
    }

    pub fn scope(&self) -> Option<Scope> {
        self.scope.borrow().clone()
    }

    fn history_row(&self, entry: &Entry) -> Option<HistoryRow> {
        self.seq.set(self.seq.get().wrapping_add(1));
        Some(HistoryRow {
            at: ms(entry.at),
            subject: entry.subject.key(),
            seq: self.seq.get(),
            json: record::encode(entry)?,
        })
    }

    fn meta<T: Serialize>(key: &str, value: &T) -> Option<(Store, String, String)> {
        Some((
            Store::Meta,
            key.to_owned(),
            serde_json::to_string(value).ok()?,
        ))
    }

    /// Records a summary received at `now`: the changed users' rows and their history. The rows
    /// are kept in memory at once; their text is made a chunk at a time, each chunk written
    /// before the next is made, so a first summary of 30,000 users is no long task.
    pub async fn record_summary(&self, summary: &[UserRiskInfo], now: DateTime<Utc>) {
        let recorded = history::record_summary(&self.users.borrow(), summary, now);
        if recorded.records.is_empty() {
            return;
        }
        let ids: Vec<String> = recorded.records.iter().map(|(id, _)| id.clone()).collect();
        self.users.borrow_mut().extend(recorded.records);
        let entries = recorded.entries;
        let rounds = ids.len().max(entries.len()).div_ceil(CHUNK);
        for round in 0..rounds {
            let part = |len: usize| round * CHUNK..((round + 1) * CHUNK).min(len);
            let mut batch = Batch::default();
            self.with_users(|users| {
                for id in ids.get(part(ids.len())).unwrap_or_default() {
                    if let Some(text) = users.get(id).and_then(record::encode) {
                        batch.puts.push((Store::Users, id.clone(), text));
                    }
                }
            });
            let entries = entries.get(part(entries.len())).unwrap_or_default();
            batch.history = entries.iter().filter_map(|e| self.history_row(e)).collect();
            if round + 1 == rounds {
                batch.puts.extend(Self::meta(LAST_SEEN, &now));
            }
            self.write(batch).await;
        }
        self.stored(&ids);
    }

    /// Records the behaviors read at `now`: what changed since they were last kept.
    pub async fn record_behaviors(&self, behaviors: &Behaviors, now: DateTime<Utc>) {
        let kept = history::keep_behaviors(behaviors);
        let entries = history::record_behaviors(self.behaviors.borrow().as_ref(), &kept, now);
        if !entries.is_empty() || self.behaviors.borrow().as_ref() != Some(&kept) {
            let batch = Batch {
                puts: Self::meta(BEHAVIORS, &kept).into_iter().collect(),
                history: entries.iter().filter_map(|e| self.history_row(e)).collect(),
            };
            *self.behaviors.borrow_mut() = Some(kept);
            self.write(batch).await;
        }
    }

    /// Records that this tab reset user `id` (shown as `name`) at `at`.
    pub async fn record_reset(&self, id: &str, name: &str, at: DateTime<Utc>) {
        let entry = Entry {
            version: record::SCHEMA,
            at,
            subject: Subject::User {
                id: id.to_owned(),
                name: name.to_owned(),
            },
            changes: vec![record::Change::Reset { at }],
        };
        let batch = Batch {
            puts: Vec::new(),
            history: self.history_row(&entry).into_iter().collect(),
        };
        self.write(batch).await;
        self.stored(&[id.to_owned()]);
    }

    /// Remembers which users the admin loaded events for, so a revisit refreshes them.
    pub async fn set_scope(&self, scope: Scope) {
        if self.scope.borrow().as_ref() == Some(&scope) {
            return;
        }
        let batch = Batch {
            puts: Self::meta(SCOPE, &scope).into_iter().collect(),
            history: Vec::new(),
        };
        *self.scope.borrow_mut() = Some(scope);
        self.write(batch).await;
    }

    /// Saves the admin's settings.
    pub async fn set_settings(&self, settings: Settings) {
        self.settings.set(settings);
        let batch = Batch {
            puts: Self::meta(SETTINGS, &settings).into_iter().collect(),
            history: Vec::new(),
        };
        self.write(batch).await;
    }

    /// The kept events of `ids` (users without any, or whose record does not decode, left out).
    pub async fn details(&self, ids: Vec<String>) -> Vec<(String, DetailRecord)> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let found = self
                .backend
                .get(Store::Details, chunk.to_vec())
                .await
                .unwrap_or_default();
            for (id, text) in chunk.iter().zip(found) {
                if let Some(detail) = text.as_deref().and_then(record::decode) {
                    out.push((id.clone(), detail));
                }
            }
            yield_now().await;
        }
        out
    }

    /// Every kept detail, a page at a time (`each` gets each page; records that do not decode
    /// are skipped and counted).
    pub async fn all_details(&self, mut each: impl FnMut(Vec<(String, DetailRecord)>)) {
        let mut after = None;
        let mut skipped = 0;
        loop {
            let Ok(page) = self.backend.page(Store::Details, after, CHUNK as u32).await else {
                break;
            };
            let full = page.len() == CHUNK;
            after = page.last().map(|(k, _)| k.clone());
            let decoded: Vec<(String, DetailRecord)> = page
                .into_iter()
                .filter_map(|(id, text)| {
                    let detail = record::decode(&text);
                    skipped += usize::from(detail.is_none());
                    Some((id, detail?))
                })
                .collect();
            each(decoded);
            yield_now().await;
            if !full {
                break;
            }
        }
        if skipped > 0 {
            self.notice(Notice::Skipped(skipped));
        }
    }

    /// The user record as stored now (another tab may have written it since it was loaded);
    /// the copy in memory is updated from it.
    pub async fn reread_user(&self, id: &str) -> Option<UserRecord> {
        let text = self
            .backend
            .get(Store::Users, vec![id.to_owned()])
            .await
            .ok()?
            .pop()
            .flatten()?;
        let record: UserRecord = record::decode(&text)?;
        self.users
            .borrow_mut()
            .insert(id.to_owned(), record.clone());
        Some(record)
    }

    /// The records of `ids` as stored now (another tab wrote them); the copies in memory are
    /// updated from them.
    pub async fn reread_users(&self, ids: Vec<String>) -> Vec<(String, UserRecord)> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            let found = self
                .backend
                .get(Store::Users, chunk.to_vec())
                .await
                .unwrap_or_default();
            for (id, text) in chunk.iter().zip(found) {
                if let Some(record) = text.as_deref().and_then(record::decode::<UserRecord>) {
                    self.users.borrow_mut().insert(id.clone(), record.clone());
                    out.push((id.clone(), record));
                }
            }
            yield_now().await;
        }
        out
    }

    /// History recorded at or after `since`, oldest first.
    pub async fn history_since(&self, since: DateTime<Utc>) -> Vec<Entry> {
        self.history(HistoryQuery::Since(ms(since))).await
    }

    /// `subject`'s history, oldest first.
    pub async fn history_of(&self, subject: &Subject) -> Vec<Entry> {
        self.history(HistoryQuery::Of(subject.key())).await
    }

    async fn history(&self, query: HistoryQuery) -> Vec<Entry> {
        let texts = self.backend.history(query).await.unwrap_or_default();
        let entries: Vec<Entry> = texts.iter().filter_map(|t| record::decode(t)).collect();
        if entries.len() < texts.len() {
            self.notice(Notice::Skipped(texts.len() - entries.len()));
        }
        entries
    }

    /// Removes history older than the retention setting at `now`.
    pub async fn prune(&self, now: DateTime<Utc>) -> usize {
        let cutoff = history::cutoff(now, self.settings.get().retention_days);
        self.backend.prune(ms(cutoff)).await.unwrap_or(0)
    }

    /// Counts for Settings › Data.
    pub async fn stats(&self) -> Stats {
        let (history, span) = self.backend.history_span().await.unwrap_or((0, None));
        let users = self.users.borrow();
        let at = |ms: f64| DateTime::<Utc>::from_timestamp_millis(ms as i64);
        Stats {
            users: users.len(),
            with_events: users.values().filter(|u| u.fetched.is_some()).count(),
            events: users
                .values()
                .filter_map(|u| u.fetched.as_ref())
                .map(|f| f.events)
                .sum(),
            history,
            history_span: span.and_then(|(a, b)| at(a).zip(at(b))),
        }
    }

    /// Deletes everything this profile keeps.
    pub async fn forget(&self) -> Result<(), DbError> {
        self.users.borrow_mut().clear();
        *self.scope.borrow_mut() = None;
        *self.behaviors.borrow_mut() = None;
        self.backend.destroy().await
    }
}

#[path = "profile_writes.rs"]
mod writes;

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
