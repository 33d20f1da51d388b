//! Shared helpers of the integration tests: reading fixtures and finding the shared contract
//! beside the clone; the submodules pull examples out of the seed markdown (`seed`) and the OpenAPI
//! files (`openapi`), and hold the ids the path tests build requests with (`ids`).
//!
//! Fixtures in `tests/fixtures/` are the primary source, so the tests run without `shared/`; when
//! `shared/` is present, `*_match_*` tests check the fixtures are still faithful copies.
#![allow(dead_code)] // each test crate uses a different subset of these helpers

pub mod ids;
pub mod openapi;
pub mod seed;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Set to make a missing `shared/` folder a failure rather than a skipped comparison (for CI).
pub const REQUIRE_SHARED_ENV: &str = "ZT_REQUIRE_SHARED";

pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The text of `tests/fixtures/<rel>`.
pub fn fixture_text(rel: &str) -> String {
    let path = manifest_dir().join("tests/fixtures").join(rel);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()))
}

/// `tests/fixtures/<rel>` parsed as JSON.
pub fn fixture_json(rel: &str) -> Value {
    let text = fixture_text(rel);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("fixture {rel} is not JSON: {e}"))
}

/// The folder that holds the clone: this crate is `<clone>/crates/api`.
pub fn beside_clone() -> &'static Path {
    manifest_dir()
        .ancestors()
        .nth(3)
        .expect("crates/api sits two folders below the clone")
}

/// `<clone>/../shared/<rel>`: the contract and seed sit beside the clone (for a worktree in
/// `/work/wt/<name>`, `/work/wt/shared` is a link to them).
///
/// `None` when the file is absent, with a note written straight to stderr so that `cargo test`
/// shows it even for a passing test; a failure instead when [`REQUIRE_SHARED_ENV`] is set, as
/// `cargo xtask test` (and so CI) sets it.
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    let path = beside_clone().join("shared").join(rel);
    if path.is_file() {
        return Some(path);
    }
    if std::env::var_os(REQUIRE_SHARED_ENV).is_some() {
        panic!(
            "{} is missing and {REQUIRE_SHARED_ENV} is set: the fixtures cannot be checked against it",
            path.display()
        );
    }
    // Not `eprintln!`: the test harness captures that for passing tests, hiding the skip.
    let _ = writeln!(
        std::io::stderr(),
        "note: SKIPPED comparison with {} (not found; set {REQUIRE_SHARED_ENV}=1 to fail instead)",
        path.display()
    );
    None
}
