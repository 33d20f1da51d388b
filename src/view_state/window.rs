//! A time window back from now, as the views filter on it: Users by the last event
//! (`within`), Detections by the event's time (`range`), and the Overview's figures that link
//! to both. One type, so "Last 7 days" is the same 7 days everywhere.

use std::borrow::Cow;

use chrono::{DateTime, Duration, Utc};

use super::query::QueryValue;

/// A window back from now. The first four are cumulative ("within 7 days" includes the last 24
/// hours); `Older` is everything before 30 days, so `Month` and `Older` split every time;
/// `Custom` is a view's own dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Window {
    Day,
    Week,
    Month,
    Quarter,
    Older,
    Custom,
}

impl Window {
    /// The windows the Users list offers for the last event.
    pub const USERS: [Window; 4] = [Window::Day, Window::Week, Window::Month, Window::Older];
    /// The windows Detections offers for the event time.
    pub const DETECTIONS: [Window; 5] = [
        Window::Day,
        Window::Week,
        Window::Month,
        Window::Quarter,
        Window::Custom,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Window::Day => "24h",
            Window::Week => "7d",
            Window::Month => "30d",
            Window::Quarter => "90d",
            Window::Older => "older",
            Window::Custom => "custom",
        }
    }

    /// Words for a filter option or a figure: "Last 24 hours", "Older than 30 days".
    pub fn label(self) -> &'static str {
        match self {
            Window::Day => "Last 24 hours",
            Window::Week => "Last 7 days",
            Window::Month => "Last 30 days",
            Window::Quarter => "Last 90 days",
            Window::Older => "Older than 30 days",
            Window::Custom => "Custom dates",
        }
    }

    /// The window's length back from now (none for `Older` and `Custom`).
    pub fn length(self) -> Option<Duration> {
        match self {
            Window::Day => Some(Duration::hours(24)),
            Window::Week => Some(Duration::days(7)),
            Window::Month => Some(Duration::days(30)),
            Window::Quarter => Some(Duration::days(90)),
            Window::Older | Window::Custom => None,
        }
    }

    /// Whether a time `at` falls in this window as seen at `now` (a future time counts as
    /// recent: clocks differ). `Custom` holds every time: its dates decide.
    pub fn contains(self, at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        let age = now - at;
        match (self, self.length()) {
            (_, Some(length)) => age <= length,
            (Window::Older, None) => age > Duration::days(30),
            _ => true,
        }
    }
}

impl QueryValue for Window {
    fn to_query(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.as_str())
    }

    fn from_query(text: &str) -> Option<Self> {
        [
            Window::Day,
            Window::Week,
            Window::Month,
            Window::Quarter,
            Window::Older,
            Window::Custom,
        ]
        .into_iter()
        .find(|w| w.as_str() == text)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;

    #[test]
    fn windows_are_cumulative_and_older_is_the_rest() {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 28, 12, 0, 0)
            .single()
            .expect("time");
        let in_window = |age: Duration| {
            Window::USERS
                .into_iter()
                .filter(|w| w.contains(now - age, now))
                .map(Window::as_str)
                .collect::<Vec<_>>()
        };
        assert_eq!(in_window(Duration::hours(2)), ["24h", "7d", "30d"]);
        assert_eq!(in_window(Duration::hours(24)), ["24h", "7d", "30d"]);
        assert_eq!(in_window(Duration::hours(25)), ["7d", "30d"]);
        assert_eq!(in_window(Duration::days(8)), ["30d"]);
        assert_eq!(in_window(Duration::days(31)), ["older"]);
        assert_eq!(in_window(-Duration::hours(1)), ["24h", "7d", "30d"]);
        assert!(Window::Quarter.contains(now - Duration::days(90), now));
        assert!(!Window::Quarter.contains(now - Duration::days(91), now));
        for w in Window::USERS.into_iter().chain(Window::DETECTIONS) {
            assert_eq!(Window::from_query(w.as_str()), Some(w));
        }
        assert_eq!(Window::from_query("1y"), None);
    }
}
