//! Files the console produces: CSV and JSON text of the API's objects, built in the browser and
//! offered as a download. Owns escaping for the tools that open them (`csv`: RFC 4180 with a
//! spreadsheet formula guard; `json`: the API's own objects) and the download itself (`file`:
//! a Blob built in chunks, an `<a download>` click). Knows nothing of pages or signals.
//!
//! A page's view goes through a [`Table`] (see [`UserRows`]) and the shared `ExportButtons`;
//! other files use the pieces directly:
//!
//! ```ignore
//! // A small file (a few KB of JSON):
//! export::save_text(&export::file_name("behaviors", &account, Utc::now(), Format::Json), Format::Json, &text)?;
//! // A big one, a chunk of rows at a time, with progress (`false` from `progress` stops it):
//! let rows = export::Rows { head: json::USERS.0, count: n, write: &|out, i| { json::separator(out, i); json::user(out, &users[i]) }, tail: json::USERS.1 };
//! if let Some(blob) = export::build(rows, Format::Json, &|done| { shown.set(done); true }).await? {
//!     export::download(&blob, &name)?;
//! }
//! ```

pub mod csv;
#[cfg(any(test, feature = "fake"))]
pub mod csv_reader;
mod file;
pub mod json;
mod table;

use chrono::{DateTime, Datelike, Timelike, Utc};

pub use file::{build, download, save_text, Rows, CHUNK_ROWS};
pub use table::{build_table, DetectionRows, Table, UserRows};

/// Whose event a detection is: the user's fields from the summary, written beside each event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who<'a> {
    pub user_id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
}

/// A file format the console exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }

    /// The Blob's media type.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Csv => "text/csv;charset=utf-8",
            Self::Json => "application/json",
        }
    }

    /// The name people read: "CSV", "JSON".
    pub fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Json => "JSON",
        }
    }
}

/// `zt-risk-<what>-<account>-<UTC time>.<ext>`, e.g.
/// `zt-risk-users-0123…cdef-20261128T231500Z.csv`. Anything but ASCII letters, digits and `-`
/// is left out of `account`, so a typed account id cannot make a path or a hidden file.
pub fn file_name(what: &str, account: &str, at: DateTime<Utc>, format: Format) -> String {
    let account: String = account
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    let account = if account.is_empty() {
        "account".to_owned()
    } else {
        account
    };
    // Written by hand: chrono's strftime formatting would add its parser to the binary.
    format!(
        "zt-risk-{what}-{account}-{:04}{:02}{:02}T{:02}{:02}{:02}Z.{}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::{file_name, Format};

    #[test]
    fn file_names_carry_the_account_and_a_utc_time() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 28, 23, 15, 0)
            .single()
            .expect("time");
        assert_eq!(
            file_name("users", "0123456789abcdef0123456789abcdef", at, Format::Csv),
            "zt-risk-users-0123456789abcdef0123456789abcdef-20261128T231500Z.csv"
        );
        assert_eq!(
            file_name("detections", "../x y", at, Format::Json),
            "zt-risk-detections-xy-20261128T231500Z.json"
        );
        assert_eq!(
            file_name("users", "", at, Format::Csv),
            "zt-risk-users-account-20261128T231500Z.csv"
        );
        assert_eq!(Format::Json.mime(), "application/json");
    }
}
