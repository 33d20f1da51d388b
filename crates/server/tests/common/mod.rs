//! Test helpers: start routers on 127.0.0.1:0 in-process, a raw HTTP/1.1 client (so tests can
//! send what a normal client refuses to: absolute-form targets, bad encodings, odd headers),
//! a fake upstream that records every request, and a seeded emulator.
#![allow(dead_code)]

mod under_test;
// Not every test binary runs proxies.
#[allow(unused_imports)]
pub use under_test::{start, start_with_upstream, Runtime};

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Router;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use zt_risk_server::emulator::{self, Config, Emulator, Seeding, TokenPolicy};

pub const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
pub const AUTH: (&str, &str) = ("Authorization", "Bearer test-token");

/// Serves `app` on a fresh loopback port.
pub async fn spawn(app: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    addr
}

/// The data options of the test emulators: seed 42, 60 users and the 16 demo applications per
/// account.
pub const SEEDING: Seeding = Seeding {
    seed: 42,
    users: 60,
    apps: zt_risk_server::emulator::seed::DEFAULT_APPS,
    fresh: false,
};

/// A seeded emulator with the given token policy and pinned account, no state file and no
/// rate limit.
pub fn emulator_with(tokens: TokenPolicy, account: Option<&str>) -> Arc<Emulator> {
    Emulator::start(config(tokens, account)).expect("emulator")
}

/// The configuration of [`emulator_with`], for tests that change a part of it.
pub fn config(tokens: TokenPolicy, account: Option<&str>) -> Config {
    Config {
        tokens,
        account: account.map(str::to_owned),
        state_file: None,
        rate_limit: None,
        seeding: SEEDING,
        access_denied_token: None,
        activity: None,
        request_log: None,
    }
}

pub async fn emulator() -> SocketAddr {
    spawn(emulator::router(emulator_with(TokenPolicy::Any, None))).await
}

/// A parsed response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {} {}", self.status, self.body))
    }

    /// Asserts a v4 failure with `status` and first error `code`; returns the body.
    pub fn v4_error(&self, status: u16, code: i64) -> Value {
        let v = self.json();
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(v["success"], false, "{}", self.body);
        assert_eq!(v["result"], Value::Null, "{}", self.body);
        assert_eq!(v["messages"], serde_json::json!([]), "{}", self.body);
        assert_eq!(v["errors"][0]["code"], code, "{}", self.body);
        assert!(v["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        v
    }
}

/// Sends raw bytes and reads the whole response (the request should say `Connection: close`).
pub async fn raw(addr: SocketAddr, request: &[u8]) -> Resp {
    let buf = exchange(addr, request).await;
    parse(&buf)
}

/// Like [`raw`], but `None` when the server closed the connection without an HTTP response
/// (how some servers refuse a malformed request).
pub async fn raw_or_closed(addr: SocketAddr, request: &[u8]) -> Option<Resp> {
    let buf = exchange(addr, request).await;
    buf.windows(4)
        .any(|w| w == b"\r\n\r\n")
        .then(|| parse(&buf))
}

async fn exchange(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    // A server may answer and close before reading everything (an oversized body).
    let _ = stream.write_all(request).await;
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "response timed out");
    buf
}

/// A well-formed request with `headers` and an optional body.
pub async fn send(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Resp {
    let mut req = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(body.unwrap_or_default());
    raw(addr, req.as_bytes()).await
}

/// An authenticated request to the emulator's `/client/v4/accounts/ACCOUNT/zt_risk_scoring` + `tail`.
pub async fn api(addr: SocketAddr, method: &str, tail: &str, body: Option<&str>) -> Resp {
    let target = format!("/client/v4/accounts/{ACCOUNT}/zt_risk_scoring{tail}");
    send(addr, method, &target, &[AUTH], body).await
}

/// An authenticated request to the emulator's `/client/v4/accounts/ACCOUNT/access` + `tail`.
pub async fn access(addr: SocketAddr, method: &str, tail: &str, body: Option<&str>) -> Resp {
    let target = format!("/client/v4/accounts/{ACCOUNT}/access{tail}");
    send(addr, method, &target, &[AUTH], body).await
}

/// An authenticated GET of the Access `tail` of [`ACCOUNT`] that must answer 200: its `result`
/// and `result_info`.
pub async fn access_ok(addr: SocketAddr, tail: &str) -> (Value, Value) {
    let r = access(addr, "GET", tail, None).await;
    assert_eq!(r.status, 200, "{tail}: {}", r.body);
    let v = r.json();
    (v["result"].clone(), v["result_info"].clone())
}

/// An authenticated GET of `account`'s `zt_risk_scoring` + `tail` that must answer 200; its
/// `result`.
pub async fn get_result(addr: SocketAddr, account: &str, tail: &str) -> Value {
    let target = format!("/client/v4/accounts/{account}/zt_risk_scoring{tail}");
    let resp = send(addr, "GET", &target, &[AUTH], None).await;
    assert_eq!(resp.status, 200, "{target}: {}", resp.body);
    resp.json()["result"].clone()
}

fn parse(buf: &[u8]) -> Resp {
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(buf)));
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = buf[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

/// One request as the fake upstream saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub uri: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    /// The value of header `name` (lower case) as the upstream received it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A fake upstream on loopback that records every request; `/slow` paths answer after 3 s.
pub async fn fake_upstream() -> (SocketAddr, Arc<Mutex<Vec<Seen>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let app = Router::new().fallback(move |req: Request<Body>| {
        let log = log.clone();
        async move {
            let (parts, body) = req.into_parts();
            let body = axum::body::to_bytes(body, 1 << 20).await.unwrap_or_default();
            let uri = parts.uri.to_string();
            log.lock().expect("lock").push(Seen {
                method: parts.method.to_string(),
                uri: uri.clone(),
                headers: parts
                    .headers
                    .iter()
                    .map(|(k, v)| (k.to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                    .collect(),
                body: String::from_utf8_lossy(&body).into_owned(),
            });
            if uri.contains("/5c6f0d52-0000-4000-8000-00000000510e") {
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
            (
                StatusCode::IM_A_TEAPOT,
                [("content-type", "application/json"), ("set-cookie", "upstream=1")],
                r#"{"success":false,"errors":[{"code":9999,"message":"from upstream"}],"messages":[],"result":null}"#,
            )
                .into_response()
        }
    });
    (spawn(app).await, seen)
}

pub const CONSOLE: &str = "https://console.example";

/// A proxy to `upstream` for origin [`CONSOLE`], accounts `accounts` (empty = any),
/// a 500 ms deadline and a 1 KiB body cap; SSF documents from `upstream` too.
pub async fn proxy_to(upstream: SocketAddr, accounts: &[&str]) -> SocketAddr {
    use zt_risk_server::proxy::{self, Proxy};
    let config = zt_risk_proxy_core::Config {
        upstream: format!("http://{upstream}/client/v4"),
        ssf_upstream: format!("http://{upstream}/ssf"),
        allowed_origins: vec![CONSOLE.to_owned()],
        accounts: accounts.iter().map(|a| a.to_string()).collect(),
        serves_site: false,
        max_body: 1024,
    };
    let p = Proxy::new(config, None, Duration::from_millis(500)).expect("proxy");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(proxy::serve::serve(listener, p, std::future::pending()));
    addr
}
