//! Times for people: relative ("3 hours ago") with the absolute time, in the admin's time zone,
//! on hover and for assistive technology.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::text::plural;

/// "just now", "5 minutes ago", "3 days ago", or "in 2 hours" for the future.
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    let (n, future) = (secs.unsigned_abs(), secs < 0);
    let (value, one, many) = match n {
        0..=44 => return "just now".into(),
        45..=3_599 => (n.div_ceil(60).max(1), "minute", "minutes"),
        3_600..=86_399 => (n / 3_600, "hour", "hours"),
        86_400..=2_591_999 => (n / 86_400, "day", "days"),
        2_592_000..=31_535_999 => (n / 2_592_000, "month", "months"),
        _ => (n / 31_536_000, "year", "years"),
    };
    // chrono dates span about 262,000 years either way, so the value fits any usize.
    let amount = plural(value as usize, one, many);
    if future {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A JS `Date`, for the one call js-sys cannot make: `toLocaleString()` without arguments.
    /// js-sys always passes a locale, and with one V8 builds a new formatter per call (≈ 40
    /// times slower: milliseconds for a page of rows).
    type LocalDate;
    #[wasm_bindgen(method, js_name = toLocaleString)]
    fn to_locale_string(this: &LocalDate) -> String;
}

/// The absolute time in the browser's locale and time zone (Intl), e.g. "28 Nov 2026, 14:03:11".
pub fn absolute(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    wasm_bindgen::JsCast::unchecked_ref::<LocalDate>(&date).to_locale_string()
}

/// Minutes the browser's time zone is ahead of UTC (60 in Paris in winter), for local days.
pub fn local_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// A `<time>` element showing relative time, with the absolute time as its title.
#[component]
pub fn RelativeTime(
    /// The moment to show.
    at: DateTime<Utc>,
) -> impl IntoView {
    let text = relative(at, Utc::now());
    let full = absolute(at);
    view! { <time datetime=at.to_rfc3339() title=full>{text}</time> }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::relative;

    #[test]
    fn relative_times_read_naturally() {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 28, 12, 0, 0)
            .single()
            .expect("time");
        let ago = |d: Duration| relative(now - d, now);
        assert_eq!(ago(Duration::seconds(10)), "just now");
        assert_eq!(ago(Duration::seconds(60)), "1 minute ago");
        assert_eq!(ago(Duration::minutes(59)), "59 minutes ago");
        assert_eq!(ago(Duration::hours(3)), "3 hours ago");
        assert_eq!(ago(Duration::days(1)), "1 day ago");
        assert_eq!(ago(Duration::days(45)), "1 month ago");
        assert_eq!(ago(Duration::days(800)), "2 years ago");
        assert_eq!(relative(now + Duration::hours(2), now), "in 2 hours");
    }
}
