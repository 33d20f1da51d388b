//! Which behaviors are new since the admin's last visit: the ids seen are remembered per
//! account on this device; an id not among them is "New". On the first visit nothing is.

use std::collections::BTreeSet;

use crate::session::storage;

/// The ids in `loaded` missing from `seen` (the remembered JSON list; `None` on a first visit,
/// when nothing is new), and the list to remember now: everything seen so far.
pub fn new_ids<'a>(
    seen: Option<&str>,
    loaded: impl Iterator<Item = &'a String>,
) -> (BTreeSet<String>, String) {
    let before: Option<BTreeSet<String>> = seen.and_then(|s| serde_json::from_str(s).ok());
    let mut all = before.clone().unwrap_or_default();
    let fresh = loaded
        .filter(|id| all.insert((*id).clone()) && before.is_some())
        .cloned()
        .collect();
    (fresh, serde_json::to_string(&all).unwrap_or_default())
}

/// The new ids of `account` among `loaded`, remembering them all as seen.
pub fn take_new<'a>(account: &str, loaded: impl Iterator<Item = &'a String>) -> BTreeSet<String> {
    let (fresh, all) = new_ids(storage::seen_behaviors(account).as_deref(), loaded);
    storage::set_seen_behaviors(account, &all);
    fresh
}

#[cfg(test)]
mod tests {
    use super::new_ids;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn nothing_is_new_on_a_first_visit_then_unseen_ids_are() {
        let (fresh, kept) = new_ids(None, ids(&["a", "b"]).iter());
        assert!(fresh.is_empty());
        assert_eq!(kept, r#"["a","b"]"#);
        let (fresh, kept) = new_ids(Some(&kept), ids(&["a", "b", "c"]).iter());
        assert_eq!(fresh.into_iter().collect::<Vec<_>>(), ["c"]);
        assert_eq!(kept, r#"["a","b","c"]"#);
        let (fresh, kept) = new_ids(Some(&kept), ids(&["c"]).iter());
        assert!(fresh.is_empty(), "seen once is enough");
        assert_eq!(
            kept, r#"["a","b","c"]"#,
            "ids gone from the server stay seen"
        );
    }

    #[test]
    fn an_unreadable_memory_counts_as_a_first_visit() {
        let (fresh, kept) = new_ids(Some("not json"), ids(&["a"]).iter());
        assert!(fresh.is_empty());
        assert_eq!(kept, r#"["a"]"#);
    }
}
