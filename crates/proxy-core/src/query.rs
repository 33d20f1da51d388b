//! Query strings: strict `application/x-www-form-urlencoded` decoding into ordered pairs.

use crate::decode::percent_decode;

/// Decodes `a=1&b=x+y`; `None` if any part is not valid percent-encoded UTF-8.
pub fn parse(raw: Option<&str>) -> Option<Vec<(String, String)>> {
    let Some(raw) = raw else {
        return Some(Vec::new());
    };
    raw.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((
                percent_decode(&k.replace('+', " "))?,
                percent_decode(&v.replace('+', " "))?,
            ))
        })
        .collect()
}

/// The last value of `key`, as most servers read repeated parameters.
pub fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_pairs_and_rejects_bad_escapes() {
        let pairs = parse(Some("page=2&order_by=event%5Fcount&x=a+b&flag")).unwrap_or_default();
        assert_eq!(get(&pairs, "page"), Some("2"));
        assert_eq!(get(&pairs, "order_by"), Some("event_count"));
        assert_eq!(get(&pairs, "x"), Some("a b"));
        assert_eq!(get(&pairs, "flag"), Some(""));
        assert!(parse(Some("a=%zz")).is_none());
        assert_eq!(parse(None), Some(Vec::new()));
    }
}
