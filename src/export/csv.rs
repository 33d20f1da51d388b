//! RFC 4180 CSV text that is safe to open in a spreadsheet. Pure string building: no DOM.
//!
//! - Records end with CRLF; a cell is quoted when it holds a comma, a quote, CR or LF, and a
//!   quote inside is doubled.
//! - Formula guard (OWASP "CSV injection"): a text cell that starts with `=`, `+`, `-`, `@`,
//!   tab, CR or LF could run as a formula in Excel, LibreOffice or Sheets, so it is written as
//!   `"'…"`: a leading single quote, inside quotes. The cell then reads as text. The rule is
//!   applied to every [`Cell::Text`], so a negative number passed as text becomes `'-5`; real
//!   numbers go in as [`Cell::Count`] (never negative, so never guarded). The console's exports
//!   hold only strings, counts and RFC 3339 timestamps (which start with a digit).
//! - The file starts with a UTF-8 byte order mark ([`BOM`]): Excel reads a CSV without one in
//!   the system's legacy code page and garbles every non-ASCII name. RFC 4180 parsers and
//!   Python's `utf-8-sig` skip it.

use zt_risk_api::{RiskEvent, UserRiskInfo};

use super::json::timestamp;
use super::Who;

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
const FORMULA_START: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

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

/// The users file's header: the API's `UserRiskInfo` field names.
pub const USER_COLUMNS: [&str; 6] = [
    "user_id",
    "name",
    "email",
    "max_risk_level",
    "event_count",
    "last_event",
];

/// The detections file's header, in the view's order: the event's time, the user's fields from
/// the summary, then the API's `RiskEvent` fields. The API names an event's behavior but gives
/// it no behavior id, so `event_id` is the event's own `id`; `event_details` is compact JSON text.
pub const DETECTION_COLUMNS: [&str; 8] = [
    "timestamp",
    "name",
    "email",
    "user_id",
    "event_name",
    "event_id",
    "risk_level",
    "event_details",
];

/// Appends `u` as a record of [`USER_COLUMNS`].
pub fn user(out: &mut String, u: &UserRiskInfo) {
    let last_event = timestamp(u.last_event);
    record(
        out,
        &[
            Cell::Text(&u.user_id),
            Cell::Text(&u.name),
            Cell::Text(&u.email),
            Cell::Text(u.max_risk_level.as_str()),
            Cell::Count(u.event_count),
            Cell::Text(&last_event),
        ],
    );
}

/// Appends one event as a record of [`DETECTION_COLUMNS`].
pub fn detection(out: &mut String, who: Who, e: &RiskEvent) {
    let at = timestamp(e.timestamp);
    let details = e
        .event_details
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    record(
        out,
        &[
            Cell::Text(&at),
            Cell::Text(who.name),
            Cell::Text(who.email),
            Cell::Text(who.user_id),
            Cell::Text(&e.name),
            Cell::Text(&e.id),
            Cell::Text(e.risk_level.as_str()),
            Cell::Text(&details),
        ],
    );
}

fn push_text(out: &mut String, text: &str) {
    let formula = text.starts_with(FORMULA_START);
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

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
