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
