//! The seam between what the console remembers and where: a [`Backend`] keeps a profile's
//! records as text under keys, in three stores, plus the history in time order. The browser's
//! IndexedDB implements it (`idb`); tests use an in-memory one (`fake`) that can run out of
//! room. Nothing here knows what the records mean.

use std::future::Future;
use std::pin::Pin;

/// A boxed, non-`Send` future, as browser futures are.
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// A store of records keyed by text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Store {
    /// Per user id: the last summary row and the stamp of the kept events.
    Users,
    /// Per user id: the kept events.
    Details,
    /// Per name: the scope last loaded, the behaviors last seen, visits, settings.
    Meta,
}

impl Store {
    pub const ALL: [Store; 3] = [Store::Users, Store::Details, Store::Meta];

    /// The object store's name.
    pub fn name(self) -> &'static str {
        match self {
            Store::Users => "users",
            Store::Details => "details",
            Store::Meta => "meta",
        }
    }
}

/// One history record: when it was recorded, whom it is about, and the entry as text.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// Epoch milliseconds.
    pub at: f64,
    /// `Subject::key`.
    pub subject: String,
    /// Tells apart records of one subject made in the same millisecond.
    pub seq: u32,
    pub json: String,
}

/// Writes applied together (one transaction): all of them or none.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Batch {
    pub puts: Vec<(Store, String, String)>,
    pub history: Vec<HistoryRow>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.history.is_empty()
    }

    /// Adds `other`'s writes after this one's.
    pub fn append(&mut self, other: Batch) {
        self.puts.extend(other.puts);
        self.history.extend(other.history);
    }

    /// The size of the text written, for deciding how much history to prune.
    pub fn bytes(&self) -> usize {
        let puts: usize = self.puts.iter().map(|(_, k, v)| k.len() + v.len()).sum();
        let history: usize = self
            .history
            .iter()
            .map(|h| h.subject.len() + h.json.len())
            .sum();
        puts + history
    }
}

/// How many history records there are, and the epoch ms of the oldest and newest.
pub type Span = (usize, Option<(f64, f64)>);

/// Which history records to read.
#[derive(Debug, Clone, PartialEq)]
pub enum HistoryQuery {
    /// Recorded at or after this epoch millisecond, oldest first.
    Since(f64),
    /// About this subject, oldest first.
    Of(String),
}

/// Why the browser's storage could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbError {
    /// No IndexedDB here (blocked, private mode without storage, an old browser).
    Unavailable(String),
    /// The database was written by a newer version of the console.
    Newer,
    /// The storage quota is used up.
    Quota,
    /// Anything else the browser reported.
    Failed(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Unavailable(why) => {
                write!(f, "the browser's storage is not available ({why})")
            }
            DbError::Newer => f.write_str("it was written by a newer version of the console"),
            DbError::Quota => f.write_str("the browser's storage for this site is full"),
            DbError::Failed(why) => write!(f, "the browser's storage failed ({why})"),
        }
    }
}

/// Where a profile's records live.
pub trait Backend {
    /// Up to `limit` records of `store` whose key comes after `after` (from the first without
    /// it), as (key, text), by key: every record, a page at a time.
    fn page(
        &self,
        store: Store,
        after: Option<String>,
        limit: u32,
    ) -> LocalFuture<'_, Result<Vec<(String, String)>, DbError>>;
    /// The records of `keys` in `store`, in the order asked.
    fn get(
        &self,
        store: Store,
        keys: Vec<String>,
    ) -> LocalFuture<'_, Result<Vec<Option<String>>, DbError>>;
    /// Applies `batch` as one transaction.
    fn write(&self, batch: Batch) -> LocalFuture<'_, Result<(), DbError>>;
    /// History records (their text), oldest first.
    fn history(&self, query: HistoryQuery) -> LocalFuture<'_, Result<Vec<String>, DbError>>;
    /// Removes history recorded before `before` (epoch ms); returns how many went.
    fn prune(&self, before: f64) -> LocalFuture<'_, Result<usize, DbError>>;
    /// Removes the `n` oldest history records; returns how many went.
    fn drop_oldest(&self, n: u32) -> LocalFuture<'_, Result<usize, DbError>>;
    /// How many history records there are, and when the oldest and newest were recorded.
    fn history_span(&self) -> LocalFuture<'_, Result<Span, DbError>>;
    /// Removes everything (the profile's data is forgotten).
    fn destroy(&self) -> LocalFuture<'_, Result<(), DbError>>;
    /// The layout version the data had before this version upgraded it, if it did (what
    /// that layout kept elsewhere is set aside, not read).
    fn upgraded_from(&self) -> Option<u32> {
        None
    }
}
