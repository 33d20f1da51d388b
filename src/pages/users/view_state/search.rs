//! The search index of one summary ([`SearchIndex`]): every user's name and email lowercased
//! once into one text with each user's offset, so a keystroke runs one substring search over
//! that text instead of two per user, and allocates one flag per user, not a string. The
//! accented names and emails are lowered by the browser in one call.

use memchr::memmem::Finder;
use zt_risk_api::UserRiskInfo;

use crate::text::lowercase_each;

/// Ends a name and an email in the text: a match never runs from one into the next.
const END: char = '\0';

/// Every user's lowercased name and email, for case-insensitive search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    /// `name\0email\0` of each user, in the summary's order.
    text: String,
    /// User `i`'s part of `text` is `starts[i]..starts[i + 1]`.
    starts: Vec<usize>,
}

impl SearchIndex {
    pub fn new(users: &[UserRiskInfo]) -> Self {
        let size = users.iter().map(|u| u.name.len() + u.email.len() + 2);
        let mut text = String::with_capacity(size.sum());
        let mut starts = Vec::with_capacity(users.len() + 1);
        // The parts that are not ASCII, lowered in one call, taken in the same order below.
        let foreign = users
            .iter()
            .flat_map(|u| [u.name.as_str(), u.email.as_str()])
            .filter(|p| !p.is_ascii());
        let mut foreign = lowercase_each(foreign).into_iter();
        for u in users {
            starts.push(text.len());
            for part in [&u.name, &u.email] {
                if part.is_ascii() {
                    let start = text.len();
                    text.push_str(part);
                    text[start..].make_ascii_lowercase();
                } else {
                    text.push_str(&foreign.next().unwrap_or_default());
                }
                text.push(END);
            }
        }
        starts.push(text.len());
        Self { text, starts }
    }

    /// For each user, whether their name or email contains `needle` (lowercased, not empty);
    /// `None` if the index cannot tell (the needle holds the separator).
    pub fn hits(&self, needle: &str) -> Option<Vec<bool>> {
        if needle.is_empty() || needle.contains(END) {
            return None;
        }
        let mut hits = vec![false; self.starts.len() - 1];
        let finder = Finder::new(needle.as_bytes());
        let text = self.text.as_bytes();
        let (mut from, mut user) = (0, 0);
        while let Some(at) = finder.find(&text[from..]) {
            let at = from + at;
            while self.starts[user + 1] <= at {
                user += 1;
            }
            hits[user] = true;
            // One match is enough: go on with the next user.
            from = self.starts[user + 1];
        }
        Some(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, email: &str) -> UserRiskInfo {
        UserRiskInfo {
            user_id: name.into(),
            name: name.into(),
            email: email.into(),
            max_risk_level: zt_risk_api::RiskLevel::Low,
            event_count: 1,
            last_event: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_search_finds_each_user_whose_name_or_email_holds_the_text() {
        let users = [
            user("Ann Lee", "ann@corp.example"),
            user("", "lee.ann@corp.example"),
            user("BOB", "b@x"),
            user("Ann Ann", "ann.ann@a"),
        ];
        let index = SearchIndex::new(&users);
        assert_eq!(index.hits("ann"), Some(vec![true, true, false, true]));
        assert_eq!(index.hits("bob"), Some(vec![false, false, true, false]));
        assert_eq!(index.hits("corp."), Some(vec![true, true, false, false]));
        // No match runs from a name into its email, or from one user into the next.
        assert_eq!(index.hits("leeann"), Some(vec![false; 4]));
        assert_eq!(index.hits("exampleb"), Some(vec![false; 4]));
        assert_eq!(index.hits("\0"), None);
        assert_eq!(index.hits(""), None);
        assert_eq!(SearchIndex::new(&[]).hits("a"), Some(vec![]));
    }
}
