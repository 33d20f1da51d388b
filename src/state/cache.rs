//! A short-lived cache of read results, so navigating back to a list reuses fresh data and one
//! view never fetches the same thing twice. Writes invalidate what they change.

use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

/// How long a read result counts as fresh.
pub const FRESH_MS: f64 = 60_000.0;

type Entry = (f64, Arc<dyn Any + Send + Sync>);

/// Keyed read results with the time they arrived; provided once at the root.
#[derive(Clone, Copy)]
pub struct Cache {
    entries: StoredValue<HashMap<String, Entry>>,
}

impl Default for Cache {
    fn default() -> Self {
        Self {
            entries: StoredValue::new(HashMap::new()),
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

impl Cache {
    /// A fresh value under `key`, if there is one.
    pub fn get<T: Clone + Send + Sync + 'static>(&self, key: &str) -> Option<T> {
        self.entries.with_value(|entries| {
            let (at, value) = entries.get(key)?;
            (now() - at < FRESH_MS)
                .then(|| value.downcast_ref::<T>().cloned())
                .flatten()
        })
    }

    /// Stores `value` under `key` as of now.
    pub fn put<T: Send + Sync + 'static>(&self, key: &str, value: T) {
        self.entries.update_value(|entries| {
            entries.insert(key.to_owned(), (now(), Arc::new(value)));
        });
    }

    /// Forgets every entry whose key starts with `prefix`.
    pub fn invalidate(&self, prefix: &str) {
        self.entries
            .update_value(|entries| entries.retain(|key, _| !key.starts_with(prefix)));
    }
}
