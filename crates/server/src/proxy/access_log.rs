//! The proxy's access log: one line per request (time, method, path, status, duration, whether
//! it was a CORS request), never a header value. Lines are appended to a memory buffer and a
//! background thread writes it to stderr every few milliseconds, so a request never waits for
//! a write (an `eprintln!` per request is a locked, unbuffered write: a system call each).

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::Method;

/// How often the buffer is written out.
const FLUSH_EVERY: Duration = Duration::from_millis(50);
/// Beyond this many buffered bytes (stderr stalled), lines are counted and dropped.
const MAX_BUFFERED: usize = 8 * 1024 * 1024;

#[derive(Default)]
struct Buffer {
    bytes: Vec<u8>,
    dropped: u64,
    /// The formatted date and time of the last whole second seen (`2026-01-02T03:04:05`).
    second: (u64, String),
}

/// A buffered access log.
pub struct AccessLog {
    buffer: Arc<Mutex<Buffer>>,
}

impl AccessLog {
    /// A log written to stderr by a background thread.
    pub fn stderr() -> Self {
        let buffer = Arc::new(Mutex::new(Buffer::default()));
        let shared = Arc::downgrade(&buffer);
        std::thread::Builder::new()
            .name("access-log".into())
            .spawn(move || {
                let mut out = Vec::new();
                // Ends once the log is dropped, after a last write.
                while let Some(buffer) = shared.upgrade() {
                    drain(&buffer, &mut out);
                    drop(buffer);
                    if !out.is_empty() {
                        let _ = std::io::stderr().lock().write_all(&out);
                        out.clear();
                    }
                    std::thread::sleep(FLUSH_EVERY);
                }
            })
            .ok();
        Self { buffer }
    }

    /// Appends one line.
    pub fn record(&self, method: &Method, path: &str, status: u16, took: Duration, cors: bool) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let Ok(mut b) = self.buffer.lock() else {
            return;
        };
        if b.bytes.len() > MAX_BUFFERED {
            b.dropped += 1;
            return;
        }
        if b.second.0 != now.as_secs() || b.second.1.is_empty() {
            b.second = (now.as_secs(), date_time(now.as_secs()));
        }
        let Buffer { bytes, second, .. } = &mut *b;
        // Appended piece by piece: `write!` costs more than the rest of the line.
        bytes.extend_from_slice(second.1.as_bytes());
        bytes.push(b'.');
        push_padded(bytes, now.subsec_millis(), 3);
        bytes.extend_from_slice(b"Z proxy ");
        bytes.extend_from_slice(method.as_str().as_bytes());
        bytes.push(b' ');
        // Paths are almost always plain printable ASCII: copy those, escape the rest (a path
        // must not be able to forge a log line).
        if path
            .bytes()
            .all(|c| (0x21..0x7f).contains(&c) && c != b'\\')
        {
            bytes.extend_from_slice(path.as_bytes());
        } else {
            let _ = write!(bytes, "{}", path.escape_debug());
        }
        bytes.extend_from_slice(b" -> ");
        push_padded(bytes, u32::from(status), 1);
        bytes.push(b' ');
        push_padded(
            bytes,
            u32::try_from(took.as_millis()).unwrap_or(u32::MAX),
            1,
        );
        bytes.extend_from_slice(if cors { b"ms (cors)\n" } else { b"ms\n" });
    }
}

/// Appends `n` in decimal, with leading zeros up to `width` digits.
fn push_padded(out: &mut Vec<u8>, mut n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut i = digits.len();
    while n > 0 || digits.len() - i < width {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend_from_slice(&digits[i..]);
}

impl Drop for AccessLog {
    fn drop(&mut self) {
        let mut out = Vec::new();
        drain(&self.buffer, &mut out);
        let _ = std::io::stderr().lock().write_all(&out);
    }
}

/// Moves the buffered lines (and a note of dropped ones) into `out`.
fn drain(buffer: &Mutex<Buffer>, out: &mut Vec<u8>) {
    let Ok(mut b) = buffer.lock() else {
        return;
    };
    std::mem::swap(&mut b.bytes, out);
    if b.dropped > 0 {
        let _ = writeln!(
            out,
            "proxy: {} access log lines dropped (stderr too slow)",
            b.dropped
        );
        b.dropped = 0;
    }
}

/// `YYYY-MM-DDTHH:MM:SS` (UTC) of a Unix time.
fn date_time(secs: u64) -> String {
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_buffered_with_time_and_no_headers() {
        let log = AccessLog {
            buffer: Arc::new(Mutex::new(Buffer::default())),
        };
        log.record(&Method::GET, "/a\n", 200, Duration::from_millis(3), true);
        log.record(&Method::PUT, "/b", 403, Duration::ZERO, false);
        log.record(&Method::GET, "/c\\d\u{1b}[2J", 404, Duration::ZERO, false);
        let mut out = Vec::new();
        drain(&log.buffer, &mut out);
        let text = String::from_utf8_lossy(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[0].ends_with("Z proxy GET /a\\n -> 200 3ms (cors)"),
            "{text}"
        );
        assert!(lines[1].ends_with("Z proxy PUT /b -> 403 0ms"), "{text}");
        assert!(
            lines[2].ends_with(r"Z proxy GET /c\\d\u{1b}[2J -> 404 0ms"),
            "{text}"
        );
        assert_eq!(lines[0].find('T'), Some(10));
        let mut n = Vec::new();
        push_padded(&mut n, 7, 3);
        push_padded(&mut n, 0, 1);
        push_padded(&mut n, 1234, 3);
        push_padded(&mut n, u32::MAX, 1);
        assert_eq!(n, b"007012344294967295");
        assert_eq!(date_time(0), "1970-01-01T00:00:00");
    }
}
