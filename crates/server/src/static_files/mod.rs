//! The console's static files (Trunk's `dist/`), loaded into memory at start-up so no request
//! can reach the file system: SPA fallback to index.html, content types, cache lifetimes and
//! security headers. Must not know about the API (the demo and proxy route before this).

pub mod policy;

use std::collections::HashMap;
use std::path::Path;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

/// Refuse to load more than this (a console is a few MB; this guards a mistaken `--dist /`).
const MAX_TOTAL: u64 = 256 * 1024 * 1024;

struct Asset {
    bytes: Bytes,
    content_type: &'static str,
    cache: &'static str,
}

/// A loaded site.
pub struct Site {
    files: HashMap<String, Asset>,
    csp: HeaderValue,
}

impl Site {
    /// Loads every regular file under `dir` (not dotfiles, not `_headers`/`_redirects`).
    /// `connect_src` adds origins to the CSP's `connect-src`.
    pub fn load(dir: &Path, connect_src: &[String]) -> Result<Self, String> {
        let mut files = HashMap::new();
        let mut total = 0;
        walk(dir, "", &mut files, &mut total)?;
        let index = files.get("/index.html").ok_or_else(|| {
            format!(
                "{} has no index.html: build the console first (cargo xtask dist, or trunk build)",
                dir.display()
            )
        })?;
        let csp = policy::csp(connect_src, &String::from_utf8_lossy(&index.bytes));
        let csp = HeaderValue::from_str(&csp)
            .map_err(|_| format!("--connect-src makes an invalid header: {csp}"))?;
        Ok(Self { files, csp })
    }

    /// The Content-Security-Policy sent with every file.
    pub fn csp(&self) -> &str {
        self.csp.to_str().unwrap_or_default()
    }

    /// Answers GET/HEAD for `path`; `config_json` replaces `/config.json` (the demo's).
    pub async fn serve(&self, method: &Method, path: &str, config_json: Option<Bytes>) -> Response {
        if method != Method::GET && method != Method::HEAD {
            let mut r = self.plain(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n");
            r.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
            return r;
        }
        let Some(path) = crate::ops::percent_decode(path) else {
            return self.plain(StatusCode::BAD_REQUEST, "Bad path\n");
        };
        if let (Some(json), "/config.json") = (config_json, path.as_str()) {
            return self.respond(json, policy::content_type("config.json"), policy::NO_CACHE);
        }
        let key = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.clone()
        };
        if let Some(asset) = self.files.get(&key) {
            return self.respond(asset.bytes.clone(), asset.content_type, asset.cache);
        }
        // A route of the app (no file extension in the last segment) gets the app itself;
        // a missing asset stays a 404 so a broken build is visible.
        let last = path.rsplit('/').next().unwrap_or_default();
        match self.files.get("/index.html") {
            Some(index) if !last.contains('.') => {
                self.respond(index.bytes.clone(), index.content_type, policy::NO_CACHE)
            }
            _ => self.plain(StatusCode::NOT_FOUND, "Not found\n"),
        }
    }

    fn respond(&self, bytes: Bytes, content_type: &'static str, cache: &'static str) -> Response {
        let mut r = (StatusCode::OK, Body::from(bytes)).into_response();
        let h = r.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        self.secure(r)
    }

    fn plain(&self, status: StatusCode, text: &'static str) -> Response {
        let mut r = (status, text).into_response();
        r.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(policy::NO_CACHE),
        );
        self.secure(r)
    }

    fn secure(&self, mut r: Response) -> Response {
        let h = r.headers_mut();
        h.insert(header::CONTENT_SECURITY_POLICY, self.csp.clone());
        for (name, value) in policy::SECURITY_HEADERS {
            if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
                h.insert(name, HeaderValue::from_static(value));
            }
        }
        r
    }
}

fn walk(
    dir: &Path,
    prefix: &str,
    files: &mut HashMap<String, Asset>,
    total: &mut u64,
) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "_headers" || name == "_redirects" {
            continue;
        }
        let kind = entry.file_type().map_err(|e| format!("{name}: {e}"))?;
        let key = format!("{prefix}/{name}");
        if kind.is_dir() {
            walk(&entry.path(), &key, files, total)?;
        } else if kind.is_file() {
            let bytes =
                std::fs::read(entry.path()).map_err(|e| format!("cannot read {key}: {e}"))?;
            *total += bytes.len() as u64;
            if *total > MAX_TOTAL {
                return Err(format!(
                    "{} holds more than {MAX_TOTAL} bytes: is it really the console's dist?",
                    dir.display()
                ));
            }
            let asset = Asset {
                bytes: Bytes::from(bytes),
                content_type: policy::content_type(&name),
                cache: policy::cache_control(&name),
            };
            files.insert(key, asset);
        }
    }
    Ok(())
}
