//! When the memory works: [`idle`] (the browser's first idle period after the next painted
//! frame, [`crate::later::idle`]) before recording what the page just received, so it is shown
//! first; [`quiet`] between two slices of writing. Both wait until no key, pointer or input
//! event came for [`QUIET_MS`]: storing never runs while the admin types.
//!
//! The time of the last input is the page's, not a component's: one capture listener on the
//! window, added on the first call, keeps it in a thread-local cell (the page has one thread).

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long after the last input the memory waits before working again: longer than the gap
/// between two keystrokes of someone typing, short enough to be unnoticed otherwise.
pub const QUIET_MS: f64 = 400.0;

/// The events that say the admin is using the page.
const INPUTS: [&str; 4] = ["keydown", "input", "pointerdown", "wheel"];

thread_local! {
    /// Epoch ms of the last input event; `None` until the listener is added.
    static LAST_INPUT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Resolves in an idle period of the browser after the next painted frame, at least
/// [`QUIET_MS`] after the last input.
pub async fn idle() {
    crate::later::idle().await;
    quiet().await;
}

/// Resolves on a later task (`setTimeout(0)`: the page paints and handles what came in between)
/// once no input came for [`QUIET_MS`]. Not an idle callback: a long load keeps the page busy,
/// and the browser's garbage collector works in its idle periods.
pub async fn quiet() {
    listen();
    gloo_timers::future::TimeoutFuture::new(0).await;
    loop {
        let since = now() - LAST_INPUT.with(Cell::get).unwrap_or(f64::NEG_INFINITY);
        if since >= QUIET_MS {
            return;
        }
        gloo_timers::future::TimeoutFuture::new((QUIET_MS - since).ceil() as u32).await;
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Adds the window's input listener, once.
fn listen() {
    if LAST_INPUT.with(Cell::get).is_some() {
        return;
    }
    LAST_INPUT.with(|l| l.set(Some(f64::NEG_INFINITY)));
    let Some(window) = web_sys::window() else {
        return;
    };
    let heard = Closure::<dyn Fn()>::new(|| LAST_INPUT.with(|l| l.set(Some(now()))));
    for name in INPUTS {
        // Capture: heard before any handler of the page can stop it.
        let _ = window.add_event_listener_with_callback_and_bool(
            name,
            heard.as_ref().unchecked_ref(),
            true,
        );
    }
    // Listens for the page's whole life.
    heard.forget();
}
