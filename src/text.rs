//! Text helpers shared by pages: case folding for search and sorting.
//!
//! Must stay free of Leptos and the DOM; it is called in tight loops (10,000 users per keystroke).

/// `s` lowercased with the full Unicode mapping, as `str::to_lowercase` does ("ÉLODIE" →
/// "élodie", final sigma included).
///
/// ASCII text (most names and emails) is lowered in Rust; anything else goes to the browser's
/// `String.prototype.toLowerCase`, which implements the same Unicode mapping. This keeps Rust's
/// Unicode case tables out of the binary (≈ 17 KB raw, 5 KB brotli).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        js_sys::JsString::from(s).to_lower_case().into()
    }
}
