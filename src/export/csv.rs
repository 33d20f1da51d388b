//! The console's CSV files: the users and detections records. The writing itself (RFC 4180
//! quoting, the spreadsheet formula guard, the byte order mark) is `zt-risk-csv`'s, a native
//! crate of its own so that it can be fuzzed; its rules are described there. The console's
//! exports hold only strings, counts and RFC 3339 timestamps (which start with a digit).

use zt_risk_api::{RiskEvent, UserRiskInfo};

use super::json::timestamp;
use super::Who;

pub use zt_risk_csv::{header, record, Cell, BOM};

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

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
