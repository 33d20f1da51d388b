//! A user's risk history as a timeline: their level over time (steps), their resets, and
//! their events per day, from the history kept and the events seen. Pure; the user page draws it.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use zt_risk_api::RiskLevel;

use super::record::{Change, Entry};

/// From `at` until the next step, the user's level (`None`: not in the summary).
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub level: Option<RiskLevel>,
}

/// What the user page draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    pub steps: Vec<Step>,
    pub resets: Vec<DateTime<Utc>>,
    /// Events per UTC day, from the first day with anything to `now`'s day, days without
    /// events included.
    pub per_day: Vec<(NaiveDate, usize)>,
}

/// The timeline of one user from their history `entries` (oldest first) and the times of every
/// event seen for them (listed and kept), up to `now`.
pub fn timeline(entries: &[Entry], events: &[DateTime<Utc>], now: DateTime<Utc>) -> Timeline {
    let mut out = Timeline::default();
    for entry in entries {
        for change in &entry.changes {
            let level = match change {
                Change::Appeared { level, .. } => Some(level.clone()),
                Change::Level { to, .. } => Some(to.clone()),
                Change::Left { .. } => None,
                Change::Reset { at } => {
                    if !out.resets.contains(at) {
                        out.resets.push(*at);
                    }
                    continue;
                }
                _ => continue,
            };
            if out.steps.last().map(|s| &s.level) != Some(&level) {
                out.steps.push(Step {
                    at: entry.at,
                    level,
                });
            }
        }
    }
    out.resets.sort();
    let first = events
        .iter()
        .copied()
        .chain(out.steps.first().map(|s| s.at))
        .min();
    if let Some(first) = first {
        let (first, last) = (first.date_naive(), now.date_naive());
        let days = (last - first).num_days().clamp(0, 3_650);
        out.per_day = (0..=days).map(|d| (first + Duration::days(d), 0)).collect();
        for at in events {
            let day = (at.date_naive() - first).num_days();
            if let Some(slot) = usize::try_from(day)
                .ok()
                .and_then(|d| out.per_day.get_mut(d))
            {
                slot.1 += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::memory::record::{Subject, SCHEMA};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0)
            .single()
            .expect("time")
    }

    fn entry(day: u32, changes: Vec<Change>) -> Entry {
        Entry {
            version: SCHEMA,
            at: at(day, 12),
            subject: Subject::User {
                id: "u".into(),
                name: "U".into(),
            },
            changes,
        }
    }

    #[test]
    fn steps_resets_and_days() {
        use RiskLevel::{High, Low};
        let entries = [
            entry(
                1,
                vec![Change::Appeared {
                    level: Low,
                    count: 1,
                }],
            ),
            entry(2, vec![Change::Count { from: 1, to: 2 }]),
            entry(
                3,
                vec![Change::Level {
                    from: Low,
                    to: High,
                }],
            ),
            entry(4, vec![Change::Left { level: High }]),
            entry(5, vec![Change::Reset { at: at(4, 9) }]),
        ];
        let events = [at(1, 1), at(1, 5), at(3, 2)];
        let t = timeline(&entries, &events, at(5, 20));
        assert_eq!(
            t.steps,
            [
                Step {
                    at: at(1, 12),
                    level: Some(Low)
                },
                Step {
                    at: at(3, 12),
                    level: Some(High)
                },
                Step {
                    at: at(4, 12),
                    level: None
                },
            ]
        );
        assert_eq!(t.resets, [at(4, 9)]);
        let counts: Vec<usize> = t.per_day.iter().map(|d| d.1).collect();
        assert_eq!(counts, [2, 0, 1, 0, 0]);
        assert_eq!(timeline(&[], &[], at(1, 1)), Timeline::default());
    }
}
