//! Asks before an in-app link drops unsaved edits: a capture-phase click listener on the
//! document that runs before the router's own link handling.
//!
//! It only intercepts; it never navigates by itself. The tab itself is guarded by
//! `state::unsaved::use_unsaved_guard` (beforeunload).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::state::unsaved::confirm_discard;

/// Whether the click `ev` follows an in-page link that would leave this page.
fn leaving_link(ev: &web_sys::Event) -> bool {
    let modified = ["ctrlKey", "metaKey", "shiftKey", "altKey"]
        .iter()
        .any(|k| {
            js_sys::Reflect::get(ev, &(*k).into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        });
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return false;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let new_tab = link.get_attribute("target").is_some_and(|t| t != "_self");
    !modified && !new_tab && !href.starts_with('#') && !link.has_attribute("download")
}

/// While `dirty` holds, a click on a link asks first and is cancelled if the admin declines.
/// The listener is removed when the calling component unmounts.
pub fn use_leave_guard(dirty: Signal<bool>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let dirty = dirty.try_get_untracked().unwrap_or(false);
        if dirty && !ev.default_prevented() && leaving_link(&ev) && !confirm_discard(true) {
            ev.prevent_default();
        }
    });
    let function: js_sys::Function = handler.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if document
        .add_event_listener_with_callback_and_bool("click", &function, true)
        .is_err()
    {
        return;
    }
    let held = send_wrapper::SendWrapper::new((handler, function));
    on_cleanup(move || {
        let (handler, function) = held.take();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.remove_event_listener_with_callback_and_bool("click", &function, true);
        }
        drop(handler);
    });
}
