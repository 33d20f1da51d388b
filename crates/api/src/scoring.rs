//! A user's risk level under given behavior settings, so the console can say how many users a
//! behaviors change would move before it is applied. Pure: no I/O, no clock.
//!
//! The rule (contract README, and the emulator's `Store::score`): a user's level is the highest
//! *current* level among the *enabled* behaviors they triggered since their last reset.

use std::collections::BTreeMap;

use crate::{BehaviorUpdate, Behaviors, RiskEvents, RiskLevel};

/// Settings by behavior id (the shape of `PUT /behaviors`).
pub type Settings = BTreeMap<String, BehaviorUpdate>;

/// `user`'s level under `settings`; `None` when nothing counts (the user is not scored).
///
/// Events name their behavior by *name* (the API gives no id), so `by_name` maps names to
/// settings (see [`by_name`]). An event whose name matches no behavior counts for nothing, as in
/// the emulator, where only known behaviors score.
pub fn user_level(
    user: &RiskEvents,
    by_name: &BTreeMap<&str, &BehaviorUpdate>,
) -> Option<RiskLevel> {
    user.events
        .iter()
        .filter(|e| user.last_reset_time.is_none_or(|reset| e.timestamp > reset))
        .filter_map(|e| by_name.get(e.name.as_str()).filter(|s| s.enabled))
        .map(|s| s.risk_level.clone())
        .max()
}

/// Why each of a user's listed events counts toward their level, or does not. `GET /{user_id}`
/// lists the whole history; the summary's `event_count` counts only `counted`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Since the last reset, from an enabled behavior: these set the level.
    pub counted: usize,
    /// At or before the last reset.
    pub before_reset: usize,
    /// Since the last reset, from a behavior that is turned off.
    pub behavior_off: usize,
    /// Since the last reset, from a behavior the account does not list.
    pub unknown_behavior: usize,
}

/// Sorts `user`'s events by [`Tally`]'s reasons, under `by_name` (see [`by_name`]).
pub fn tally(user: &RiskEvents, by_name: &BTreeMap<&str, &BehaviorUpdate>) -> Tally {
    let mut tally = Tally::default();
    for event in &user.events {
        let slot = if user
            .last_reset_time
            .is_some_and(|reset| event.timestamp <= reset)
        {
            &mut tally.before_reset
        } else {
            match by_name.get(event.name.as_str()) {
                Some(setting) if setting.enabled => &mut tally.counted,
                Some(_) => &mut tally.behavior_off,
                None => &mut tally.unknown_behavior,
            }
        };
        *slot += 1;
    }
    tally
}

/// `settings` keyed by the behaviors' names, as events refer to them.
pub fn by_name<'a>(
    behaviors: &'a Behaviors,
    settings: &'a Settings,
) -> BTreeMap<&'a str, &'a BehaviorUpdate> {
    behaviors
        .behaviors
        .iter()
        .filter_map(|(id, b)| Some((b.name.as_str(), settings.get(id)?)))
        .collect()
}

/// How many of `users` would have another level once `changes` are applied to the current
/// settings of `behaviors` (ids left out of `changes` keep theirs, as `PUT /behaviors` merges).
pub fn users_changing_level<'a>(
    users: impl IntoIterator<Item = &'a RiskEvents>,
    behaviors: &Behaviors,
    changes: &Settings,
) -> usize {
    let before = behaviors.settings();
    let mut after = before.clone();
    after.extend(changes.iter().map(|(id, s)| (id.clone(), s.clone())));
    let (before, after) = (by_name(behaviors, &before), by_name(behaviors, &after));
    users
        .into_iter()
        .filter(|u| user_level(u, &before) != user_level(u, &after))
        .count()
}
