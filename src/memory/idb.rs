//! [`Backend`] on the browser's IndexedDB: one database per profile, three object stores of
//! text records keyed by text, and a `history` store keyed by `[time, subject, seq]` with an
//! index on the subject. Every IndexedDB request is awaited as a promise; a write is one
//! transaction whose completion is awaited, so once `write` returns the records are stored.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbFactory, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use super::backend::{Backend, Batch, DbError, HistoryQuery, LocalFuture, Span, Store};

/// The database layout version (IndexedDB's own version number).
pub const VERSION: u32 = 1;
const HISTORY: &str = "history";
const BY_SUBJECT: &str = "by_subject";

/// A profile's open database.
pub struct Idb {
    db: IdbDatabase,
    name: String,
    /// The layout version the database had before this open upgraded it, if it did.
    pub upgraded_from: Option<u32>,
}

fn factory() -> Result<IdbFactory, DbError> {
    let window = web_sys::window().ok_or_else(|| DbError::Unavailable("no window".into()))?;
    window
        .indexed_db()
        .map_err(|e| DbError::Unavailable(message(&e)))?
        .ok_or_else(|| DbError::Unavailable("no IndexedDB in this browser".into()))
}

/// The name and message of a DOM error, for a notice.
fn message(e: &JsValue) -> String {
    if let Some(e) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn error(e: JsValue) -> DbError {
    match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
        Some(name) if name == "QuotaExceededError" => DbError::Quota,
        Some(name) if name == "VersionError" => DbError::Newer,
        _ => DbError::Failed(message(&e)),
    }
}

/// A promise settled by `request`'s success (its result) or error (its error).
fn settled(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let (ok, failed) = (request.clone(), request.clone());
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise settled when `tx` completes (or fails, or is aborted).
fn completed(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let failed = tx.clone();
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let reject_with = move || {
            let error = failed.error().map_or(JsValue::UNDEFINED, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        };
        let on_fail: Closure<dyn FnMut()> = Closure::new(reject_with);
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_fail.as_ref().unchecked_ref()));
        tx.set_onabort(Some(on_fail.as_ref().unchecked_ref()));
        on_fail.forget();
    });
    JsFuture::from(promise)
}

async fn request(request: Result<IdbRequest, JsValue>) -> Result<JsValue, DbError> {
    settled(&request.map_err(error)?).await.map_err(error)
}

/// `[time]`: a history key bound (keys are `[time, subject, seq]`).
fn time_key(at: f64) -> JsValue {
    Array::of1(&JsValue::from_f64(at)).into()
}

impl Idb {
    /// Opens (creating or upgrading) the database `name` at [`VERSION`]. A database of a newer
    /// layout is [`DbError::Newer`] and left as it is.
    pub async fn open(name: &str) -> Result<Self, DbError> {
        Self::open_at(name, VERSION).await
    }

    /// [`open`](Self::open) at layout `version` (tests open older layouts this way).
    pub async fn open_at(name: &str, version: u32) -> Result<Self, DbError> {
        let open = factory()?
            .open_with_u32(name, version)
            .map_err(|e| DbError::Unavailable(message(&e)))?;
        let upgrading = open.clone();
        let from = std::rc::Rc::new(std::cell::Cell::new(None));
        let seen = std::rc::Rc::clone(&from);
        let on_upgrade = Closure::once_into_js(move |event: web_sys::IdbVersionChangeEvent| {
            let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else {
                return;
            };
            let old = event.old_version() as u32;
            upgrade(&db);
            seen.set((old > 0).then_some(old));
        });
        open.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db: IdbDatabase = settled(&open)
            .await
            .map_err(error)?
            .dyn_into()
            .map_err(|_| DbError::Failed("open returned no database".into()))?;
        // Another tab upgrading or deleting this database: let it, by closing ours.
        let closing = db.clone();
        let on_version = Closure::<dyn FnMut()>::new(move || closing.close());
        db.set_onversionchange(Some(on_version.as_ref().unchecked_ref()));
        on_version.forget();
        Ok(Self {
            db,
            name: name.to_owned(),
            upgraded_from: from.get(),
        })
    }

