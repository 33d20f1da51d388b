//! Strict percent-decoding of request paths: a `%` must start two hex digits, the result must be
//! UTF-8, and a path segment must not decode to anything that could be read as more than one
//! segment (`/`, `\`, control characters, empty, `.` or `..`).

use std::borrow::Cow;

/// Strict percent-decoding: a `%` must start two hex digits and the result must be UTF-8.
pub fn percent_decode(raw: &str) -> Option<String> {
    decode(raw).map(Cow::into_owned)
}

/// [`percent_decode`] without a copy when there is nothing to decode (the usual case).
fn decode(raw: &str) -> Option<Cow<'_, str>> {
    let bytes = raw.as_bytes();
    if !bytes.contains(&b'%') {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(Cow::Owned)
}

/// Decodes one raw path segment; `None` for anything that could be read as more than one segment.
pub fn segment(raw: &str) -> Option<Cow<'_, str>> {
    let decoded = decode(raw)?;
    let splits = |c: char| c == '/' || c == '\\' || c.is_control();
    // Byte by byte when ASCII (the usual case): the same test, without decoding characters.
    let splitting = if decoded.is_ascii() {
        decoded.bytes().any(|b| splits(char::from(b)))
    } else {
        decoded.chars().any(splits)
    };
    let safe = !decoded.is_empty() && decoded != "." && decoded != ".." && !splitting;
    safe.then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_escapes() {
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%C3%A9").as_deref(), Some("é"));
        for bad in ["%", "%2", "%zz", "%+1", "%-1", "%FF", "a%C3"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn segments_cannot_split_or_climb() {
        assert_eq!(segment("summary").as_deref(), Some("summary"));
        assert_eq!(segment(".well-known").as_deref(), Some(".well-known"));
        assert_eq!(segment("%C3%A9t%C3%A9").as_deref(), Some("été"));
        for bad in [
            "",
            ".",
            "..",
            "%2e",
            "%2E%2e",
            "a%2fb",
            "a%5cb",
            "a%00",
            "%0d%0a",
            "a%7f",
            // U+0085 (NEL), a control character outside ASCII.
            "%C3%A9%C2%85",
        ] {
            assert_eq!(segment(bad), None, "{bad}");
        }
    }
}
