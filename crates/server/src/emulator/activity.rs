//! `--activity N/MIN`: time passes in the emulator. Every MIN minutes, N distinct users of each
//! account get one new event each, of an enabled behavior at its current level, so their
//! summary rows change (`last_event`, `event_count`, maybe `max_risk_level`; a reset user comes
//! back) as on Cloudflare. Deterministic: a round's draws are seeded from `--seed`, the account
//! id and how many events the account holds, so the same seed gives the same users the same
//! events in the same order, and a restart from `--state` goes on without repeating an id.
//! Owns the option and the rule; the timer is in `mod.rs`.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::catalog;
use super::rng::Rng;
use super::seed::WEIGHTS;
use super::store::{Event, Store};

/// Largest N and MIN `--activity` accepts.
pub const MAX_EVENTS: u32 = 100_000;
pub const MAX_MINUTES: u64 = 1_440;

/// N new events every period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    pub events: u32,
    pub every: Duration,
}

impl Activity {
    /// Parses `N/MIN` (whole numbers, 1 ≤ N ≤ 100,000, 1 ≤ MIN ≤ 1,440); `N/min` is `N/1`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let usage = || {
            format!(
                "--activity {raw:?}: expected N/MIN, N new events every MIN minutes, with whole \
                 numbers, 1 <= N <= {MAX_EVENTS} and 1 <= MIN <= {MAX_MINUTES} (N/min: every minute)"
            )
        };
        let (n, minutes) = raw.split_once('/').ok_or_else(usage)?;
        let events: u32 = n.parse().map_err(|_| usage())?;
        let minutes: u64 = match minutes {
            "min" => 1,
            m => m.parse().map_err(|_| usage())?,
        };
        if !(1..=MAX_EVENTS).contains(&events) || !(1..=MAX_MINUTES).contains(&minutes) {
            return Err(usage());
        }
        Ok(Self {
            events,
            every: Duration::from_secs(minutes * 60),
        })
    }
}

