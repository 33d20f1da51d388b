//! "Load events": what the profile remembers is taken at once (users whose summary row did not
//! change cost no request), and the panel says how many users are stored, how many changed,
//! and what fetching the rest costs. The admin picks which users to load (all, one level, or
//! the users list's current filter), reads how many requests that is and how long it takes at
//! Cloudflare's limit, and starts the events store's load; "Refresh all" fetches everyone
//! again. Used on Overview, Detections and the behaviors review. It reads the summary through
//! the read cache, so on a page that just loaded it no second request goes out.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::time::relative;
use super::{RunProgress, WithSummary};
use crate::memory::plan::Scope;
use crate::pages::users::view_state::{matching, UserFilters, UsersView};
use crate::state::events::Refresh;
use crate::state::events_load::Reuse;
use crate::state::last_users_view;
use crate::state::runner::{about, estimate_secs, estimate_words};
use crate::state::use_events;
use crate::text::{plural, thousands};
use crate::view_state::Filters;

/// The "Load events" section: what is stored, scope picker, estimate, button, progress and
/// failures.
#[component]
pub fn LoadEvents() -> impl IntoView {
    let store = use_events();
    let loaded = move || {
        store.with(|e| {
            e.loaded_since().map(|since| {
                format!(
                    "In memory: {} of {}, fetched since {}.",
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

/// A scope the admin can load: its name, the summary positions it holds, and how it is kept.
type Choice = (String, Vec<usize>, Scope);

/// The scopes the admin can load: all users, each level, and the users list's filter if any.
fn scopes(users: &[UserRiskInfo]) -> Vec<Choice> {
    let all = (0..users.len()).collect();
    let mut scopes = vec![("All users".to_owned(), all, Scope::All)];
    for level in [RiskLevel::High, RiskLevel::Medium, RiskLevel::Low] {
        let rows = (0..users.len())
            .filter(|&i| users[i].max_risk_level == level)
            .collect();
        let scope = Scope::Level(level.as_str().to_owned());
        scopes.push((format!("{} risk", level.label()), rows, scope));
    }
    if let Some(view) = remembered_filter() {
        let rows = matching(users, &view.filters, view.sort, Utc::now());
        let mut ids: Vec<String> = rows.iter().map(|&i| users[i].user_id.clone()).collect();
        ids.sort();
        let name = format!("Users list filter: {}", describe(&view.filters));
        scopes.push((name, rows, Scope::Users(ids)));
    }
    scopes
}

fn scope_picker(users: Arc<Vec<UserRiskInfo>>) -> AnyView {
    let store = use_events();
    let summary = users.clone();
    // Once per summary: what the profile remembers for it comes in at once.
    Effect::new(move |_| store.sync(summary.clone()));
    let scopes = StoredValue::new(scopes(&users));
    let chosen = RwSignal::new(0usize);
    let n = move || scopes.with_value(|s| s.get(chosen.get()).map_or(0, |s| s.1.len()));
    let users = StoredValue::new(users);
    let start = move |_| {
        let (picked, scope) = scopes.with_value(|s| {
            let choice = s.get(chosen.get_untracked());
            let rows = choice.map_or(&[][..], |c| &c.1[..]);
            let picked = users.with_value(|u| rows.iter().map(|&i| u[i].clone()).collect());
            (picked, choice.map_or(Scope::All, |c| c.2.clone()))
        });
        store.load(picked, scope, Reuse::ThisLoad);
    };
    let refresh_all = move |_| {
        let everyone = users.with_value(|u| u.to_vec());
        store.load(everyone, Scope::All, Reuse::ThisLoad);
    };
    let options = scopes.with_value(|s| {
        s.iter()
            .enumerate()
            .map(|(i, (what, rows, _))| {
                view! { <option value=i>{format!("{what} ({})", thousands(rows.len()))}</option> }
            })
            .collect_view()
    });
    let busy = move || store.runner().progress().with(|p| p.is_active());
    view! {
        <Stored/>
        <div class="field">
            <label for="load-scope">"Users"</label>
            <select id="load-scope" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                {options}
            </select>
        </div>
        <p class="hint">{move || estimate_words(n())}</p>
        <div class="actions">
            <button type="button" class="button" on:click=start disabled=move || n() == 0 || busy()>
                {move || format!("Load events for {}", plural(n(), "user", "users"))}
            </button>
            <button type="button" class="button secondary" on:click=refresh_all
                disabled=move || users.with_value(|u| u.is_empty()) || busy()>"Refresh all"</button>
        </div>
        <p class="hint">"Loading fetches the chosen users again; Refresh all fetches everyone in the summary (what another tab of this profile is loading meanwhile is shared, not asked twice). Users stored in this browser are used without a request until then."</p>
    }
    .into_any()
}

/// What the profile remembers for this summary, and what the rest costs.
#[component]
fn Stored() -> impl IntoView {
    let store = use_events();
    move || {
        store.refresh_state().get().map(|r| {
            view! { <p class="stored" role="status">{words(r)}</p> }
        })
    }
}

/// "Stored in this browser: 1,200 users (no request). 50 changed and 10 new since: 60 requests,
/// about 15 s." (with "waiting for Load" when there are too many to fetch unasked).
pub fn words(r: Refresh) -> String {
    let mut text = format!(
        "Stored in this browser: {} (no request).",
        plural(r.stored, "user", "users")
    );
    let due = r.changed + r.new;
    if due > 0 {
        text.push_str(&format!(
            " {} changed and {} new since: {}, {} at Cloudflare's limit{}.",
            thousands(r.changed),
            thousands(r.new),
            plural(due, "request", "requests"),
            about(estimate_secs(due)),
            if r.waiting { "; load them below" } else { "" }
        ));
    }
    if r.left > 0 {
        text.push_str(&format!(
            " {} no longer in the summary (shown as such).",
            plural(r.left, "user is", "users are")
        ));
    }
    text
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
