//! Which of a user's listed events count toward their level, in words. The page lists the
//! whole history (`GET /{user_id}`); the summary and the Users table count only the events
//! since the last reset from enabled behaviors, so the two numbers differ and the page says why.

use leptos::prelude::*;
use zt_risk_api::scoring::{by_name, tally, Tally};
use zt_risk_api::RiskEvents;

use crate::state::use_reloadable;
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

/// The sentence for `user`, once the behaviors are loaded (through the read cache).
#[component]
pub fn EventsTally(user: RiskEvents) -> impl IntoView {
    let (behaviors, _) = use_reloadable(|api| async move { api.behaviors().await });
    let user = StoredValue::new(user);
    let sentence = move || {
        behaviors.get().map(|loaded| match loaded {
            Ok(behaviors) => {
                let settings = behaviors.settings();
                user.with_value(|u| words(tally(u, &by_name(&behaviors, &settings))))
            }
            Err(_) => "Which of these events count toward the risk level is not known: the behaviors could not be loaded.".to_owned(),
        })
    };
    view! { <p class="hint" role="status">{sentence}</p> }
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
