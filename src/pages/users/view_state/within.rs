//! "Last event within": how recent a user's last risk event is. The users list filters on it
//! (`within` in the URL) and the overview counts by it, so both use these exact windows.

use chrono::{DateTime, Duration, Utc};

/// A window back from now. The first three are cumulative ("within 7 days" includes the last
/// 24 hours); `Older` is everything before 30 days, so `Month` and `Older` split every user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    Day,
    Week,
    Month,
    Older,
}

impl Within {
    pub const ALL: [Self; 4] = [Self::Day, Self::Week, Self::Month, Self::Older];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "24h",
            Self::Week => "7d",
            Self::Month => "30d",
            Self::Older => "older",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == s)
    }

    /// Words for a filter option or a figure: "Last 24 hours", "Older than 30 days".
    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "Last 24 hours",
            Self::Week => "Last 7 days",
            Self::Month => "Last 30 days",
            Self::Older => "Older than 30 days",
        }
    }

    /// Whether an event at `at` falls in this window as seen at `now` (a future time counts as
    /// recent: clocks differ).
    pub fn contains(self, at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        let age = now - at;
        match self {
            Self::Day => age <= Duration::hours(24),
            Self::Week => age <= Duration::days(7),
            Self::Month => age <= Duration::days(30),
            Self::Older => age > Duration::days(30),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::Within;

    #[test]
    fn windows_are_cumulative_and_older_is_the_rest() {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 28, 12, 0, 0)
            .single()
            .expect("time");
        let in_window = |age: Duration| {
            Within::ALL
                .into_iter()
                .filter(|w| w.contains(now - age, now))
                .map(Within::as_str)
                .collect::<Vec<_>>()
        };
        assert_eq!(in_window(Duration::hours(2)), ["24h", "7d", "30d"]);
        assert_eq!(in_window(Duration::hours(24)), ["24h", "7d", "30d"]);
        assert_eq!(in_window(Duration::hours(25)), ["7d", "30d"]);
        assert_eq!(in_window(Duration::days(8)), ["30d"]);
        assert_eq!(in_window(Duration::days(31)), ["older"]);
        assert_eq!(in_window(-Duration::hours(1)), ["24h", "7d", "30d"]);
        for w in Within::ALL {
            assert_eq!(Within::parse(w.as_str()), Some(w));
        }
        assert_eq!(Within::parse("1y"), None);
    }
}
