//! Guards unsaved edits: while `dirty` holds, closing or reloading the tab and following an
//! in-app link both ask first. Only intercepts; it never navigates by itself.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Installs both guards for as long as the calling component lives.
pub fn use_unsaved_guard(dirty: Signal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let is_dirty = move || dirty.try_get_untracked().unwrap_or(false);
    listen(window.clone().into(), "beforeunload", false, move |ev| {
        if is_dirty() {
            ev.prevent_default();
            if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value("You have unsaved changes.");
            }
        }
    });
    // Capture phase: runs before the router's own link handling.
    if let Some(document) = window.document() {
        listen(document.into(), "click", true, move |ev| {
            if is_dirty() && !ev.default_prevented() && leaving_link(&ev) && !confirm_discard(true)
            {
                ev.prevent_default();
            }
        });
    }
}

/// Adds `handler` for `name` on `target`, removed when the calling component unmounts.
fn listen(
    target: web_sys::EventTarget,
    name: &'static str,
    capture: bool,
    handler: impl Fn(web_sys::Event) + 'static,
) {
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let function: js_sys::Function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if target
        .add_event_listener_with_callback_and_bool(name, &function, capture)
        .is_err()
    {
        return;
    }
    let held = send_wrapper::SendWrapper::new((target, closure, function));
    on_cleanup(move || {
        let (target, closure, function) = held.take();
        let _ = target.remove_event_listener_with_callback_and_bool(name, &function, capture);
        drop(closure);
    });
}

/// Whether the click `ev` follows a link that would leave this page in this tab.
fn leaving_link(ev: &web_sys::Event) -> bool {
    let modified = ev
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|m| m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key());
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

/// Asks before an in-app navigation drops unsaved edits; true means "go ahead".
pub fn confirm_discard(dirty: bool) -> bool {
    !dirty
        || web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(
                    "You have unsaved changes. Leave this page and discard them?",
                )
                .ok()
            })
            .unwrap_or(true)
}
