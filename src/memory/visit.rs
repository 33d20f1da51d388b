//! "Since your last visit": the history recorded since then, summed up per user and behavior
//! into what an admin wants to know first. Pure.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use zt_risk_api::RiskLevel;

use super::record::{Change, Entry, Subject};

/// One user in a line of the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub name: String,
    /// The level before (if they were in the summary) and now (if they are).
    pub from: Option<RiskLevel>,
    pub to: Option<RiskLevel>,
    /// For a reset: when it happened.
    pub reset_at: Option<DateTime<Utc>>,
}

/// What changed since the last visit, by kind.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SinceLastVisit {
    pub became_risky: Vec<Item>,
    pub rose: Vec<Item>,
    pub fell: Vec<Item>,
    pub new_events: Vec<Item>,
    pub reset: Vec<Item>,
    pub left: Vec<Item>,
    /// Behavior name and what became of it.
    pub behaviors: Vec<(String, Change)>,
}

impl SinceLastVisit {
    pub fn is_empty(&self) -> bool {
        [
            &self.became_risky,
            &self.rose,
            &self.fell,
            &self.new_events,
            &self.reset,
            &self.left,
        ]
        .iter()
        .all(|l| l.is_empty())
            && self.behaviors.is_empty()
    }
}

/// Sums up `entries` (the history recorded since the last visit, oldest first).
pub fn since(entries: &[Entry]) -> SinceLastVisit {
    let mut users: BTreeMap<(String, String), Vec<&Change>> = BTreeMap::new();
    let mut behaviors: BTreeMap<String, Vec<&Change>> = BTreeMap::new();
    for e in entries {
        match &e.subject {
            Subject::User { id, name } => users
                .entry((name.clone(), id.clone()))
                .or_default()
                .extend(&e.changes),
            Subject::Behavior { name, .. } => behaviors
                .entry(name.clone())
                .or_default()
                .extend(&e.changes),
        }
    }
    let mut out = SinceLastVisit::default();
    for ((name, id), changes) in users {
        let before = before(&changes);
        let after = changes.iter().fold(before.clone(), |state, c| match c {
            Change::Appeared { level, .. } => Some(level.clone()),
            Change::Level { to, .. } => Some(to.clone()),
            Change::Left { .. } => None,
            _ => state,
        });
        let reset_at = changes.iter().rev().find_map(|c| match c {
            Change::Reset { at } => Some(*at),
            _ => None,
        });
        let more = changes
            .iter()
            .any(|c| matches!(c, Change::Count { from, to } if to > from));
        let item = Item {
            id,
            name,
            from: before.clone(),
            to: after.clone(),
            reset_at,
        };
        let list = match (&before, &after) {
            _ if reset_at.is_some() => &mut out.reset,
            (None, Some(_)) => &mut out.became_risky,
            (Some(_), None) => &mut out.left,
            (Some(a), Some(b)) if b > a => &mut out.rose,
            (Some(a), Some(b)) if b < a => &mut out.fell,
            (Some(_), Some(_)) if more => &mut out.new_events,
            _ => continue,
        };
        list.push(item);
    }
    for (name, changes) in behaviors {
        let added = matches!(changes.first(), Some(Change::BehaviorAdded { .. }));
        let last = changes.last().map(|c| (*c).clone());
        let change = match last {
            Some(Change::BehaviorChanged { enabled, to, .. }) if added => Change::BehaviorAdded {
                enabled: enabled.1,
                level: to,
            },
            Some(change) => change,
            None => continue,
        };
        out.behaviors.push((name, change));
    }
    out
}

/// A user's state before the first of `changes`: out of the summary, or in it at a level.
fn before(changes: &[&Change]) -> Option<RiskLevel> {
    let first_level = changes.iter().find_map(|c| match c {
        Change::Level { from, .. } => Some(from.clone()),
        Change::Left { level } => Some(level.clone()),
        _ => None,
    });
    match changes.first() {
        Some(Change::Appeared { .. }) | None => None,
        Some(Change::Level { from, .. }) => Some(from.clone()),
        Some(Change::Left { level }) => Some(level.clone()),
        Some(_) => first_level.or(Some(RiskLevel::Unknown(String::new()))),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::memory::record::SCHEMA;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 12, minute, 0)
            .single()
            .expect("time")
    }

    fn user(minute: u32, id: &str, changes: Vec<Change>) -> Entry {
        Entry {
            version: SCHEMA,
            at: at(minute),
            subject: Subject::User {
                id: id.into(),
                name: format!("N{id}"),
            },
            changes,
        }
    }

    fn ids(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn each_user_lands_in_one_line_by_what_changed_in_all() {
        use RiskLevel::{High, Low, Medium};
        let entries = [
            user(
                1,
                "new",
                vec![Change::Appeared {
                    level: Low,
                    count: 1,
                }],
            ),
            user(
                1,
                "up",
                vec![Change::Level {
                    from: Low,
                    to: High,
                }],
            ),
            user(
                1,
                "down",
                vec![Change::Level {
                    from: High,
                    to: Low,
                }],
            ),
            user(1, "more", vec![Change::Count { from: 1, to: 3 }]),
            user(1, "gone", vec![Change::Left { level: Medium }]),
            user(1, "reset", vec![Change::Left { level: High }]),
            user(2, "reset", vec![Change::Reset { at: at(0) }]),
            // Up, then back down: nothing to tell.
            user(
                1,
                "flip",
                vec![Change::Level {
                    from: Low,
                    to: High,
                }],
            ),
            user(
                3,
                "flip",
                vec![Change::Level {
                    from: High,
                    to: Low,
                }],
            ),
            // Appeared and left in between visits: nothing either.
            user(
                1,
                "blip",
                vec![Change::Appeared {
                    level: Low,
                    count: 1,
                }],
            ),
            user(2, "blip", vec![Change::Left { level: Low }]),
        ];
        let s = since(&entries);
        assert_eq!(ids(&s.became_risky), ["new"]);
        assert_eq!(ids(&s.rose), ["up"]);
        assert_eq!(ids(&s.fell), ["down"]);
        assert_eq!(ids(&s.new_events), ["more"]);
        assert_eq!(ids(&s.left), ["gone"]);
        assert_eq!(ids(&s.reset), ["reset"]);
        assert_eq!(s.reset[0].reset_at, Some(at(0)));
        assert_eq!(
            (s.rose[0].from.clone(), s.rose[0].to.clone()),
            (Some(Low), Some(High))
        );
        assert!(!s.is_empty());
        assert!(since(&[]).is_empty());
    }

    #[test]
    fn behaviors_are_listed_with_their_last_change() {
        let behavior = |minute, change| Entry {
            version: SCHEMA,
            at: at(minute),
            subject: Subject::Behavior {
                id: "x".into(),
                name: "X".into(),
            },
            changes: vec![change],
        };
        let s = since(&[
            behavior(
                1,
                Change::BehaviorAdded {
                    enabled: false,
                    level: RiskLevel::Low,
                },
            ),
            behavior(
                2,
                Change::BehaviorChanged {
                    enabled: (false, true),
                    from: RiskLevel::Low,
                    to: RiskLevel::High,
                },
            ),
        ]);
        assert_eq!(
            s.behaviors,
            [(
                "X".to_owned(),
                Change::BehaviorAdded {
                    enabled: true,
                    level: RiskLevel::High
                }
            )]
        );
    }
}