    /// The names of the database's object stores (those of an older layout included).
    pub fn store_names(&self) -> Vec<String> {
        let names = self.db.object_store_names();
        (0..names.length()).filter_map(|i| names.get(i)).collect()
    }

    fn tx(&self, stores: &[&str], write: bool) -> Result<IdbTransaction, DbError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        self.db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(error)
    }

    fn store(&self, name: &str, write: bool) -> Result<IdbObjectStore, DbError> {
        self.tx(&[name], write)?.object_store(name).map_err(error)
    }
}

/// Creates the stores this version reads that the database lacks. Stores of an older layout
/// under other names are set aside: left as they are, never read (Settings › Data forgets
/// them with the rest); records of another version in these stores are skipped when read.
fn upgrade(db: &IdbDatabase) {
    let names = db.object_store_names();
    let has = |name: &str| (0..names.length()).any(|i| names.get(i).as_deref() == Some(name));
    for store in Store::ALL {
        if !has(store.name()) {
            let _ = db.create_object_store(store.name());
        }
    }
    if !has(HISTORY) {
        if let Ok(history) = db.create_object_store(HISTORY) {
            let _ = history.create_index_with_str(BY_SUBJECT, "s");
        }
    }
}

/// The items of `value` if it is an array (a request's result), else none.
fn items(value: &JsValue) -> Array {
    value.dyn_ref::<Array>().cloned().unwrap_or_default()
}

fn strings(value: JsValue) -> Vec<String> {
    items(&value)
        .iter()
        .map(|v| v.as_string().unwrap_or_default())
        .collect()
}

