//! Incremental refresh: which users' events come from what is kept and which must be
//! fetched. The summary says what changed: a user whose row still has the `last_event` and
//! `event_count` their events were fetched under has no new events. Pure.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::record::UserRecord;

/// Which users the admin last loaded events for, kept so a revisit refreshes the same set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    /// Everyone in the summary.
    All,
    /// The users of one level.
    Level(String),
    /// These users (the Users list's filter at the time).
    Users(Vec<String>),
}

impl Scope {
    /// Whether `user` belongs to the scope.
    pub fn holds(&self, user: &UserRiskInfo) -> bool {
        match self {
            Scope::All => true,
            Scope::Level(level) => user.max_risk_level == RiskLevel::from_wire(level),
            Scope::Users(ids) => ids.binary_search(&user.user_id).is_ok(),
        }
    }
}

/// What a refresh does with each user of the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Summary positions whose kept events are current: taken from the store, no request.
    pub fresh: Vec<usize>,
    /// Summary positions in the scope whose events are fetched: `changed` ones were kept under
    /// an older row, `new` ones never were.
    pub due: Vec<usize>,
    pub changed: usize,
    pub new: usize,
    /// Users with kept events who are no longer in the summary.
    pub left: Vec<String>,
}

/// The plan for `summary` given the users kept and the scope last loaded (`None`: the admin
/// never loaded events for this profile, so nothing is fetched by itself).
pub fn plan(
    summary: &[UserRiskInfo],
    kept: &HashMap<String, UserRecord>,
    scope: Option<&Scope>,
) -> Plan {
    let mut plan = Plan::default();
    for (i, user) in summary.iter().enumerate() {
        let record = kept.get(&user.user_id);
        if record.is_some_and(|r| r.is_fresh_for(user)) {
            plan.fresh.push(i);
        } else if scope.is_some_and(|s| s.holds(user)) {
            plan.due.push(i);
            if record.is_some_and(|r| r.fetched.is_some()) {
                plan.changed += 1;
            } else {
                plan.new += 1;
            }
        }
    }
    let present: std::collections::HashSet<&str> =
        summary.iter().map(|u| u.user_id.as_str()).collect();
    plan.left = kept
        .iter()
        .filter(|(id, r)| r.fetched.is_some() && !present.contains(id.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    plan.left.sort();
    plan
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::memory::record::{Fetched, Row};

    fn user(id: &str, level: RiskLevel, count: u64) -> UserRiskInfo {
        UserRiskInfo {
            user_id: id.into(),
            name: id.into(),
            email: format!("{id}@x"),
            max_risk_level: level,
            event_count: count,
            last_event: Utc
                .timestamp_opt(1_700_000_000 + count as i64, 0)
                .single()
                .expect("time"),
        }
    }

    fn kept(users: &[UserRiskInfo]) -> HashMap<String, UserRecord> {
        users
            .iter()
            .map(|u| {
                let row = Row::of(u);
                let mut r = UserRecord::new(row.clone());
                r.fetched = Some(Fetched {
                    under: row.stamp(),
                    at: u.last_event,
                    events: 1,
                });
                (u.user_id.clone(), r)
            })
            .collect()
    }

    #[test]
    fn unchanged_users_come_from_the_store_and_changed_or_new_ones_are_due() {
        use RiskLevel::{High, Low};
        let before = [user("a", Low, 1), user("b", High, 2), user("gone", Low, 1)];
        let store = kept(&before);
        // a unchanged, b has a new event, c is new, "gone" left.
        let now = [user("a", Low, 1), user("b", High, 3), user("c", Low, 1)];
        let p = plan(&now, &store, Some(&Scope::All));
        assert_eq!(p.fresh, [0]);
        assert_eq!(p.due, [1, 2]);
        assert_eq!((p.changed, p.new), (1, 1));
        assert_eq!(p.left, ["gone"]);
        // A level change alone (a behavior's level changed) keeps the events current.
        let relevelled = [user("a", High, 1)];
        assert_eq!(plan(&relevelled, &store, Some(&Scope::All)).fresh, [0]);
    }

    #[test]
    fn only_the_scope_last_loaded_is_due_and_never_without_one() {
        use RiskLevel::{High, Low};
        let now = [user("a", Low, 1), user("b", High, 1), user("c", Low, 2)];
        let empty = HashMap::new();
        assert!(
            plan(&now, &empty, None).due.is_empty(),
            "never loaded: nothing by itself"
        );
        let high = Scope::Level("high".into());
        assert_eq!(plan(&now, &empty, Some(&high)).due, [1]);
        let some = Scope::Users(vec!["a".into(), "c".into()]);
        assert_eq!(plan(&now, &empty, Some(&some)).due, [0, 2]);
    }
}
