//! Every account's data set. A set is made from the seed on first use, published as an
//! immutable snapshot (a reader never waits for a write, and never sees half of one), changed
//! by one write at a time, and saved to `--state` before the change is published. A write whose
//! request goes away mid-save still finishes, saved and published, before the next one starts.
//! Owns durability and the cap on accounts; the rules of the data live in `store`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use axum::body::Bytes;
use axum::http::StatusCode;
use tokio::sync::{Mutex, OnceCell, OwnedMutexGuard};
use zt_risk_api::Integration;

use super::seed::Seeding;
use super::state_file;
use super::store::Store;
use super::summary::Summary;
use crate::envelope::{ApiError, STATE};

/// 503: the emulator already holds as many accounts as it allows (see [`Accounts::max`]).
pub const TOO_MANY_ACCOUNTS: i64 = 1013;
/// At most this many accounts, and about this many users and Access applications over all of
/// them (each seeded user costs a few KB, an application about one), so that a script looping
/// over account ids cannot exhaust memory.
const MAX_ACCOUNTS: usize = 100;
const USER_BUDGET: usize = 250_000;

/// One account's data at one moment, with what is derived from it computed at most once.
pub struct Snapshot {
    pub store: Store,
    summary: OnceCell<Arc<Summary>>,
    json: OnceLock<Result<Bytes, String>>,
}

impl Snapshot {
    fn new(store: Store) -> Arc<Self> {
        Arc::new(Self {
            store,
            summary: OnceCell::new(),
            json: OnceLock::new(),
        })
    }

    /// The summary of this snapshot: computed by the first caller, off the async workers (it
    /// takes a moment at 50,000 users); later callers, and concurrent ones, share it.
    pub async fn summary(self: &Arc<Self>) -> Arc<Summary> {
        let this = self.clone();
        self.summary
            .get_or_init(|| async move {
                let store = this.clone();
                // Err only when the blocking pool is shutting down: then build it here.
                tokio::task::spawn_blocking(move || Arc::new(Summary::new(&store.store)))
                    .await
                    .unwrap_or_else(|_| Arc::new(Summary::new(&this.store)))
            })
            .await
            .clone()
    }

    /// This account's part of the state file, serialized once.
    fn json(&self) -> Result<&Bytes, String> {
        self.json
            .get_or_init(|| {
                serde_json::to_vec(&self.store)
                    .map(Bytes::from)
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// The writer's turn. Owned, so that the blocking save can keep it after its request is gone.
type Turn = OwnedMutexGuard<()>;

/// Published snapshots by account id.
type Map = Arc<RwLock<BTreeMap<String, Arc<Snapshot>>>>;

/// All accounts: published snapshots, and the one writer at a time.
pub struct Accounts {
    seeding: Seeding,
    state_file: Option<PathBuf>,
    default_account: String,
    /// Held only to look up or swap a snapshot, never across an await.
    map: Map,
    /// Serializes account creation and writes, so saves reach the disk in publication order.
    writer: Arc<Mutex<()>>,
}

impl Accounts {
    /// Loads `--state` if it exists, makes the default account (`pinned`, else the file's, else
    /// the seed's) if it is missing, and saves, so the file exists from the first start.
    pub fn open(
        seeding: Seeding,
        state_file: Option<PathBuf>,
        pinned: Option<&str>,
    ) -> Result<Self, String> {
        let saved = match &state_file {
            Some(path) => state_file::load(path)?,
            None => None,
        };
        let (file_default, stores) = saved.map_or((None, BTreeMap::new()), |s| {
            (Some(s.default_account), s.accounts)
        });
        let default_account = pinned
            .map(str::to_owned)
            .or(file_default)
            .unwrap_or_else(|| seeding.default_account());
        let mut map: BTreeMap<String, Arc<Snapshot>> = stores
            .into_iter()
            .map(|(id, store)| (id, Snapshot::new(store)))
            .collect();
        let created = !map.contains_key(&default_account);
        if created {
            let store = seeding.account(&default_account, chrono::Utc::now());
            map.insert(default_account.clone(), Snapshot::new(store));
        }
        let accounts = Self {
            seeding,
            state_file,
            default_account,
            map: Arc::new(RwLock::new(map)),
            writer: Arc::new(Mutex::new(())),
        };
        if let (true, Some(path)) = (created, &accounts.state_file) {
            let bytes = assemble(&accounts.default_account, &accounts.parts_with(None))?;
            state_file::save(path, &bytes)
                .map_err(|e| format!("cannot write state file {}: {e}", path.display()))?;
        }
        Ok(accounts)
    }

    /// The account the demo's `config.json` names.
    pub fn default_account(&self) -> &str {
        &self.default_account
    }

    /// How many accounts may exist: 100, or fewer when each has many users or applications.
    pub fn max(&self) -> usize {
        let each = if self.seeding.fresh {
            0
        } else {
            self.seeding.users + self.seeding.apps
        };
        (USER_BUDGET / each.max(1)).clamp(1, MAX_ACCOUNTS)
    }

    fn published(&self, id: &str) -> Option<Arc<Snapshot>> {
        let map = self.map.read().unwrap_or_else(PoisonError::into_inner);
        map.get(id).cloned()
    }

    /// The current data of account `id` (a valid, lower-case account id), made on first use.
    pub async fn get(&self, id: &str) -> Result<Arc<Snapshot>, ApiError> {
        if let Some(snapshot) = self.published(id) {
            return Ok(snapshot);
        }
        let turn = self.turn().await;
        self.get_or_create(id, turn)
            .await
            .map(|(snapshot, _)| snapshot)
    }

    async fn turn(&self) -> Turn {
        self.writer.clone().lock_owned().await
    }

    /// Like `get`, in the writer's `turn`, which it hands back.
    async fn get_or_create(&self, id: &str, turn: Turn) -> Result<(Arc<Snapshot>, Turn), ApiError> {
        if let Some(snapshot) = self.published(id) {
            return Ok((snapshot, turn));
        }
        let count = self
            .map
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        if count >= self.max() {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                TOO_MANY_ACCOUNTS,
                format!(
                    "The emulator already holds {count} accounts, its limit with --users {}; \
                     restart it, or pin one account with --account",
                    self.seeding.users
                ),
            ));
        }
        let (seeding, owned) = (self.seeding, id.to_owned());
        let store =
            tokio::task::spawn_blocking(move || seeding.account(&owned, chrono::Utc::now()))
                .await
                .map_err(|e| state_error(e.to_string()))?;
        let snapshot = Snapshot::new(store);
        let turn = self.save_and_publish(id, snapshot.clone(), turn).await?;
        Ok((snapshot, turn))
    }

    /// Applies `f` to a copy of account `id`'s data, saves the copy, then publishes it: a
    /// request is acknowledged only once its change is on disk, and a failed save changes
    /// nothing. The copy shares every user `f` does not change.
    pub async fn write<R>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Store) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let turn = self.turn().await;
        let (current, turn) = self.get_or_create(id, turn).await?;
        let mut next = current.store.clone();
        let result = f(&mut next)?;
        self.save_and_publish(id, Snapshot::new(next), turn).await?;
        Ok(result)
    }

