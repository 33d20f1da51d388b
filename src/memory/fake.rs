//! An in-memory [`Backend`] for tests: the same behaviour as IndexedDB for what the console
//! uses, plus what a test needs to provoke: a quota (writes that would pass it fail with
//! [`DbError::Quota`], as a full disk does) and records written by hand (garbage).

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::backend::{Backend, Batch, DbError, HistoryQuery, HistoryRow, LocalFuture, Span, Store};

/// History keyed like IndexedDB's: time (as ordered bits), subject, seq.
type HistoryKey = (i64, String, u32);

/// The records of one profile, in memory.
#[derive(Default)]
pub struct FakeBackend {
    stores: RefCell<BTreeMap<(Store, String), String>>,
    history: RefCell<BTreeMap<HistoryKey, HistoryRow>>,
    /// The most bytes the backend holds; `None`: unlimited.
    pub quota: Cell<Option<usize>>,
    /// Writes that failed for lack of room.
    pub refused: Cell<usize>,
}

impl FakeBackend {
    /// The bytes held now.
    pub fn bytes(&self) -> usize {
        let stores: usize = self
            .stores
            .borrow()
            .iter()
            .map(|((_, k), v)| k.len() + v.len())
            .sum();
        let history: usize = self
            .history
            .borrow()
            .values()
            .map(|h| h.subject.len() + h.json.len())
            .sum();
        stores + history
    }

    /// Writes `value` under `key` in `store` as is (a test's garbage record).
    pub fn put_raw(&self, store: Store, key: &str, value: &str) {
        self.stores
            .borrow_mut()
            .insert((store, key.to_owned()), value.to_owned());
    }

    /// Every record of `store`.
    pub fn raw(&self, store: Store) -> Vec<(String, String)> {
        self.stores
            .borrow()
            .iter()
            .filter(|((s, _), _)| *s == store)
            .map(|((_, k), v)| (k.clone(), v.clone()))
            .collect()
    }

    /// How many history records there are.
    pub fn history_len(&self) -> usize {
        self.history.borrow().len()
    }
}

/// An opener giving every profile the memory kept in `backend` (a test that looks at what was
/// stored, or two mounts of "the same browser").
pub fn opener_on(backend: std::rc::Rc<FakeBackend>) -> super::context::Opener {
    use futures::FutureExt;
    std::rc::Rc::new(move |_name: String| {
        let backend = std::rc::Rc::clone(&backend) as std::rc::Rc<dyn Backend>;
        super::split::load(backend).boxed_local()
    })
}

/// An opener giving every profile an empty memory of its own.
pub fn opener() -> super::context::Opener {
    opener_on(std::rc::Rc::new(FakeBackend::default()))
}

fn key(row: &HistoryRow) -> HistoryKey {
    (row.at as i64, row.subject.clone(), row.seq)
}

impl Backend for FakeBackend {
    fn page(
        &self,
        store: Store,
        after: Option<String>,
        limit: u32,
    ) -> LocalFuture<'_, Result<Vec<(String, String)>, DbError>> {
        Box::pin(async move {
            Ok(self
                .raw(store)
                .into_iter()
                .filter(|(k, _)| after.as_ref().is_none_or(|a| k > a))
                .take(limit as usize)
                .collect())
        })
    }

    fn get(
        &self,
        store: Store,
        keys: Vec<String>,
    ) -> LocalFuture<'_, Result<Vec<Option<String>>, DbError>> {
        Box::pin(async move {
            let stores = self.stores.borrow();
            Ok(keys
                .into_iter()
                .map(|k| stores.get(&(store, k)).cloned())
                .collect())
        })
    }

    fn write(&self, batch: Batch) -> LocalFuture<'_, Result<(), DbError>> {
        Box::pin(async move {
            if self
                .quota
                .get()
                .is_some_and(|quota| self.bytes() + batch.bytes() > quota)
            {
                self.refused.set(self.refused.get() + 1);
                return Err(DbError::Quota);
            }
            let mut stores = self.stores.borrow_mut();
            for (store, key, value) in batch.puts {
                stores.insert((store, key), value);
            }
            let mut history = self.history.borrow_mut();
            for row in batch.history {
                history.insert(key(&row), row);
            }
            Ok(())
        })
    }

    fn history(&self, query: HistoryQuery) -> LocalFuture<'_, Result<Vec<String>, DbError>> {
        Box::pin(async move {
            let history = self.history.borrow();
            Ok(history
                .values()
                .filter(|row| match &query {
                    HistoryQuery::Since(at) => row.at >= *at,
                    HistoryQuery::Of(subject) => row.subject == *subject,
                })
                .map(|row| row.json.clone())
                .collect())
        })
    }

    fn prune(&self, before: f64) -> LocalFuture<'_, Result<usize, DbError>> {
        Box::pin(async move {
            let mut history = self.history.borrow_mut();
            let was = history.len();
            history.retain(|_, row| row.at >= before);
            Ok(was - history.len())
        })
    }

    fn drop_oldest(&self, n: u32) -> LocalFuture<'_, Result<usize, DbError>> {
        Box::pin(async move {
            let mut history = self.history.borrow_mut();
            let oldest: Vec<HistoryKey> = history.keys().take(n as usize).cloned().collect();
            for k in &oldest {
                history.remove(k);
            }
            Ok(oldest.len())
        })
    }

    fn history_span(&self) -> LocalFuture<'_, Result<Span, DbError>> {
        Box::pin(async move {
            let history = self.history.borrow();
            let span = history
                .values()
                .next()
                .zip(history.values().next_back())
                .map(|(a, b)| (a.at, b.at));
            Ok((history.len(), span))
        })
    }

    fn destroy(&self) -> LocalFuture<'_, Result<(), DbError>> {
        Box::pin(async move {
            self.stores.borrow_mut().clear();
            self.history.borrow_mut().clear();
            Ok(())
        })
    }
}
