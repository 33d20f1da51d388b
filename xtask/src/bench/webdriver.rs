//! A tiny W3C WebDriver client for the console benchmark: chromedriver on loopback, one
//! headless Chromium session, over plain HTTP/1.1 with `std::net` (no async runtime, no HTTP
//! crate). Only what the benchmark needs: open a page, run an async script, send a DevTools
//! command through chromedriver (`goog/cdp/execute`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// chromedriver and one browser session; both are ended on drop.
pub struct Browser {
    driver: Child,
    addr: String,
    session: String,
}

impl Browser {
    /// Starts `chromedriver` on a free port and a headless `chromium` with a fresh profile in
    /// `profile`; every script may run for up to `script_timeout`.
    pub fn start(
        chromedriver: &str,
        chromium: &str,
        profile: &Path,
        script_timeout: Duration,
    ) -> Result<Browser, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {chromedriver}: {e}"))?;
        let mut browser = Browser {
            driver,
            addr: format!("127.0.0.1:{port}"),
            session: String::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(&browser.addr).is_err() {
            if Instant::now() > deadline {
                return Err(format!("chromedriver did not listen on port {port}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows",
                    format!("--user-data-dir={}", profile.display()),
                    "--window-size=1280,900",
                ],
            },
        }}});
        let created = browser.call("POST", "/session", Some(&caps))?;
        browser.session = created["sessionId"]
            .as_str()
            .ok_or_else(|| format!("chromedriver started no session: {created}"))?
            .to_owned();
        let ms = script_timeout.as_millis() as u64;
        let timeouts = json!({ "script": ms, "pageLoad": ms });
        browser.session_call("POST", "timeouts", Some(&timeouts))?;
        Ok(browser)
    }

    /// Opens `url` and waits for its load event.
    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.session_call("POST", "url", Some(&json!({ "url": url })))
            .map(drop)
    }

    /// Runs `script` as an async script (it calls `arguments[arguments.length - 1](result)`)
    /// with `args`, and returns the result.
    pub fn run_async(&self, script: &str, args: Value) -> Result<Value, String> {
        let body = json!({ "script": script, "args": args });
        self.session_call("POST", "execute/async", Some(&body))
    }

    /// Sends the DevTools Protocol command `cmd` with `params` through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        let body = json!({ "cmd": cmd, "params": params });
        self.session_call("POST", "goog/cdp/execute", Some(&body))
    }

    fn session_call(
        &self,
        method: &str,
        rest: &str,
        body: Option<&Value>,
    ) -> Result<Value, String> {
        self.call(method, &format!("/session/{}/{rest}", self.session), body)
    }

    /// One request; returns the response's `value`, or the WebDriver error as text.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut stream = TcpStream::connect(&self.addr)
            .map_err(|e| format!("chromedriver at {}: {e}", self.addr))?;
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| format!("chromedriver: {e}"))?;
        // chromedriver keeps the connection open whatever the request says: read the headers,
        // then exactly the body they announce.
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            let n = reader
                .read_line(&mut line)
                .map_err(|e| format!("chromedriver: {e}"))?;
            if n == 0 || line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        let lower = head.to_ascii_lowercase();
        let payload = if lower.contains("transfer-encoding: chunked") {
            let mut rest = String::new();
            let _ = reader.read_to_string(&mut rest);
            dechunk(&rest)
        } else {
            let length = lower
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .ok_or_else(|| format!("chromedriver sent no body length for {method} {path}"))?;
            let mut body = vec![0; length];
            reader
                .read_exact(&mut body)
                .map_err(|e| format!("chromedriver: {e}"))?;
            String::from_utf8_lossy(&body).into_owned()
        };
        let value: Value = serde_json::from_str(&payload)
            .map_err(|e| format!("{method} {path}: not JSON ({e}): {payload:.300}"))?;
        let value = value.get("value").cloned().unwrap_or(Value::Null);
        if head.starts_with("HTTP/1.1 2") {
            Ok(value)
        } else {
            Err(format!(
                "{method} {path}: {} {}",
                value["error"].as_str().unwrap_or("error"),
                value["message"].as_str().unwrap_or_default()
            ))
        }
    }
}

/// The body of a `Transfer-Encoding: chunked` response.
fn dechunk(mut rest: &str) -> String {
    let mut out = String::new();
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || tail.len() < n {
            break;
        }
        out.push_str(&tail[..n]);
        rest = tail[n..].trim_start_matches("\r\n");
    }
    out
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::dechunk;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk("4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n"), "{\"a\":1}");
        assert_eq!(dechunk(""), "");
    }
}
