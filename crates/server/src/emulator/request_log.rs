//! `--request-log FILE`: one line per request the emulator answered, `METHOD PATH STATUS`
//! (the path without its query; never a header), written as it is answered, so that a test or
//! a benchmark in another process can count the requests per path. Not for production use:
//! every line is one unbuffered write.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use axum::http::{Method, StatusCode};

pub struct RequestLog {
    file: Mutex<File>,
}

impl RequestLog {
    /// Creates (or empties) `path`.
    pub fn create(path: &Path) -> Result<Self, String> {
        let file = File::create(path)
            .map_err(|e| format!("cannot create request log {}: {e}", path.display()))?;
        Ok(Self {
            file: Mutex::new(file),
        })
    }

    /// Appends `METHOD PATH STATUS`; a failed write is reported once per failure on stderr and
    /// changes nothing else.
    pub fn record(&self, method: &Method, path: &str, status: StatusCode) {
        let line = format!("{method} {path} {}\n", status.as_u16());
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        if let Err(e) = file.write_all(line.as_bytes()) {
            eprintln!("emulator: cannot write the request log: {e}");
        }
    }
}
