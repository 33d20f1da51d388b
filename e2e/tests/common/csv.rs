//! Reading a downloaded CSV back: the finished file, read with `zt-risk-csv`'s RFC 4180
//! reader (written apart from its writer, which the console uses).

use super::Console;

/// The CSV file the browser finished saving, with its name.
pub async fn downloaded(c: &Console) -> (String, String) {
    let path = c.downloaded("csv").await;
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(&path).expect("read the download");
    (name, text)
}

/// Clicks "Export CSV" and reads the file back: its name is `zt-risk-<view>-…Z.csv`, it starts
/// with a UTF-8 byte order mark; returns its records, the header first.
pub async fn export(c: &Console, view: &str) -> Vec<Vec<String>> {
    c.click_button("Export CSV").await;
    let (name, text) = downloaded(c).await;
    assert!(
        name.starts_with(&format!("zt-risk-{view}-")) && name.ends_with("Z.csv"),
        "{name}"
    );
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark");
    parse(body)
}

/// RFC 4180 records; panics unless the text ends with a whole record.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    assert!(
        text.is_empty() || text.ends_with("\r\n"),
        "the file ends with a full record"
    );
    zt_risk_csv::read(text)
}
