//! The proxy's HTTP/1.1 server: hyper's `server::conn::http1` with [`super::handle`] as the
//! service, on one single-threaded runtime per core sharing the listening socket (nginx's
//! worker model): a request is handled start to end on one thread, with its own upstream
//! pool. HTTP/1.1 only (no HTTP/2 sniffing), request heads capped and timed, graceful stop.

use std::convert::Infallible;
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::Proxy;
use crate::serve::{shutdown_signal, Bound};

/// A client must send a whole request head within this (slow-header attacks).
const HEAD_TIMEOUT: Duration = Duration::from_secs(30);
/// Read buffer cap, hence the largest request head (hyper's default is ~400 KB).
const MAX_BUF: usize = 64 * 1024;
/// After the stop signal, connections still busy are dropped after this.
const DRAIN: Duration = Duration::from_secs(5);

/// Serves `proxy` on `listener` until `shutdown` completes, then lets the requests in flight
/// finish (up to [`DRAIN`]).
pub async fn serve(
    listener: TcpListener,
    proxy: Arc<Proxy>,
    shutdown: impl Future<Output = ()>,
) -> Result<(), String> {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_buf_size(MAX_BUF);
    let builder = Arc::new(builder);
    // A value on `stop` tells every connection to finish its request and close; each holds a
    // receiver until it has, so `stop.closed()` says when all are done.
    let (stop, stopped) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: back off instead of spinning.
                eprintln!("proxy: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let (proxy, builder, mut stopped) = (proxy.clone(), builder.clone(), stopped.clone());
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let proxy = proxy.clone();
                async move { Ok::<_, Infallible>(super::handle(&proxy, request).await) }
            });
            let mut conn = pin!(builder.serve_connection(TokioIo::new(stream), service));
            tokio::select! {
                _ = conn.as_mut() => return,
                _ = stopped.changed() => conn.as_mut().graceful_shutdown(),
            }
            let _ = conn.await;
            drop(stopped);
        });
    }
    let _ = stop.send(());
    drop(stopped);
    let _ = tokio::time::timeout(DRAIN, stop.closed()).await;
    Ok(())
}

/// Serves `proxy` on `threads` threads, each with its own single-threaded runtime accepting on
/// the same listening socket. Blocks until Ctrl-C or SIGTERM and the connections' drain.
pub fn run_per_thread(bound: Bound, proxy: Arc<Proxy>, threads: usize) -> Result<(), String> {
    let listener = bound
        .listener
        .into_std()
        .map_err(|e| format!("cannot share the listener: {e}"))?;
    let workers = (0..threads.max(1))
        .map(|i| {
            let listener = listener
                .try_clone()
                .map_err(|e| format!("cannot share the listener: {e}"))?;
            let proxy = proxy.clone();
            std::thread::Builder::new()
                .name(format!("worker-{i}"))
                .spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .map_err(|e| format!("cannot start a runtime: {e}"))?;
                    runtime.block_on(async move {
                        let listener = TcpListener::from_std(listener)
                            .map_err(|e| format!("cannot use the listener: {e}"))?;
                        serve(listener, proxy, shutdown_signal()).await
                    })
                })
                .map_err(|e| format!("cannot start a worker thread: {e}"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    drop(listener);
    workers.into_iter().try_for_each(|w| {
        w.join()
            .unwrap_or_else(|_| Err("a worker thread panicked".into()))
    })
}
