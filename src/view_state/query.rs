//! Reading and writing a view's URL query: values decoded on the way in, percent-encoded on
//! the way out, defaults left out so the bare page link is the default view.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use zt_risk_api::paths::encode_segment;
use zt_risk_api::RiskLevel;

use crate::sort::Dir;

/// A value kept in the query under one key: how it is written, and read back.
pub trait QueryValue: Sized {
    /// The text written after `key=` (before encoding).
    fn to_query(&self) -> Cow<'static, str>;
    /// The value a query text names; `None` when it names none (the view then uses its
    /// default).
    fn from_query(text: &str) -> Option<Self>;
}

impl QueryValue for RiskLevel {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Owned(self.as_str().to_owned())
    }

    fn from_query(text: &str) -> Option<Self> {
        RiskLevel::parse_known(text)
    }
}

impl QueryValue for Dir {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.as_str())
    }

    fn from_query(text: &str) -> Option<Self> {
        Dir::parse(text)
    }
}

/// A calendar day, `YYYY-MM-DD` as `<input type=date>` writes it.
impl QueryValue for NaiveDate {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Owned(format!(
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        ))
    }

    fn from_query(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '-').map(str::parse::<u32>);
        let (y, m, d) = (
            parts.next()?.ok()?,
            parts.next()?.ok()?,
            parts.next()?.ok()?,
        );
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    }
}

/// The decoded values of a query, by key (a key may repeat).
pub struct QueryReader<'a> {
    get: &'a dyn Fn(&str) -> Vec<String>,
}

impl<'a> QueryReader<'a> {
    /// A reader over `get`, which gives every decoded value of a key (the router's query map).
    pub fn new(get: &'a dyn Fn(&str) -> Vec<String>) -> Self {
        Self { get }
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        (self.get)(key)
    }

    /// The first value of `key` as text; empty when absent.
    pub fn text(&self, key: &str) -> String {
        self.all(key).into_iter().next().unwrap_or_default()
    }

    /// The first value of `key`, if it names a `T`.
    pub fn value<T: QueryValue>(&self, key: &str) -> Option<T> {
        self.all(key)
            .into_iter()
            .next()
            .and_then(|v| T::from_query(&v))
    }

    /// The 1-based page (`page`), 1 when absent or unreadable.
    pub fn page(&self) -> usize {
        self.text("page")
            .parse::<usize>()
            .ok()
            .filter(|p| *p >= 1)
            .unwrap_or(1)
    }
}

/// A query being written: `key=value` pairs in order, values percent-encoded.
#[derive(Debug, Default)]
pub struct QueryWriter {
    parts: Vec<String>,
}

impl QueryWriter {
    /// `key=text`, unless `text` is empty (the default).
    pub fn text(&mut self, key: &str, text: &str) {
        if !text.is_empty() {
            self.parts.push(format!("{key}={}", encode_segment(text)));
        }
    }

    /// `key=value`, unless there is none (the default).
    pub fn value<T: QueryValue>(&mut self, key: &str, value: Option<&T>) {
        if let Some(value) = value {
            self.text(key, &value.to_query());
        }
    }

    /// `page=n`, unless it is the first page.
    pub fn page(&mut self, page: usize) {
        if page > 1 {
            self.parts.push(format!("page={page}"));
        }
    }

    /// The query, with its `?`; empty when every value was the default.
    pub fn finish(self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!("?{}", self.parts.join("&"))
        }
    }
}

/// The decoded `(key, value)` pairs of a query string (with or without its `?`), as the
/// browser's `URLSearchParams` reads them: `+` is a space, `%XX` a byte, and bytes that are
/// not UTF-8 are replaced.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every value of `key` in `pairs` (from [`parse_query`]), for a [`QueryReader`].
pub fn values_of(pairs: &[(String, String)], key: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_encoded_values_and_reads_them_back() {
        let mut w = QueryWriter::default();
        w.text("q", "ada lovelace&x=1+é");
        w.text("empty", "");
        w.value("level", Some(&RiskLevel::High));
        w.value::<Dir>("dir", None);
        w.value("from", NaiveDate::from_ymd_opt(2026, 2, 3).as_ref());
        w.page(1);
        w.page(3);
        let query = w.finish();
        assert_eq!(
            query,
            "?q=ada%20lovelace%26x%3D1%2B%C3%A9&level=high&from=2026-02-03&page=3"
        );
        let pairs = parse_query(&query);
        let get = |k: &str| values_of(&pairs, k);
        let r = QueryReader::new(&get);
        assert_eq!(r.text("q"), "ada lovelace&x=1+é");
        assert_eq!(r.value::<RiskLevel>("level"), Some(RiskLevel::High));
        assert_eq!(r.value::<Dir>("dir"), None);
        assert_eq!(
            r.value::<NaiveDate>("from"),
            NaiveDate::from_ymd_opt(2026, 2, 3)
        );
        assert_eq!(r.page(), 3);
        assert_eq!(QueryWriter::default().finish(), "");
    }

    #[test]
    fn reads_what_a_browser_or_a_person_writes() {
        let pairs = parse_query("?a=1+2&a=%zz&b&c=%E2%82%AC&d=%FF&page=0");
        assert_eq!(
            pairs,
            [
                ("a".into(), "1 2".into()),
                ("a".into(), "%zz".into()),
                ("b".into(), "".into()),
                ("c".into(), "€".into()),
                ("d".into(), "\u{FFFD}".into()),
                ("page".into(), "0".into()),
            ]
        );
        let get = |k: &str| values_of(&pairs, k);
        let r = QueryReader::new(&get);
        assert_eq!(r.all("a"), ["1 2", "%zz"]);
        assert_eq!(r.page(), 1, "page 0 is no page");
        assert_eq!(NaiveDate::from_query("2026-02-30"), None);
        assert_eq!(
            NaiveDate::from_query("2026-2-3"),
            NaiveDate::from_ymd_opt(2026, 2, 3)
        );
        assert_eq!(NaiveDate::from_query("x"), None);
    }
}
