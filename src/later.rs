//! When work the admin does not see yet may run: [`painted`] resolves once the page's next frame
//! is on screen, [`idle`] in the browser's first idle period after it. A page's first rows are
//! painted before anything it does on the side (the search index, a section's chunk, storing what
//! it read) takes the CPU: on two cores that work would otherwise delay the frame.

use std::cell::Cell;

use futures::channel::oneshot;
use futures::future::select;
use gloo_timers::future::TimeoutFuture;

/// How long [`painted`] waits for a frame at most: a hidden tab paints none.
const FRAME_WAIT_MS: u32 = 100;

/// Resolves on the task after the next frame has been painted (an animation frame, then a
/// timer: the frame's rendering runs between the two), or after [`FRAME_WAIT_MS`] if no frame
/// comes (a hidden tab).
pub async fn painted() {
    let frame = Box::pin(async {
        called_back(leptos::prelude::request_animation_frame).await;
        TimeoutFuture::new(0).await;
    });
    // Whichever comes first: a hidden tab paints no frame.
    select(frame, TimeoutFuture::new(FRAME_WAIT_MS)).await;
}

/// Resolves in the browser's first idle period (`requestIdleCallback`) after [`painted`].
pub async fn idle() {
    painted().await;
    called_back(leptos::prelude::request_idle_callback).await;
}

/// Resolves once the callback handed to `register` is called (the first time).
async fn called_back(register: impl FnOnce(Box<dyn Fn()>)) {
    let (tx, rx) = oneshot::channel::<()>();
    let tx = Cell::new(Some(tx));
    register(Box::new(move || {
        if let Some(tx) = tx.take() {
            let _ = tx.send(());
        }
    }));
    let _ = rx.await;
}
