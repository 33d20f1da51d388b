//! Shared helpers of the integration tests: reading fixtures, finding the shared contract beside
//! the clone, and pulling examples out of the seed markdown and the OpenAPI files.
//!
//! Fixtures in `tests/fixtures/` are the primary source, so the tests run without `shared/`; when
//! `shared/` is present, `*_match_*` tests check the fixtures are still faithful copies.
#![allow(dead_code)] // each test crate uses a different subset of these helpers

use std::collections::BTreeMap;
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

/// One `#### Response` JSON block of the seed markdown and the operation it documents.
#[derive(Debug, Clone)]
pub struct SeedExample {
    /// The `## ...` heading above it.
    pub heading: String,
    /// Lower-case HTTP method from the `**get** `/accounts/...`` line.
    pub method: String,
    /// The path below `/accounts/{account_id}/zt_risk_scoring`, e.g. `/integrations/{integration_id}`.
    pub path: String,
    pub json: String,
}

const PATH_PREFIX: &str = "/accounts/{account_id}/zt_risk_scoring";

/// Extracts every ```json block that directly follows a `#### Response` heading.
pub fn seed_examples(markdown: &str) -> Vec<SeedExample> {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut endpoint: Option<(String, String)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.trim().to_owned();
            endpoint = None;
        } else if let Some(found) = endpoint_of(line) {
            endpoint = Some(found);
        } else if line.trim() == "#### Response" {
            let open = lines[i + 1..].iter().position(|l| !l.trim().is_empty());
            let open = open.map(|o| i + 1 + o);
            if let Some(open) = open.filter(|&o| lines[o].trim() == "```json") {
                let len = lines[open + 1..]
                    .iter()
                    .position(|l| l.trim() == "```")
                    .expect("unterminated ```json block in the seed");
                let (method, path) = endpoint
                    .clone()
                    .unwrap_or_else(|| panic!("response under {heading:?} has no endpoint line"));
                out.push(SeedExample {
                    heading: heading.clone(),
                    method,
                    path,
                    json: lines[open + 1..open + 1 + len].join("\n"),
                });
                i = open + 1 + len;
            }
        }
        i += 1;
    }
    out
}

/// `**get** `/accounts/{account_id}/zt_risk_scoring/summary`` → `("get", "/summary")`.
fn endpoint_of(line: &str) -> Option<(String, String)> {
    for method in ["get", "post", "put", "delete"] {
        let marker = format!("**{method}** `{PATH_PREFIX}");
        if let Some(at) = line.find(&marker) {
            let rest = &line[at + marker.len()..];
            let end = rest.find('`')?;
            return Some((method.to_owned(), rest[..end].to_owned()));
        }
    }
    None
}

/// Every `example` value in an OpenAPI document, keyed by the JSON pointer of the `example` key.
pub fn openapi_examples(doc: &Value) -> BTreeMap<String, Value> {
    fn walk(value: &Value, pointer: &str, out: &mut BTreeMap<String, Value>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    let child_pointer = format!("{pointer}/{escaped}");
                    if key == "example" {
                        out.insert(child_pointer.clone(), child.clone());
                    }
                    walk(child, &child_pointer, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{pointer}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    walk(doc, "", &mut out);
    out
}
