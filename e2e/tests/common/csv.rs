//! Reading a downloaded CSV back: the finished file, and the tests' own RFC 4180 reader,
//! independent of the console's writer.

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
    let (mut rows, mut row, mut cell, mut quoted) = (vec![], vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (_, ch) => cell.push(ch),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the file ends with a full record"
    );
    rows
}