/// The generator of the next round of `store`: SHA-256 of the seed, the account id and the
/// number of events it holds (which every round changes).
fn round_seed(seed: u64, store: &Store) -> u64 {
    let held: usize = store.users.values().map(|u| u.events.len()).sum();
    let digest = Sha256::new()
        .chain_update(b"zt-risk-emulator activity\0")
        .chain_update(seed.to_le_bytes())
        .chain_update(store.account_id.as_bytes())
        .chain_update((held as u64).to_le_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(first)
}

impl Store {
    /// One round of activity at `at`: up to `events` distinct users (all of them if fewer) get
    /// one new event each. Returns the users changed, in the order they were drawn; none when
    /// every behavior is disabled (Cloudflare records no event then).
    pub fn add_activity(&mut self, seed: u64, events: usize, at: DateTime<Utc>) -> Vec<String> {
        let definitions = catalog::definitions();
        let enabled: Vec<(usize, u64)> = definitions
            .iter()
            .zip(WEIGHTS)
            .enumerate()
            .filter(|(_, (d, _))| self.behaviors.get(d.id).is_some_and(|b| b.enabled))
            .map(|(i, (_, weight))| (i, weight))
            .collect();
        let total: u64 = enabled.iter().map(|(_, w)| w).sum();
        if total == 0 || self.users.is_empty() {
            return Vec::new();
        }
        let mut rng = Rng::new(round_seed(seed, self));
        // A partial Fisher-Yates shuffle of the user positions: `events` distinct draws.
        let mut positions: Vec<usize> = (0..self.users.len()).collect();
        let count = events.min(positions.len());
        for i in 0..count {
            let j = i + rng.below((positions.len() - i) as u64) as usize;
            positions.swap(i, j);
        }
        let ids: Vec<String> = self.users.keys().cloned().collect();
        let mut changed = Vec::with_capacity(count);
        for &position in &positions[..count] {
            let mut roll = rng.below(total);
            let drawn = enabled
                .iter()
                .find(|(_, weight)| {
                    let hit = roll < *weight;
                    roll = roll.saturating_sub(*weight);
                    hit
                })
                .map_or(enabled[0].0, |(i, _)| *i);
            let behavior = definitions[drawn].id;
            let level = self.behaviors.get(behavior).map(|b| b.risk_level.clone());
            let (Some(level), Some(user)) = (level, self.users.get_mut(&ids[position])) else {
                continue;
            };
            let event = Event {
                id: rng.uuid(),
                behavior: behavior.to_owned(),
                risk_level: level,
                timestamp: at,
                event_details: None,
                details_seed: Some(rng.next_u64()),
            };
            let user = std::sync::Arc::make_mut(user);
            // Newest first, whatever the clock did.
            let at_index = user.events.partition_point(|e| e.timestamp > at);
            user.events.insert(at_index, event);
            changed.push(ids[position].clone());
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emulator::seed::generate;
    use chrono::Duration as Days;

    const A: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn parses_n_per_minutes() {
        let every = |m: u64| Duration::from_secs(m * 60);
        assert_eq!(
            Activity::parse("50/1"),
            Ok(Activity {
                events: 50,
                every: every(1)
            })
        );
        assert_eq!(Activity::parse("3/min").map(|a| a.every), Ok(every(1)));
        assert_eq!(Activity::parse("1/1440").map(|a| a.every), Ok(every(1440)));
        for bad in [
            "", "5", "0/1", "5/0", "5/1441", "100001/1", "-1/1", "5/1.5", "a/b",
        ] {
            let e = Activity::parse(bad);
            assert!(
                e.as_ref().is_err_and(|e| e.contains("--activity")),
                "{bad}: {e:?}"
            );
        }
    }

    #[test]
    fn a_round_gives_distinct_users_one_counted_event_each_and_the_summary_follows() {
        let now = Utc::now();
        let mut store = generate(5, 80, now - Days::minutes(5), A);
        let before: std::collections::HashMap<_, _> = store
            .summary()
            .into_iter()
            .map(|u| (u.user_id.clone(), u))
            .collect();
        let at = now;
        let changed = store.add_activity(5, 20, at);
        let distinct: std::collections::HashSet<_> = changed.iter().collect();
        assert_eq!((changed.len(), distinct.len()), (20, 20));
        let after = store.summary();
        for id in &changed {
            let row = after.iter().find(|u| &u.user_id == id);
            let row = row.unwrap_or_else(|| panic!("{id} is in the summary"));
            assert_eq!(row.last_event, at);
            // One more counted event; a user absent before (no counted event) now has one.
            let was = before.get(id).map_or(0, |u| u.event_count);
            assert_eq!(row.event_count, was + 1, "{id}");
            let detail = store.user(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(detail.events[0].timestamp, at, "newest first");
            assert!(detail
                .events
                .windows(2)
                .all(|w| w[0].timestamp >= w[1].timestamp));
            let behavior = &store.users[id].events[0].behavior;
            let current = &store.behaviors[behavior];
            assert!(current.enabled);
            assert_eq!(detail.events[0].risk_level, current.risk_level);
            assert!(row.max_risk_level >= current.risk_level);
        }
        let untouched = after
            .iter()
            .filter(|u| !distinct.contains(&u.user_id))
            .all(|u| before.get(&u.user_id) == Some(u));
        assert!(untouched, "users not drawn keep their rows");
        // A reset user who gets a new event is back, with that one event.
        let reset = changed[0].clone();
        assert!(store.reset(&reset, at).is_ok());
        let mut tries = 0;
        while !store.summary().iter().any(|u| u.user_id == reset) && tries < 200 {
            store.add_activity(5, 80, at + Days::seconds(1 + tries));
            tries += 1;
        }
        let back = store.summary().into_iter().find(|u| u.user_id == reset);
        assert_eq!(back.map(|u| u.event_count), Some(1));
    }

    #[test]
    fn the_same_seed_gives_the_same_users_the_same_events_in_the_same_order() {
        let now = Utc::now();
        let run = |seed: u64| {
            let mut store = generate(9, 60, now - Days::hours(1), A);
            let rounds: Vec<Vec<String>> = (0..3)
                .map(|m| store.add_activity(seed, 7, now + Days::minutes(m)))
                .collect();
            (rounds, store)
        };
        let (rounds, store) = run(9);
        let (again, same) = run(9);
        assert_eq!(rounds, again);
        assert_eq!(store, same, "the same events, ids and details");
        assert_ne!(rounds[0], rounds[1], "each round draws anew");
        let (other, _) = run(10);
        assert_ne!(rounds, other, "another seed, other users");
    }

    #[test]
    fn nothing_fires_when_every_behavior_is_disabled() {
        let mut store = generate(3, 10, Utc::now(), A);
        for behavior in store.behaviors.values_mut() {
            behavior.enabled = false;
        }
        let before = store.clone();
        assert!(store.add_activity(3, 5, Utc::now()).is_empty());
        assert_eq!(store, before);
    }
}
