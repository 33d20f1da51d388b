//! The official Python SDK (cloudflare 5.9.0) with strict response validation passes against
//! the emulator for every Access operation the console uses (`tests/sdk/access_check.py`).
//!
//! The SDK runs from `ZT_PYTHON`, a Python with `cloudflare==5.9.0` installed (`cargo xtask test`
//! makes one in the tools cache and sets it). Without it the check is skipped with a note,
//! except under CI (`CI` set), where that is a failure.

mod common;

use common::*;
use zt_risk_server::emulator::{self, Config, Emulator, Seeding, TokenPolicy};

/// More than two pages of the SDK's default 20, so its iteration crosses pages.
const APPS: usize = 45;

#[tokio::test]
async fn the_python_sdk_passes_strictly_against_every_access_operation() {
    let Some(python) = std::env::var_os("ZT_PYTHON") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "ZT_PYTHON is not set: run the tests through `cargo xtask test`"
        );
        eprintln!("skipping the SDK check: ZT_PYTHON is not set (use `cargo xtask test`)");
        return;
    };
    let config = Config {
        seeding: Seeding {
            apps: APPS,
            users: 20,
            ..SEEDING
        },
        access_denied_token: Some("no-access".into()),
        ..config(TokenPolicy::Any, None)
    };
    let addr = spawn(emulator::router(Emulator::start(config).expect("emulator"))).await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sdk/access_check.py");
    let mut sdk = std::process::Command::new(python);
    sdk.arg(script)
        .arg(format!("http://{addr}/client/v4"))
        .args([ACCOUNT, "sdk-token", "no-access", &APPS.to_string()]);
    // The emulator serves on this runtime while the SDK runs.
    let output = tokio::task::spawn_blocking(move || sdk.output())
        .await
        .expect("SDK task")
        .expect("run the SDK check");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("all Access checks passed"), "{stdout}");
}
