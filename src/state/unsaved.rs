//! Guards unsaved edits: while `dirty` holds, closing or reloading the tab asks first.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Installs a `beforeunload` guard for as long as the calling component lives.
pub fn use_unsaved_guard(dirty: Signal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value("You have unsaved changes.");
            }
        },
    );
    let function: js_sys::Function = handler.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if window
        .add_event_listener_with_callback("beforeunload", &function)
        .is_err()
    {
        return;
    }
    let held = send_wrapper::SendWrapper::new((handler, function));
    on_cleanup(move || {
        let (handler, function) = held.take();
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("beforeunload", &function);
        }
        drop(handler);
    });
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
