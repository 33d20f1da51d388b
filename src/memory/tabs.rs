//! Two tabs of one profile work on one store: a Web Lock per user (`navigator.locks`) makes a
//! tab wait while another fetches that user, a Web Lock per load tells the other tabs a load is
//! running and since when ([`held`]), and a `BroadcastChannel` per profile tells the other tabs
//! what was stored, so they read it without a reload. Where the browser has
//! neither, each tab works alone, as before.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// Runs `work` while holding the Web Lock `name` (exclusive among every tab of this origin);
/// without Web Locks, runs it at once. `None` if the browser refused the lock (the work did
/// not run).
pub async fn with_lock<T: 'static, F>(name: &str, work: impl FnOnce() -> F + 'static) -> Option<T>
where
    F: Future<Output = T> + 'static,
{
    let result: Rc<RefCell<Option<T>>> = Rc::default();
    let request = locks().and_then(|locks| {
        let request: Function = Reflect::get(&locks, &"request".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some((locks, request))
    });
    let Some((locks, request)) = request else {
        return Some(work().await);
    };
    let slot = Rc::clone(&result);
    let held = Closure::once_into_js(move |_lock: JsValue| -> Promise {
        future_to_promise(async move {
            let value = work().await;
            *slot.borrow_mut() = Some(value);
            Ok(JsValue::UNDEFINED)
        })
    });
    let granted = request
        .call2(&locks, &JsValue::from_str(name), &held)
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok());
    if let Some(granted) = granted {
        let _ = JsFuture::from(granted).await;
    }
    let taken = result.borrow_mut().take();
    taken
}

/// The names of the Web Locks held now, by any tab of this origin, that start with `prefix`
/// (none without Web Locks).
pub async fn held(prefix: &str) -> Vec<String> {
    let Some(snapshot) = locks().and_then(|locks| {
        let query: Function = Reflect::get(&locks, &"query".into())
            .ok()?
            .dyn_into()
            .ok()?;
        query.call0(&locks).ok()?.dyn_into::<Promise>().ok()
    }) else {
        return Vec::new();
    };
    let Ok(snapshot) = JsFuture::from(snapshot).await else {
        return Vec::new();
    };
    let held = Reflect::get(&snapshot, &"held".into()).unwrap_or(JsValue::UNDEFINED);
    js_sys::Array::from(&held)
        .iter()
        .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
        .filter(|name| name.starts_with(prefix))
        .collect()
}

fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// A profile's channel between tabs: what one tab stored, the others hear about.
pub struct Channel {
    channel: web_sys::BroadcastChannel,
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Channel {
    /// Opens channel `name`; `heard` gets every message another tab posts (as text).
    pub fn open(name: &str, mut heard: impl FnMut(String) + 'static) -> Option<Self> {
        let channel = web_sys::BroadcastChannel::new(name).ok()?;
        let listener =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(text) = e.data().as_string() {
                    heard(text);
                }
            });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _listener: listener,
        })
    }

    /// Tells the other tabs `message`.
    pub fn post(&self, message: &str) {
        let _ = self.channel.post_message(&JsValue::from_str(message));
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
