//! Times for people: relative ("3 hours ago") with the absolute time, in the admin's time zone,
//! on hover and for assistive technology.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// "just now", "5 minutes ago", "3 days ago", or "in 2 hours" for the future.
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    let (n, future) = (secs.unsigned_abs(), secs < 0);
    let (value, unit) = match n {
        0..=44 => return "just now".into(),
        45..=3_599 => (n.div_ceil(60).max(1), "minute"),
        3_600..=86_399 => (n / 3_600, "hour"),
        86_400..=2_591_999 => (n / 86_400, "day"),
        2_592_000..=31_535_999 => (n / 2_592_000, "month"),
        _ => (n / 31_536_000, "year"),
    };
    let plural = if value == 1 { "" } else { "s" };
    if future {
        format!("in {value} {unit}{plural}")
    } else {
        format!("{value} {unit}{plural} ago")
    }
}

/// The absolute time in the browser's locale and time zone (Intl), e.g. "28 Nov 2026, 14:03:11".
pub fn absolute(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
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
