//! `listen`: a DOM event listener that lives exactly as long as the component that added it.
//! The one way the console listens on `window` or `document` (unsaved guard, shortcuts).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Adds `handler` for `name` on `target`, removed when the calling component unmounts.
pub fn listen(
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
