//! Text helpers shared by pages: counted nouns, and case folding for search and sorting.
//!
//! Must stay free of Leptos and the DOM; `lowercase` is called in tight loops (10,000 users per
//! keystroke).

/// `n` and the noun in the right number: `plural(1, "change", "changes")` is "1 change",
/// `plural(2, "change", "changes")` is "2 changes", `plural(1204, "user", "users")` is
/// "1,204 users". Every count the console words uses it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `n` with thousands separators, as the console writes counts: `thousands(1204)` is "1,204".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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

/// Each of `parts` lowercased as [`lowercase`] lowers it, with one call to the browser for all
/// the parts that are not ASCII: a call per string costs more than the lowering (a summary's
/// thousands of accented names). The parts go across joined by `\0`, which the mapping neither
/// makes nor changes, and which stops the final-sigma rule as the end of a string does; if a
/// part holds one itself, each part goes on its own.
pub fn lowercase_each<'a>(parts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    const JOIN: &str = "\0";
    let parts: Vec<&str> = parts.into_iter().collect();
    let foreign: Vec<&str> = parts.iter().copied().filter(|p| !p.is_ascii()).collect();
    let joined = (foreign.len() > 1 && !foreign.iter().any(|p| p.contains(JOIN)))
        .then(|| String::from(js_sys::JsString::from(foreign.join(JOIN)).to_lower_case()))
        .filter(|lowered| lowered.matches(JOIN).count() + 1 == foreign.len());
    let mut lowered = joined.iter().flat_map(|l| l.split(JOIN));
    parts
        .into_iter()
        .map(|p| match p.is_ascii() {
            true => p.to_ascii_lowercase(),
            false => lowered.next().map_or_else(|| lowercase(p), str::to_owned),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{plural, thousands};

    #[test]
    fn thousands_are_grouped_by_three() {
        let shown = [0, 7, 999, 1_000, 1_204, 50_000, 1_234_567].map(thousands);
        assert_eq!(
            shown,
            ["0", "7", "999", "1,000", "1,204", "50,000", "1,234,567"]
        );
    }

    #[test]
    fn plural_agrees_with_the_count() {
        assert_eq!(plural(0, "change", "changes"), "0 changes");
        assert_eq!(plural(1, "change", "changes"), "1 change");
        assert_eq!(
            plural(2, "unsaved change", "unsaved changes"),
            "2 unsaved changes"
        );
        assert_eq!(plural(50_000, "user", "users"), "50,000 users");
    }
}
