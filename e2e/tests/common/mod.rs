//! The e2e harness: one demo server + chromedriver + headless Chromium per test (serialized),
//! and helpers that find controls the way an admin does: by role and visible label.
#![allow(dead_code)]

mod actions;
mod api;
mod console;
pub mod csv;
pub mod procs;
pub mod steps;

pub use console::Console;

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use procs::{start_chromedriver, start_server, TempDir};

/// How long one whole test may take.
const TEST_LIMIT: Duration = Duration::from_secs(240);

/// Runs `body` against a fresh `zt-risk-server demo` (extra args `server_args`, fresh state file)
/// in a fresh headless Chromium. Everything started is stopped afterwards, even on panic; a
/// failing test leaves `FAILED-<name>.png` among the screenshots.
pub fn run<F, Fut>(name: &str, server_args: &[&str], body: F)
where
    F: FnOnce(Console) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    // Chromium is heavy: one test at a time keeps the bounded waits meaningful on small machines.
    static SERIAL: Mutex<()> = Mutex::new(());
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let _ = std::fs::remove_file(procs::screenshot_dir().join(format!("FAILED-{name}.png")));
    let tmp = TempDir::new(name);
    let (_server, base) = start_server(server_args, &tmp.0.join("state.json"));
    let (_driver, driver_url) = start_chromedriver();
    let downloads = tmp.0.join("downloads");
    std::fs::create_dir_all(&downloads).expect("create the downloads dir");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let outcome = rt.block_on(async {
        let client = connect(&driver_url, &tmp.0.join("profile"), &downloads).await;
        let console = Console {
            client: client.clone(),
            base,
            downloads,
        };
        let task = tokio::spawn(body(console.clone()));
        let mut result = tokio::time::timeout(TEST_LIMIT, task).await;
        if matches!(result, Ok(Ok(()))) {
            // A page that crashed (wasm panic) or missed its config fails the test too.
            if let Some(fatal) = console.fatal_browser_errors().await {
                result = Ok(
                    tokio::spawn(async move { panic!("browser console errors: {fatal}") }).await,
                );
            }
        }
        if !matches!(result, Ok(Ok(()))) {
            let shot = console.screenshot(&format!("FAILED-{name}")).await;
            let url = console.client.current_url().await.map(|u| u.to_string());
            eprintln!(
                "[e2e] {name} failed at {url:?}; screenshot {}",
                shot.display()
            );
            console.print_browser_log().await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        result
    });
    drop(rt);
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Ok(Err(e)) => panic!("{name}: test task failed: {e}"),
        Err(_) => panic!("{name}: did not finish within {TEST_LIMIT:?}"),
    }
}

/// A session in headless Chromium; downloads are saved to `downloads` without asking.
async fn connect(
    driver_url: &str,
    profile: &std::path::Path,
    downloads: &std::path::Path,
) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let caps = json!({
        "goog:loggingPrefs": { "browser": "ALL" },
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.display()),
                "--window-size=1280,900",
            ],
            // Downloads land here without a prompt (`Console::downloads`).
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
            },
        }
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(driver_url)
        .await
        .unwrap_or_else(|e| panic!("cannot start Chromium through chromedriver: {e}"))
}
