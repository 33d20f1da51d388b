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
