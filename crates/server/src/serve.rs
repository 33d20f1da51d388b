//! Binding, the "ready" line and graceful shutdown, shared by every subcommand.

use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;

/// A bound listener and the URL it serves (known once bound, so `--listen 127.0.0.1:0` works).
pub struct Bound {
    pub listener: TcpListener,
    pub addr: SocketAddr,
}

impl Bound {
    pub async fn bind(addr: SocketAddr) -> Result<Self, String> {
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let addr = listener
            .local_addr()
            .map_err(|e| format!("cannot read the bound address: {e}"))?;
        Ok(Self { listener, addr })
    }

    /// `http://host:port` as a browser would write it.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Serves `app` until the future `shutdown` completes.
pub async fn run(
    bound: Bound,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    axum::serve(bound.listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| format!("server error: {e}"))
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
