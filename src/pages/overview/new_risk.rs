//! "New risk in the last 24 hours". The summary has no first-event time, so from it alone this
//! counts users whose last event is at most 24 hours old (users risky before count too); once
//! events are loaded, `events` names the loaded users who *became* risky: their first event
//! since their last reset is at most 24 hours old. The page says which definition each uses.

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::A;

use super::figures::newly_risky;
use super::users_where;
use crate::components::RiskBadge;
use crate::routes::Page;
use crate::state::event_index::Index;
use crate::state::events::Events;
use crate::text::plural;
use crate::view_state::Window;

/// Names listed at most.
const LISTED: usize = 10;

/// The summary's figure: `recent` users have a last event at most 24 hours old.
pub fn from_summary(recent: usize) -> impl IntoView {
    view! {
        <section aria-labelledby="overview-new">
            <h2 id="overview-new">"New risk in the last 24 hours"</h2>
            <p>
                <A href=users_where(None, Some(Window::Day))>{plural(recent, "user", "users")}</A>
                " had a risk event in the last 24 hours. From the summary this counts every user whose last event is that recent, so users who were risky before count too. With events loaded, the Events section names those who became risky: their first event since their last reset is that recent."
            </p>
        </section>
    }
}

/// The loaded users who became risky in the last 24 hours, most recent activity first.
pub fn from_events(events: &Events, index: &Index) -> impl IntoView {
    let found = newly_risky(events, &index.rows, Utc::now());
    let names = found.iter().take(LISTED).map(|&i| {
        let u = &events.users()[i].user;
        let name = u.display_name().to_owned();
        view! { <li><A href=Page::User.link(&u.user_id)>{name}</A>" "<RiskBadge level=Some(u.max_risk_level.clone())/></li> }
    });
    view! {
        <h3>"Became risky in the last 24 hours"</h3>
        <p>{format!(
            "{} of the {} whose events are loaded: their first event since their last reset is at most 24 hours old.",
            found.len(),
            plural(events.users().len(), "user", "users"),
        )}</p>
        <ul class="names">{names.collect_view()}</ul>
    }
}
