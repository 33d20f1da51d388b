//! The landing page's summary request (`routes::summary_paths`), sent before the console has
//! mounted.
//!
//! On each such start the console leaves a hint in localStorage: the request's URL and where its
//! token is kept (a storage key, or config.json's public demo token), never a saved token. On
//! the next load `public/boot.js` sends that request while the wasm is still loading. The
//! console takes the response if the hint still describes the request it would send now, and
//! otherwise aborts it and sends its own at once; either way the page's request finds it
//! started (`transport::adopt`).

use js_sys::{Array, Promise, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

use super::Api;
use crate::routes;
use crate::session::storage;

/// Where boot.js leaves the request it sent: `{ hint, response, controller }`.
const SENT: &str = "ztBootRequest";

/// A request boot.js sent: the hint it followed, fetch's promise, and its abort controller.
struct Sent {
    hint: String,
    response: Promise,
    controller: AbortController,
}

/// Starts (or takes over) the summary request of the page at the address, if it opens on one,
/// and leaves the hint for the next load.
pub fn start(api: &Api) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let sent = take_sent(&window);
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let request = routes::opens_on_summary(&path, &search)
        .then(|| api.summary_request().ok())
        .flatten();
    let Some(request) = request else {
        abort(sent);
        return;
    };
    let hint = hint(&request.url, api.session().token_source());
    match sent {
        Some(sent) if sent.hint == hint => api.adopt(request, sent.response, sent.controller),
        other => {
            abort(other);
            api.start(request);
        }
    }
    storage::set_device_value(storage::KEY_BOOT_REQUEST, Some(&hint));
}

/// The hint boot.js reads: `[paths that open on the summary, url, token key, demo token]`, as
/// JSON written by the browser.
pub fn hint(url: &str, (key, demo_token): (String, Option<String>)) -> String {
    let paths: Array = routes::summary_paths().map(JsValue::from).collect();
    let demo_token = demo_token.map_or(JsValue::NULL, |t| t.into());
    let hint = Array::of4(&paths, &url.into(), &key.into(), &demo_token);
    JSON::stringify(&hint).map(String::from).unwrap_or_default()
}

/// The request boot.js sent, if any, removed from the page's globals.
fn take_sent(window: &web_sys::Window) -> Option<Sent> {
    let sent = Reflect::get(window, &SENT.into()).ok()?;
    let _ = Reflect::delete_property(window, &SENT.into());
    let field = |name: &str| Reflect::get(&sent, &name.into()).unwrap_or(JsValue::UNDEFINED);
    Some(Sent {
        hint: field("hint").as_string()?,
        response: field("response").dyn_into().ok()?,
        controller: field("controller").dyn_into().ok()?,
    })
}

fn abort(sent: Option<Sent>) {
    if let Some(sent) = sent {
        sent.controller.abort();
    }
}