    /// Saves and publishes in one blocking task that owns the writer's `turn`, so a request
    /// dropped meanwhile (its client went away) neither frees the turn mid-save nor leaves the
    /// disk ahead of what is served. Hands the turn back once both are done.
    async fn save_and_publish(
        &self,
        id: &str,
        snapshot: Arc<Snapshot>,
        turn: Turn,
    ) -> Result<Turn, ApiError> {
        let saving = self.state_file.clone().map(|path| {
            let parts = self.parts_with(Some((id, &snapshot)));
            (path, parts, self.default_account.clone())
        });
        let (map, id) = (self.map.clone(), id.to_owned());
        tokio::task::spawn_blocking(move || {
            if let Some((path, parts, default_account)) = saving {
                let bytes = assemble(&default_account, &parts)?;
                state_file::save(&path, &bytes).map_err(|e| e.to_string())?;
            }
            let mut map = map.write().unwrap_or_else(PoisonError::into_inner);
            map.insert(id, snapshot);
            Ok(turn)
        })
        .await
        .map_err(|e| state_error(e.to_string()))?
        .map_err(state_error)
    }

    /// Every published account in id order, with `replace` in place of (or beside) its own.
    fn parts_with(&self, replace: Option<(&str, &Arc<Snapshot>)>) -> Vec<(String, Arc<Snapshot>)> {
        let mut parts = self
            .map
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some((id, snapshot)) = replace {
            parts.insert(id.to_owned(), snapshot.clone());
        }
        parts.into_iter().collect()
    }

    /// The ids of every account held, in order.
    pub fn ids(&self) -> Vec<String> {
        let map = self.map.read().unwrap_or_else(PoisonError::into_inner);
        map.keys().cloned().collect()
    }

    /// The integration `id` of whichever account has it (accounts not used yet have none).
    pub fn integration(&self, id: &str) -> Option<Integration> {
        let map = self.map.read().unwrap_or_else(PoisonError::into_inner);
        map.values().find_map(|s| s.store.integration(id).cloned())
    }

    /// Starts computing the default account's summary, so the first request finds it ready.
    pub fn warm_up(&self) {
        let (Some(snapshot), Ok(runtime)) = (
            self.published(&self.default_account),
            tokio::runtime::Handle::try_current(),
        ) else {
            return;
        };
        runtime.spawn(async move {
            snapshot.summary().await;
        });
    }
}

fn assemble(default_account: &str, parts: &[(String, Arc<Snapshot>)]) -> Result<Vec<u8>, String> {
    let jsons = parts
        .iter()
        .map(|(id, s)| s.json().map(|j| (id.as_str(), j.as_ref())))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(state_file::assemble(default_account, jsons))
}

pub fn state_error(detail: String) -> ApiError {
    eprintln!("emulator: cannot save state: {detail}");
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        STATE,
        "The emulator could not save its state; nothing was changed",
    )
}

#[cfg(test)]
#[path = "accounts_tests.rs"]
mod tests;
