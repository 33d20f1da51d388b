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

/// Whether one listed event counts toward the user's level, and why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    /// Since the last reset, from an enabled behavior: it sets the level.
    Yes,
    /// At or before the last reset.
    BeforeReset,
    /// Since the last reset, from a behavior that is turned off.
    BehaviorOff,
    /// Since the last reset, from a behavior the account does not list.
    UnknownBehavior,
}

/// For each of `user`'s events, in order, whether it counts under `by_name` (see [`by_name`]).
pub fn classify(user: &RiskEvents, by_name: &BTreeMap<&str, &BehaviorUpdate>) -> Vec<Counts> {
    user.events
        .iter()
        .map(|event| {
            if user
                .last_reset_time
                .is_some_and(|reset| event.timestamp <= reset)
            {
                return Counts::BeforeReset;
            }
            match by_name.get(event.name.as_str()) {
                Some(setting) if setting.enabled => Counts::Yes,
                Some(_) => Counts::BehaviorOff,
                None => Counts::UnknownBehavior,
            }
        })
        .collect()
}

/// How many of a user's listed events count, and why the others do not. `GET /{user_id}`
/// lists the whole history; the summary's `event_count` counts only `counted`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub counted: usize,
    pub before_reset: usize,
    pub behavior_off: usize,
    pub unknown_behavior: usize,
}

/// Counts `user`'s events by [`classify`]'s reasons.
pub fn tally(user: &RiskEvents, by_name: &BTreeMap<&str, &BehaviorUpdate>) -> Tally {
    let mut tally = Tally::default();
    for counts in classify(user, by_name) {
        *match counts {
            Counts::Yes => &mut tally.counted,
            Counts::BeforeReset => &mut tally.before_reset,
            Counts::BehaviorOff => &mut tally.behavior_off,
            Counts::UnknownBehavior => &mut tally.unknown_behavior,
        } += 1;
    }
    tally
}

/// Why a user has their level: the level, and the behaviors that set it (enabled, at that
/// level now, triggered since the last reset) with the positions of their events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    pub level: Option<RiskLevel>,
    /// Behavior name → positions in `user.events` of its counted events, newest first.
    pub deciding: BTreeMap<String, Vec<usize>>,
}

/// [`Why`] `user` has the level they have under `by_name`.
pub fn why(user: &RiskEvents, by_name: &BTreeMap<&str, &BehaviorUpdate>) -> Why {
    let level = user_level(user, by_name);
    let mut deciding: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, counts) in classify(user, by_name).into_iter().enumerate() {
        let event = &user.events[i];
        let current = by_name.get(event.name.as_str()).map(|s| &s.risk_level);
        if counts == Counts::Yes && current == level.as_ref() {
            deciding.entry(event.name.clone()).or_default().push(i);
        }
    }
    for positions in deciding.values_mut() {
        positions.sort_by(|a, b| user.events[*b].timestamp.cmp(&user.events[*a].timestamp));
    }
    Why { level, deciding }
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

/// Each of `users`' level now and once `changes` are applied to the current settings of
/// `behaviors` (ids left out of `changes` keep theirs, as `PUT /behaviors` merges), in order.
pub fn levels_before_after<'a>(
    users: impl IntoIterator<Item = &'a RiskEvents>,
    behaviors: &Behaviors,
    changes: &Settings,
) -> Vec<(Option<RiskLevel>, Option<RiskLevel>)> {
    let before = behaviors.settings();
    let mut after = before.clone();
    after.extend(changes.iter().map(|(id, s)| (id.clone(), s.clone())));
    let (before, after) = (by_name(behaviors, &before), by_name(behaviors, &after));
    users
        .into_iter()
        .map(|u| (user_level(u, &before), user_level(u, &after)))
        .collect()
}

/// How many of `users` would have another level once `changes` are applied to the current
/// settings of `behaviors` (ids left out of `changes` keep theirs, as `PUT /behaviors` merges).
pub fn users_changing_level<'a>(
    users: impl IntoIterator<Item = &'a RiskEvents>,
    behaviors: &Behaviors,
    changes: &Settings,
) -> usize {
    levels_before_after(users, behaviors, changes)
        .into_iter()
        .filter(|(before, after)| before != after)
        .count()
}
