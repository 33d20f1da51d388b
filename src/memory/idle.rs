//! `idle()`: waits for the browser's next idle period, so the memory's reading, diffing and
//! writing start after the page has shown what it just received, not between it and the paint.

use std::cell::Cell;

use futures::channel::oneshot;

/// Resolves in the browser's next idle period (`requestIdleCallback`).
pub async fn idle() {
    let (tx, rx) = oneshot::channel::<()>();
    let tx = Cell::new(Some(tx));
    leptos::prelude::request_idle_callback(move || {
        if let Some(tx) = tx.take() {
            let _ = tx.send(());
        }
    });
    let _ = rx.await;
}
