//! "Why <level>": the behaviors and events that set a user's level, and which of the listed
//! events count toward it. The page lists the whole history (`GET /{user_id}`); the summary
//! and the Users table count only the events since the last reset from enabled behaviors, so
//! the two numbers differ and the page says why.

use leptos::prelude::*;
use zt_risk_api::scoring::{by_name, tally, why, Tally, Why};
use zt_risk_api::{Behaviors, RiskEvents};

use crate::api::ApiError;
use crate::components::RelativeTime;
use crate::text::{plural, thousands};

/// The sentence for `t`: how many events count, and why the others do not.
pub fn words(t: Tally) -> String {
    let listed = t.counted + t.before_reset + t.behavior_off + t.unknown_behavior;
    if t.counted == listed {
        return match listed {
            0 => "No events are listed.".to_owned(),
            1 => "This event counts toward the risk level.".to_owned(),
            n => format!("All {} events count toward the risk level.", thousands(n)),
        };
    }
    let reasons: Vec<String> = [
        (
            t.before_reset,
            "happened before the last reset",
            "happened before the last reset",
        ),
        (
            t.behavior_off,
            "comes from a behavior that is turned off",
            "come from behaviors that are turned off",
        ),
        (
            t.unknown_behavior,
            "comes from a behavior this account does not list",
            "come from behaviors this account does not list",
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{} {}", thousands(n), if n == 1 { one } else { many }))
    .collect();
    let reasons = match reasons.as_slice() {
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!(
        "{} of these {} {} toward the risk level, as in the Users list: {reasons}.",
        thousands(t.counted),
        plural(listed, "event", "events"),
        if t.counted == 1 { "counts" } else { "count" },
    )
}

/// "Why High": the behaviors and events that set the user's level, and how many of the listed
/// events count (and why the others do not), once the behaviors are loaded.
#[component]
pub fn WhyLevel(
    /// The user as the API returned them.
    user: RiskEvents,
    /// The account's behaviors (`None` while loading).
    behaviors: Signal<Option<Result<Behaviors, ApiError>>>,
) -> impl IntoView {
    let user = StoredValue::new(user);
    move || {
        behaviors.get().map(|loaded| match loaded {
            Ok(behaviors) => {
                let settings = behaviors.settings();
                let names = by_name(&behaviors, &settings);
                user.with_value(|u| explained(u, &why(u, &names), tally(u, &names)))
            }
            Err(_) => view! {
                <section aria-labelledby="why-heading">
                    <h2 id="why-heading">"Why this level"</h2>
                    <p>"Which events set the level, and which do not count, is not known: the behaviors could not be loaded."</p>
                </section>
            }
            .into_any(),
        })
    }
}

fn explained(user: &RiskEvents, w: &Why, t: Tally) -> AnyView {
    let heading = match &w.level {
        Some(level) => format!("Why {}", level.label()),
        None => "Why not scored".to_owned(),
    };
    let rule = "A user's level is the highest current level among the enabled behaviors they triggered since their last reset.";
    let deciders = w
        .deciding
        .iter()
        .map(|(name, events)| {
            let latest = events.first().map(|&i| user.events[i].timestamp);
            view! {
                <li>
                    <strong>{name.clone()}</strong>
                    {format!(": {} since the last reset", plural(events.len(), "event", "events"))}
                    {latest.map(|at| view! { ", the latest "<RelativeTime at/> })}
                </li>
            }
        })
        .collect_view();
    let none = w.deciding.is_empty().then(|| {
        view! { <p>"No event of an enabled behavior since the last reset: the user has no level."</p> }
    });
    view! {
        <section aria-labelledby="why-heading">
            <h2 id="why-heading">{heading}</h2>
            <p class="hint">{rule}</p>
            <ul class="deciding">{deciders}</ul>
            {none}
            <p role="status">{words(t)}</p>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_many_count_and_why_the_others_do_not() {
        let t = |counted, before_reset, behavior_off, unknown_behavior| Tally {
            counted,
            before_reset,
            behavior_off,
            unknown_behavior,
        };
        assert_eq!(
            words(t(2, 0, 0, 0)),
            "All 2 events count toward the risk level."
        );
        assert_eq!(
            words(t(1, 0, 0, 0)),
            "This event counts toward the risk level."
        );
        assert_eq!(
            words(t(11, 5, 2, 0)),
            "11 of these 18 events count toward the risk level, as in the Users list: 5 happened before the last reset and 2 come from behaviors that are turned off."
        );
        assert_eq!(
            words(t(0, 0, 1, 1_200)),
            "0 of these 1,201 events count toward the risk level, as in the Users list: 1 comes from a behavior that is turned off and 1,200 come from behaviors this account does not list."
        );
        assert_eq!(
            words(t(1, 1, 1, 1)),
            "1 of these 4 events counts toward the risk level, as in the Users list: 1 happened before the last reset, 1 comes from a behavior that is turned off and 1 comes from a behavior this account does not list."
        );
    }
}
