//! When work the admin does not see yet may run: [`painted`] resolves once the page's next frame
//! is on screen, [`idle`] in the browser's first idle period after it. A page's first rows are
//! painted before anything it does on the side (the search index, a section's chunk, storing what
//! it read) takes the CPU: on two cores that work would otherwise delay the frame.

use std::cell::Cell;

use futures::channel::oneshot;
use futures::future::{select, Either};
use gloo_timers::future::TimeoutFuture;

/// How long [`painted`] waits for a frame at most: a hidden tab paints none.
const FRAME_WAIT_MS: u32 = 100;

/// Resolves on the task after the next frame has been painted (an animation frame, then a
/// timer: the frame's rendering runs between the two), or after [`FRAME_WAIT_MS`] if no frame
/// comes (a hidden tab).
pub async fn painted() {
    let (tx, rx) = oneshot::channel::<()>();
    let tx = Cell::new(Some(tx));
    leptos::prelude::request_animation_frame(move || {
        if let Some(tx) = tx.take() {
            let _ = tx.send(());
        }
    });
    let frame = Box::pin(async move {
        if rx.await.is_ok() {
            TimeoutFuture::new(0).await;
        }
    });
    if let Either::Right(_) = select(frame, TimeoutFuture::new(FRAME_WAIT_MS)).await {
        // No frame: the page is not shown, nothing to wait for.
    }
}

/// Resolves in the browser's first idle period (`requestIdleCallback`) after [`painted`].
pub async fn idle() {
    painted().await;
    let (tx, rx) = oneshot::channel::<()>();
    let tx = Cell::new(Some(tx));
    leptos::prelude::request_idle_callback(move || {
        if let Some(tx) = tx.take() {
            let _ = tx.send(());
        }
    });
    let _ = rx.await;
}
