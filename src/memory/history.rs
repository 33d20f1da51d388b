//! The risk history: every summary the console receives, recorded as what changed per user
//! (appeared, level changed, count changed, left the summary), and every `GET /behaviors` as
//! what changed per behavior. An unchanged summary records nothing. Pure: the caller stores
//! what these functions return.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use zt_risk_api::{Behaviors, UserRiskInfo};

use super::record::{Change, Entry, Row, Subject, UserRecord, SCHEMA};

/// How long the history is kept unless the admin chose otherwise (Settings › Data).
pub const DEFAULT_RETENTION_DAYS: u32 = 180;

/// What recording a summary changes: user records to write and history entries to add.
#[derive(Debug, Default, PartialEq)]
pub struct Recorded {
    pub records: Vec<(String, UserRecord)>,
    pub entries: Vec<Entry>,
}

fn user(id: &str, row: &Row) -> Subject {
    let name = if row.name.trim().is_empty() {
        row.email.clone()
    } else {
        row.name.clone()
    };
    Subject::User {
        id: id.to_owned(),
        name,
    }
}

fn entry(at: DateTime<Utc>, subject: Subject, changes: Vec<Change>) -> Entry {
    Entry {
        version: SCHEMA,
        at,
        subject,
        changes,
    }
}

/// Compares `summary`, received at `at`, with the users kept (`stored`).
pub fn record_summary(
    stored: &HashMap<String, UserRecord>,
    summary: &[UserRiskInfo],
    at: DateTime<Utc>,
) -> Recorded {
    let mut out = Recorded::default();
    let mut present = HashSet::with_capacity(summary.len());
    for u in summary {
        present.insert(u.user_id.as_str());
        let row = Row::of(u);
        let (record, changes) = match stored.get(&u.user_id) {
            Some(kept) if kept.left_at.is_none() => {
                if kept.row == row {
                    continue;
                }
                let mut changes = Vec::new();
                if kept.row.level != row.level {
                    changes.push(Change::Level {
                        from: kept.row.level.clone(),
                        to: row.level.clone(),
                    });
                }
                if kept.row.count != row.count {
                    changes.push(Change::Count {
                        from: kept.row.count,
                        to: row.count,
                    });
                }
                let record = UserRecord {
                    row: row.clone(),
                    ..kept.clone()
                };
                (record, changes)
            }
            kept => {
                let appeared = Change::Appeared {
                    level: row.level.clone(),
                    count: row.count,
                };
                let record = UserRecord {
                    left_at: None,
                    row: row.clone(),
                    ..kept
                        .cloned()
                        .unwrap_or_else(|| UserRecord::new(row.clone()))
                };
                (record, vec![appeared])
            }
        };
        if !changes.is_empty() {
            out.entries.push(entry(at, user(&u.user_id, &row), changes));
        }
        out.records.push((u.user_id.clone(), record));
    }
    for (id, kept) in stored {
        if kept.left_at.is_none() && !present.contains(id.as_str()) {
            let left = Change::Left {
                level: kept.row.level.clone(),
            };
            out.entries.push(entry(at, user(id, &kept.row), vec![left]));
            let record = UserRecord {
                left_at: Some(at),
                ..kept.clone()
            };
            out.records.push((id.clone(), record));
        }
    }
    out.entries.sort_by_cached_key(|e| e.subject.key());
    out
}

/// A behavior as kept, to compare the next `GET /behaviors` with.
pub type KeptBehaviors = BTreeMap<String, (String, bool, String)>;

/// The behaviors of `now` in the form they are kept: id → (name, enabled, level).
pub fn keep_behaviors(now: &Behaviors) -> KeptBehaviors {
    now.behaviors
        .iter()
        .map(|(id, b)| {
            let level = b.risk_level.as_str().to_owned();
            (id.clone(), (b.name.clone(), b.enabled, level))
        })
        .collect()
}

/// What changed between the behaviors kept (`None` on the first read: nothing to compare) and
/// `now`, received at `at`.
pub fn record_behaviors(
    kept: Option<&KeptBehaviors>,
    now: &KeptBehaviors,
    at: DateTime<Utc>,
) -> Vec<Entry> {
    let Some(kept) = kept else {
        return Vec::new();
    };
    let level = |s: &str| zt_risk_api::RiskLevel::from_wire(s);
    let subject = |id: &str, name: &str| Subject::Behavior {
        id: id.to_owned(),
        name: name.to_owned(),
    };
    let mut entries = Vec::new();
    for (id, (name, enabled, lv)) in now {
        let change = match kept.get(id) {
            None => Change::BehaviorAdded {
                enabled: *enabled,
                level: level(lv),
            },
            Some((_, was_on, was)) if (was_on, was) != (enabled, lv) => Change::BehaviorChanged {
                enabled: (*was_on, *enabled),
                from: level(was),
                to: level(lv),
            },
            Some(_) => continue,
        };
        entries.push(entry(at, subject(id, name), vec![change]));
    }
    for (id, (name, _, _)) in kept {
        if !now.contains_key(id) {
            entries.push(entry(at, subject(id, name), vec![Change::BehaviorRemoved]));
        }
    }
    entries
}

/// The oldest time kept with a retention of `days` at `now`: older entries are pruned.
pub fn cutoff(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    now - Duration::days(i64::from(days))
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
