//! The users picked for a bulk action, kept by user id so the choice survives paging, sorting,
//! filtering and a refreshed summary. Plain data: the page keeps it in one signal.

use std::collections::HashSet;

use zt_risk_api::UserRiskInfo;

/// How much of a set of rows (a page) is selected, for the header checkbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    None,
    Some,
    All,
}

/// Selected user ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: HashSet<String>,
}

impl Selection {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Selects or unselects one user.
    pub fn set(&mut self, id: &str, on: bool) {
        if on {
            self.ids.insert(id.to_owned());
        } else {
            self.ids.remove(id);
        }
    }

    /// Selects or unselects every user of `ids` (a page, or every matching row).
    pub fn set_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, on: bool) {
        for id in ids {
            self.set(id, on);
        }
    }

    pub fn clear(&mut self) {
        self.ids.clear();
    }

    /// Forgets users that are no longer in `users` (reset, or gone from a refreshed summary).
    /// Returns whether anything was forgotten.
    pub fn keep_present(&mut self, users: &[UserRiskInfo]) -> bool {
        let before = self.ids.len();
        if before > 0 {
            let present: HashSet<&str> = users.iter().map(|u| u.user_id.as_str()).collect();
            self.ids.retain(|id| present.contains(id.as_str()));
        }
        self.ids.len() != before
    }

    /// How many of `ids` are selected.
    pub fn coverage<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Coverage {
        let (mut total, mut chosen) = (0, 0);
        for id in ids {
            total += 1;
            chosen += usize::from(self.contains(id));
        }
        match chosen {
            0 => Coverage::None,
            n if n == total => Coverage::All,
            _ => Coverage::Some,
        }
    }

    /// The selected users, in the order of `users` (the summary's), as (id, name) pairs.
    pub fn in_order(&self, users: &[UserRiskInfo]) -> Vec<(String, String)> {
        users
            .iter()
            .filter(|u| self.contains(&u.user_id))
            .map(|u| (u.user_id.clone(), u.display_name().to_owned()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use zt_risk_api::{RiskLevel, UserRiskInfo};

    use super::{Coverage, Selection};

    fn user(id: &str, name: &str) -> UserRiskInfo {
        UserRiskInfo {
            user_id: id.into(),
            name: name.into(),
            email: format!("{id}@example.com"),
            max_risk_level: RiskLevel::High,
            event_count: 1,
            last_event: Utc::now(),
        }
    }

    #[test]
    fn selection_is_kept_by_id_and_pruned_to_the_summary() {
        let users = vec![user("a", "Ada"), user("b", " "), user("c", "Cy")];
        let mut s = Selection::default();
        s.set("c", true);
        s.set_all(["a", "b"], true);
        assert_eq!(s.len(), 3);
        assert_eq!(s.coverage(["a", "b"]), Coverage::All);
        s.set("b", false);
        assert_eq!(s.coverage(["a", "b"]), Coverage::Some);
        assert_eq!(s.coverage(["b"]), Coverage::None);
        assert_eq!(
            s.in_order(&users),
            [("a".into(), "Ada".into()), ("c".into(), "Cy".into())]
        );
        // "a" left the summary (reset); "c" is still there.
        assert!(s.keep_present(&users[1..]));
        assert!(!s.contains("a") && s.contains("c"));
        assert!(!s.keep_present(&users[1..]), "nothing more to forget");
        s.set("b", true);
        assert_eq!(
            s.in_order(&users)[0].1,
            "b@example.com",
            "a blank name shows the email"
        );
        s.clear();
        assert!(s.is_empty());
    }
}
