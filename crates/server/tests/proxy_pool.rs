//! The native proxy's upstream connections: kept alive and reused across requests, and a
//! connection the upstream closed while idle is replaced without failing the request.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A raw HTTP/1.1 upstream answering every request with a small JSON body; counts the
/// connections it accepts and, if `close_after_each`, closes each one after its answer
/// without saying so (as an upstream's idle timeout does).
async fn counting_upstream(close_after_each: bool) -> (SocketAddr, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    // Requests from the proxy to this route have no body: a head ends the request.
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match stream.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let end = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(0) + 4;
                    buf.drain(..end);
                    let body = r#"{"success":true,"errors":[],"messages":[],"result":{}}"#;
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if stream.write_all(answer.as_bytes()).await.is_err() || close_after_each {
                        return;
                    }
                }
            });
        }
    });
    (addr, accepted)
}

fn behaviors() -> String {
    format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring/behaviors")
}

#[tokio::test]
async fn upstream_connections_are_reused() {
    let (upstream, accepted) = counting_upstream(false).await;
    let proxy = proxy_to(upstream, &[]).await;
    for _ in 0..5 {
        let r = send(
            proxy,
            "GET",
            &behaviors(),
            &[("Origin", CONSOLE), AUTH],
            None,
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.header("access-control-allow-origin"), Some(CONSOLE));
    }
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        1,
        "one kept-alive connection"
    );
}

#[tokio::test]
async fn connections_closed_by_the_upstream_are_replaced() {
    let (upstream, accepted) = counting_upstream(true).await;
    let proxy = proxy_to(upstream, &[]).await;
    for i in 0..5 {
        let r = send(proxy, "GET", &behaviors(), &[AUTH], None).await;
        assert_eq!(r.status, 200, "request {i}: {}", r.body);
    }
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        5,
        "a new connection each time"
    );
}
