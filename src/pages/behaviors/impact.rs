//! The review's count of users whose level the change would move, from the events loaded in
//! this tab (`state::events`), by the rule in `zt_risk_api::scoring`. Without loaded events it
//! says so and offers "Load events"; it never loads anything by itself.

use leptos::prelude::*;
use zt_risk_api::scoring::users_changing_level;
use zt_risk_api::Behaviors;

use super::draft::BehaviorsDraft;
use crate::components::LoadEvents;
use crate::state::use_events;
use crate::text::{plural, thousands};

/// "Of 1,204 users with loaded events, 3 would change level.", or the offer to load events.
#[component]
pub fn Impact(
    /// The unsaved edits (what Apply would send).
    draft: RwSignal<BehaviorsDraft>,
    /// The server's settings as last read (what the change is compared with).
    catalog: RwSignal<Option<Behaviors>>,
) -> impl IntoView {
    let store = use_events();
    let loader = RwSignal::new(false);
    let count = move || {
        let changes = draft.with(|d| d.changes());
        catalog.with(|c| {
            store.with(|e| {
                let users = e.users().iter().map(|u| &u.detail);
                let moved = users_changing_level(users, c.as_ref()?, &changes);
                (!e.is_empty()).then(|| (e.users().len(), moved))
            })
        })
    };
    view! {
        <p role="status" class="impact">{move || match count() {
            Some((of, moved)) => format!(
                "Of {} with loaded events, {} would change level.",
                plural(of, "user", "users"),
                thousands(moved)
            ),
            None => "Events are not loaded in this tab, so how many users would change level is not known.".to_owned(),
        }}</p>
        {move || match loader.get() {
            true => view! { <LoadEvents/> }.into_any(),
            false => (store.with(|e| e.is_empty())).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| loader.set(true)>"Load events"</button>
            }).into_any(),
        }}
    }
}