impl Backend for Idb {
    fn page(
        &self,
        store: Store,
        after: Option<String>,
        limit: u32,
    ) -> LocalFuture<'_, Result<Vec<(String, String)>, DbError>> {
        Box::pin(async move {
            let objects = self.store(store.name(), false)?;
            let range = match after {
                Some(after) => IdbKeyRange::lower_bound_with_open(&JsValue::from_str(&after), true)
                    .map_err(error)?
                    .into(),
                None => JsValue::UNDEFINED,
            };
            // Both requests before either answer: a transaction ends when it has none left.
            let keys = settled(
                &objects
                    .get_all_keys_with_key_and_limit(&range, limit)
                    .map_err(error)?,
            );
            let values = settled(
                &objects
                    .get_all_with_key_and_limit(&range, limit)
                    .map_err(error)?,
            );
            let (keys, values) = (keys.await.map_err(error)?, values.await.map_err(error)?);
            Ok(strings(keys).into_iter().zip(strings(values)).collect())
        })
    }

    fn get(
        &self,
        store: Store,
        keys: Vec<String>,
    ) -> LocalFuture<'_, Result<Vec<Option<String>>, DbError>> {
        Box::pin(async move {
            let objects = self.store(store.name(), false)?;
            // Every request first, then the answers: one transaction, one round.
            let pending: Vec<_> = keys
                .iter()
                .map(|k| objects.get(&JsValue::from_str(k)).map_err(error))
                .collect::<Result<_, _>>()?;
            let mut found = Vec::with_capacity(pending.len());
            for req in pending {
                found.push(settled(&req).await.map_err(error)?.as_string());
            }
            Ok(found)
        })
    }

    fn write(&self, batch: Batch) -> LocalFuture<'_, Result<(), DbError>> {
        Box::pin(async move {
            let mut names: Vec<&str> = batch.puts.iter().map(|(s, _, _)| s.name()).collect();
            if !batch.history.is_empty() {
                names.push(HISTORY);
            }
            names.sort_unstable();
            names.dedup();
            if names.is_empty() {
                return Ok(());
            }
            let tx = self.tx(&names, true)?;
            let done = completed(&tx);
            for (store, key, value) in &batch.puts {
                let objects = tx.object_store(store.name()).map_err(error)?;
                objects
                    .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
                    .map_err(error)?;
            }
            if !batch.history.is_empty() {
                let history = tx.object_store(HISTORY).map_err(error)?;
                for row in &batch.history {
                    let key = Array::of3(
                        &JsValue::from_f64(row.at),
                        &JsValue::from_str(&row.subject),
                        &JsValue::from(row.seq),
                    );
                    let value = Object::new();
                    let _ = Reflect::set(&value, &"s".into(), &JsValue::from_str(&row.subject));
                    let _ = Reflect::set(&value, &"j".into(), &JsValue::from_str(&row.json));
                    history.put_with_key(&value, &key).map_err(error)?;
                }
            }
            done.await.map(drop).map_err(error)
        })
    }

    fn history(&self, query: HistoryQuery) -> LocalFuture<'_, Result<Vec<String>, DbError>> {
        Box::pin(async move {
            let history = self.store(HISTORY, false)?;
            let values = match query {
                HistoryQuery::Since(at) => {
                    let range = IdbKeyRange::lower_bound(&time_key(at)).map_err(error)?;
                    request(history.get_all_with_key(&range)).await?
                }
                HistoryQuery::Of(subject) => {
                    let index = history.index(BY_SUBJECT).map_err(error)?;
                    request(index.get_all_with_key(&JsValue::from_str(&subject))).await?
                }
            };
            let json = |v: JsValue| Reflect::get(&v, &"j".into()).ok()?.as_string();
            Ok(items(&values).iter().filter_map(json).collect())
        })
    }

    fn prune(&self, before: f64) -> LocalFuture<'_, Result<usize, DbError>> {
        Box::pin(async move {
            let tx = self.tx(&[HISTORY], true)?;
            let done = completed(&tx);
            let history = tx.object_store(HISTORY).map_err(error)?;
            let range =
                IdbKeyRange::upper_bound_with_open(&time_key(before), true).map_err(error)?;
            // Counted, then deleted: both queued at once, answered in order.
            let count = settled(&history.count_with_key(&range).map_err(error)?);
            history.delete(&range).map_err(error)?;
            let count = count.await.map_err(error)?;
            done.await.map_err(error)?;
            Ok(count.as_f64().unwrap_or(0.0) as usize)
        })
    }

    fn drop_oldest(&self, n: u32) -> LocalFuture<'_, Result<usize, DbError>> {
        Box::pin(async move {
            let oldest = self.store(HISTORY, false)?;
            let keys =
                request(oldest.get_all_keys_with_key_and_limit(&JsValue::UNDEFINED, n)).await?;
            let keys = items(&keys);
            let Some(last) = keys.iter().last() else {
                return Ok(0);
            };
            let tx = self.tx(&[HISTORY], true)?;
            let done = completed(&tx);
            let range = IdbKeyRange::upper_bound(&last).map_err(error)?;
            tx.object_store(HISTORY)
                .map_err(error)?
                .delete(&range)
                .map_err(error)?;
            done.await.map_err(error)?;
            Ok(keys.length() as usize)
        })
    }

    fn history_span(&self) -> LocalFuture<'_, Result<Span, DbError>> {
        Box::pin(async move {
            let history = self.store(HISTORY, false)?;
            let count = settled(&history.count().map_err(error)?);
            let first = settled(
                &history
                    .get_all_keys_with_key_and_limit(&JsValue::UNDEFINED, 1)
                    .map_err(error)?,
            );
            let last = settled(
                &history
                    .open_key_cursor_with_range_and_direction(
                        &JsValue::UNDEFINED,
                        web_sys::IdbCursorDirection::Prev,
                    )
                    .map_err(error)?,
            );
            let count = count.await.map_err(error)?.as_f64().unwrap_or(0.0) as usize;
            let first = items(&first.await.map_err(error)?).get(0);
            let last = last
                .await
                .map_err(error)?
                .dyn_into::<web_sys::IdbCursor>()
                .ok()
                .and_then(|c| c.key().ok());
            // A key is `[time, subject, seq]`; none when the history is empty.
            let time = |key: &JsValue| items(key).get(0).as_f64();
            let span = time(&first).zip(last.as_ref().and_then(time));
            Ok((count, span))
        })
    }

    fn upgraded_from(&self) -> Option<u32> {
        self.upgraded_from
    }

    fn destroy(&self) -> LocalFuture<'_, Result<(), DbError>> {
        Box::pin(async move {
            self.db.close();
            request(factory()?.delete_database(&self.name).map(Into::into)).await?;
            Ok(())
        })
    }
}
