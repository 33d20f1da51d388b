//! The processes under test: the demo server and chromedriver, killed on drop (even on panic).

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// An environment variable the runner (`cargo xtask test`) sets, or a clear failure.
pub fn env_path(name: &str, fallback: &str) -> PathBuf {
    let path = std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(fallback));
    assert!(
        path.exists(),
        "{name} is not set and {} does not exist: run the e2e tests with `cargo xtask test`, \
         or set {name}",
        path.display()
    );
    path
}

/// A child process killed (and reaped) on drop.
pub struct Proc {
    name: &'static str,
    child: Child,
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        eprintln!("[e2e] stopped {}", self.name);
    }
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("zt-e2e-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Starts `zt-risk-server demo` on a free port with its data in `state`; returns it and its URL
/// (the first line it prints on stdout, without the trailing slash).
pub fn start_server(extra: &[&str], state: &Path) -> (Proc, String) {
    let bin = env_path("ZT_SERVER_BIN", "../target/debug/zt-risk-server");
    let dist = env_path("ZT_DIST", "../dist");
    let mut child = Command::new(&bin)
        .arg("demo")
        .args(["--listen", "127.0.0.1:0", "--dist"])
        .arg(&dist)
        .arg("--state")
        .arg(state)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
    let stdout = child.stdout.take().expect("piped stdout");
    let proc = Proc {
        name: "zt-risk-server",
        child,
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = tx.send(lines.next());
        // Keep draining so the server never blocks on a full pipe.
        for _ in lines {}
    });
    let line = match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Some(Ok(line))) => line,
        other => panic!("zt-risk-server printed no URL within 30 s: {other:?}"),
    };
    let url = line.trim().trim_end_matches('/').to_owned();
    assert!(
        url.starts_with("http://"),
        "zt-risk-server's first line is not a URL: {line:?}"
    );
    (proc, url)
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local addr").port()
}

/// Starts chromedriver on a free port and waits until it accepts connections.
pub fn start_chromedriver() -> (Proc, String) {
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let port = free_port();
    let child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {bin}: {e}"));
    let proc = Proc {
        name: "chromedriver",
        child,
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on port {port} within 10 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (proc, format!("http://127.0.0.1:{port}"))
}

/// Where screenshots go: `<workspace>/target/e2e-screenshots/` (not in the repository).
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    dir.canonicalize().unwrap_or(dir)
}

/// A chromedriver extension: `POST /session/{id}/{path}` with a JSON body.
#[derive(Debug)]
pub struct SessionPost(&'static str, serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.0
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.1.to_string()))
    }
}

/// The page's console messages (needs `goog:loggingPrefs`), printed when a test fails.
pub fn browser_log() -> SessionPost {
    SessionPost("se/log", serde_json::json!({ "type": "browser" }))
}

/// One Chrome DevTools Protocol command (`Network.setBlockedURLs`, say) with its parameters.
pub fn cdp(command: &str, params: serde_json::Value) -> SessionPost {
    SessionPost(
        "goog/cdp/execute",
        serde_json::json!({ "cmd": command, "params": params }),
    )
}
