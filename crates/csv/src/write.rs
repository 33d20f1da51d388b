//! The writer.
//!
//! - Records end with CRLF; a cell is quoted when it holds a comma, a quote, CR or LF, and a
//!   quote inside is doubled.
//! - Formula guard (OWASP "CSV injection"): a text cell that starts with `=`, `+`, `-`, `@`,
//!   tab, CR or LF could run as a formula in Excel, LibreOffice or Sheets, so it is written as
//!   `"'…"`: a leading single quote, inside quotes. The cell then reads as text. The rule is
//!   applied to every [`Cell::Text`], so a negative number passed as text becomes `'-5`; real
//!   numbers go in as [`Cell::Count`] (never negative, so never guarded).
//! - A file starts with a UTF-8 byte order mark ([`BOM`]): Excel reads a CSV without one in
//!   the system's legacy code page and garbles every non-ASCII name. RFC 4180 parsers and
//!   Python's `utf-8-sig` skip it.

/// The UTF-8 byte order mark every CSV file starts with (see the module docs).
pub const BOM: &str = "\u{feff}";

/// One cell of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Text from data: quoted when needed, formula-guarded.
    Text(&'a str),
    /// A non-negative count, written as digits.
    Count(u64),
}

/// The first characters that make a spreadsheet read a cell as a formula (or a formula split
/// over lines): OWASP's list plus LF, which some spreadsheets skip before a formula.
pub const FORMULA_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// Appends one record (`cells` joined by commas, then CRLF) to `out`.
pub fn record(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(text) => push_text(out, text),
            Cell::Count(n) => out.push_str(&n.to_string()),
        }
    }
    out.push_str("\r\n");
}

/// Appends a header record of plain column names.
pub fn header(out: &mut String, names: &[&str]) {
    let cells: Vec<Cell> = names.iter().map(|n| Cell::Text(n)).collect();
    record(out, &cells);
}

/// Whether a text cell is written with the formula guard (a leading `'`).
pub fn guarded(text: &str) -> bool {
    text.starts_with(FORMULA_START)
}

fn push_text(out: &mut String, text: &str) {
    let formula = guarded(text);
    if !formula && !text.contains([',', '"', '\r', '\n']) {
        out.push_str(text);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    for part in text.split_inclusive('"') {
        out.push_str(part);
        if part.ends_with('"') {
            out.push('"');
        }
    }
    out.push('"');
}
