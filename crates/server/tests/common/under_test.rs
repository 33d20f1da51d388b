//! "A proxy under test": the same suites run against the native proxy (in-process) and the
//! Cloudflare Worker in workerd (`cargo xtask edge --prebuilt`, started as a process).
//!
//! The Worker needs `ZT_XTASK` (the xtask binary; `cargo xtask test` sets it after building the
//! Worker bundle and installing workerd). Without it the Worker runs are skipped with a note,
//! except under CI (`CI` set), where that is a failure.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use super::{fake_upstream, Seen, CONSOLE};

/// Which runtime hosts the proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runtime {
    Native,
    Worker,
}

/// `on_every_runtime!(name);` makes `name::native` and `name::worker` tests of the async
/// `fn name(runtime: Runtime)`.
#[macro_export]
macro_rules! on_every_runtime {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn native() {
                super::$name(super::Runtime::Native).await;
            }
            #[tokio::test]
            async fn worker() {
                super::$name(super::Runtime::Worker).await;
            }
        }
    )+};
}

/// A running proxy; a Worker's process group is stopped when this is dropped.
pub struct UnderTest {
    pub runtime: Runtime,
    pub addr: SocketAddr,
    child: Option<Child>,
}

impl Drop for UnderTest {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            // xtask and the workerd it started share a process group of their own.
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.wait();
        }
    }
}

/// The proxy for origin [`CONSOLE`] in front of `upstream` (API at `/client/v4`, SSF documents
/// at `/ssf`), serving `accounts` (empty = any), with a 500 ms deadline and a 1 KiB body cap.
/// `None` when the Worker cannot run here (see the module doc).
pub async fn start(runtime: Runtime, upstream: SocketAddr, accounts: &[&str]) -> Option<UnderTest> {
    match runtime {
        Runtime::Native => Some(UnderTest {
            runtime,
            addr: super::proxy_to(upstream, accounts).await,
            child: None,
        }),
        Runtime::Worker => {
            let accounts: Vec<String> = accounts.iter().map(|a| a.to_string()).collect();
            tokio::task::spawn_blocking(move || start_worker(upstream, &accounts))
                .await
                .expect("worker start task")
        }
    }
}

/// [`start`] in front of a fresh [`fake_upstream`], serving any account: the proxy, the
/// upstream's address and the requests it has seen. `None` as for [`start`].
pub async fn start_with_upstream(
    runtime: Runtime,
) -> Option<(UnderTest, SocketAddr, Arc<Mutex<Vec<Seen>>>)> {
    let (upstream, seen) = fake_upstream().await;
    let proxy = start(runtime, upstream, &[]).await?;
    Some((proxy, upstream, seen))
}

fn start_worker(upstream: SocketAddr, accounts: &[String]) -> Option<UnderTest> {
    let Some(xtask) = std::env::var_os("ZT_XTASK") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "ZT_XTASK is not set: run the tests through `cargo xtask test`"
        );
        eprintln!("skipping the Worker runs: ZT_XTASK is not set (use `cargo xtask test`)");
        return None;
    };
    let mut cmd = Command::new(xtask);
    cmd.args(["edge", "--prebuilt", "--listen", "127.0.0.1:0"])
        .args(["--upstream", &format!("http://{upstream}/client/v4")])
        .args(["--ssf-upstream", &format!("http://{upstream}/ssf")])
        .args([
            "--allow-origin",
            CONSOLE,
            "--timeout",
            "0.5",
            "--max-body",
            "1024",
        ]);
    for a in accounts {
        cmd.args(["--account", a]);
    }
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start cargo xtask edge");
    let mut line = String::new();
    if let Some(out) = child.stdout.take() {
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let addr = line
        .trim()
        .strip_prefix("http://")
        .and_then(|a| a.trim_end_matches('/').parse().ok());
    let under_test = UnderTest {
        runtime: Runtime::Worker,
        addr: addr.unwrap_or_else(|| ([127, 0, 0, 1], 9).into()),
        child: Some(child),
    };
    assert!(
        addr.is_some(),
        "xtask edge printed {line:?} instead of its URL"
    );
    Some(under_test)
}
