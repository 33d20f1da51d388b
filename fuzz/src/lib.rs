//! What the fuzz targets share: checks of JSON pointers against the document they point into,
//! and percent-decoding to read back what a path builder encoded. Test code: it may panic.

use serde_json::Value;

/// Whether `pointer` (RFC 6901) names a place in `root`: a value that exists, or a missing
/// member of an object that exists (a "Missing: …" problem points where the value should be).
pub fn points_into(root: &Value, pointer: &str) -> bool {
    if pointer.is_empty() || root.pointer(pointer).is_some() {
        return true;
    }
    match pointer.rsplit_once('/') {
        Some((parent, _)) => root.pointer(parent).is_some_and(Value::is_object),
        None => false,
    }
}

/// Percent-decodes `raw` (`%XX` only); `None` for a bad escape or bytes that are not UTF-8.
pub fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
