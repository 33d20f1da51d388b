//! "Load events": the admin picks which users (all, one level, or the users list's current
//! filter), reads how many requests that is and how long it takes at Cloudflare's limit, and
//! starts the events store's load; its progress shows below. Used on Overview, Detections and
//! the behaviors review. It reads the summary through the read cache, so on a page that just
//! loaded it no second request goes out.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::time::relative;
use super::{RunProgress, WithSummary};
use crate::pages::users::view_state::{matching, UserFilters, UsersView};
use crate::state::last_users_view;
use crate::state::runner::estimate_words;
use crate::state::use_events;
use crate::text::{plural, thousands};
use crate::view_state::Filters;

/// The "Load events" section: scope picker, estimate, button, progress and failures.
#[component]
pub fn LoadEvents() -> impl IntoView {
    let store = use_events();
    let loaded = move || {
        store.with(|e| {
            e.loaded_since().map(|since| {
                format!(
                    "In memory: {} of {}, loaded {}.",
                    plural(e.event_count(), "event", "events"),
                    plural(e.users().len(), "user", "users"),
                    relative(since, Utc::now())
                )
            })
        })
    };
    view! {
        <section class="load-events" aria-labelledby="load-events-title">
            <h2 id="load-events-title">"Load events"</h2>
            <p class="hint">{loaded}</p>
            <WithSummary render=scope_picker loading="Loading users"/>
            <RunProgress runner=store.runner() label="Loading events" unit=("user", "users")/>
        </section>
    }
}

/// The scopes the admin can load: all users, each level, and the users list's filter if any,
/// each with the users it holds.
fn scopes(users: &[UserRiskInfo]) -> Vec<(String, Vec<usize>)> {
    let all = (0..users.len()).collect();
    let mut scopes = vec![("All users".to_owned(), all)];
    for level in [RiskLevel::High, RiskLevel::Medium, RiskLevel::Low] {
        let rows = (0..users.len())
            .filter(|&i| users[i].max_risk_level == level)
            .collect();
        scopes.push((format!("{} risk", level.label()), rows));
    }
    if let Some(view) = remembered_filter() {
        let rows = matching(users, &view.filters, view.sort, Utc::now());
        scopes.push((
            format!("Users list filter: {}", describe(&view.filters)),
            rows,
        ));
    }
    scopes
}

fn scope_picker(users: Arc<Vec<UserRiskInfo>>) -> AnyView {
    let store = use_events();
    let scopes = StoredValue::new(scopes(&users));
    let chosen = RwSignal::new(0usize);
    let n = move || scopes.with_value(|s| s.get(chosen.get()).map_or(0, |s| s.1.len()));
    let start = move |_| {
        let picked = scopes.with_value(|s| {
            let rows = s.get(chosen.get_untracked()).map_or(&[][..], |s| &s.1);
            rows.iter().map(|&i| users[i].clone()).collect()
        });
        store.load(picked);
    };
    let options = scopes.with_value(|s| {
        s.iter()
            .enumerate()
            .map(|(i, (what, rows))| {
                view! { <option value=i>{format!("{what} ({})", thousands(rows.len()))}</option> }
            })
            .collect_view()
    });
    view! {
        <div class="field">
            <label for="load-scope">"Users"</label>
            <select id="load-scope" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                {options}
            </select>
        </div>
        <p class="hint">{move || estimate_words(n())}</p>
        <button type="button" class="button" on:click=start
            disabled=move || n() == 0 || store.runner().progress().with(|p| p.is_active())>
            {move || format!("Load events for {}", plural(n(), "user", "users"))}
        </button>
    }
    .into_any()
}

/// The users list's remembered view (`last_users_view`), if it filters at all.
fn remembered_filter() -> Option<UsersView> {
    let view = UsersView::from_query_str(&last_users_view::query());
    view.filters.is_filtered().then_some(view)
}

/// A filter in words: `“ada”, High, Last 7 days`.
fn describe(c: &UserFilters) -> String {
    let mut parts = Vec::new();
    if !c.q.trim().is_empty() {
        parts.push(format!("“{}”", c.q.trim()));
    }
    if let Some(level) = &c.level {
        parts.push(level.label());
    }
    if let Some(within) = c.within {
        parts.push(within.label().to_owned());
    }
    parts.join(", ")
}
