//! "Load events": the admin picks which users (all, one level, or the users list's current
//! filter), reads how many requests that is and how long it takes at Cloudflare's limit, and
//! starts the events store's load; its progress shows below. Used on Overview, Detections and
//! the behaviors review. It reads the summary through the read cache, so on a page that just
//! loaded it no second request goes out.

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use zt_risk_api::{RiskLevel, UserRiskInfo};

use super::{ErrorView, RelativeTime, RunProgress, SkeletonRows};
use crate::pages::users::view_state::{counts, matching, Criteria, ViewState};
use crate::routes;
use crate::state::runner::estimate_words;
use crate::state::{use_events, use_reloadable};
use crate::text::{plural, thousands};

/// The "Load events" section: scope picker, estimate, button, progress and failures.
#[component]
pub fn LoadEvents() -> impl IntoView {
    let store = use_events();
    let (summary, reload) =
        use_reloadable(|api| async move { api.summary().await.map(|s| Arc::new(s.users)) });
    let loaded = move || {
        store.with(|e| {
            let since = e.loaded_since()?;
            let what = format!(
                "In memory: {} of {}, loaded ",
                plural(e.event_count(), "event", "events"),
                plural(e.users().len(), "user", "users")
            );
            Some(view! { <p class="hint">{what}<RelativeTime at=since/>"."</p> })
        })
    };
    view! {
        <section class="load-events" aria-labelledby="load-events-title">
            <h2 id="load-events-title">"Load events"</h2>
            {loaded}
            <Transition fallback=|| view! { <SkeletonRows rows=1 label="Loading users"/> }>
                {move || Suspend::new(async move {
                    match summary.await {
                        Ok(users) => scope_picker(users).into_any(),
                        Err(error) => view! { <ErrorView error on_retry=reload/> }.into_any(),
                    }
                })}
            </Transition>
            <RunProgress runner=store.runner() label="Loading events" unit=("user", "users")/>
        </section>
    }
}

fn scope_picker(users: Arc<Vec<UserRiskInfo>>) -> impl IntoView {
    let store = use_events();
    let list = remembered_filter();
    let list_rows = list
        .as_ref()
        .map(|c| matching(&users, c, Utc::now()))
        .unwrap_or_default();
    let list_option = list.map(|c| {
        let label = format!(
            "Users list filter: {} ({})",
            describe(&c),
            thousands(list_rows.len())
        );
        view! { <option value="list">{label}</option> }
    });
    let scope = RwSignal::new(String::new());
    let picked = Memo::new({
        let users = users.clone();
        move |_| scope.with(|s| pick(&users, s, &list_rows))
    });
    let n = move || picked.with(Vec::len);
    let busy = move || store.runner().progress().with(|p| p.is_active());
    let by_level = counts(&users);
    let start = move |_| {
        let chosen = picked.with_untracked(|p| p.iter().map(|&i| users[i].clone()).collect());
        store.load(chosen);
    };
    let option = |value: &'static str, what: &str, count: usize| {
        view! { <option value=value>{format!("{what} ({})", thousands(count))}</option> }
    };
    view! {
        <div class="field">
            <label for="load-scope">"Users"</label>
            <select id="load-scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                {option("", "All users", by_level.total)}
                {option("high", "High risk", by_level.high)}
                {option("medium", "Medium risk", by_level.medium)}
                {option("low", "Low risk", by_level.low)}
                {list_option}
            </select>
        </div>
        <p class="hint">{move || estimate_words(n())}</p>
        <button type="button" class="button" disabled=move || busy() || n() == 0 on:click=start>
            {move || format!("Load events for {}", plural(n(), "user", "users"))}
        </button>
    }
}

/// The users list's remembered filter (`routes::users_remembered`), if it filters at all.
fn remembered_filter() -> Option<Criteria> {
    let url = routes::users_remembered();
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let params = web_sys::UrlSearchParams::new_with_str(query).ok()?;
    let criteria = ViewState::from_query(|k| params.get(k)).criteria;
    criteria.is_filtered().then_some(criteria)
}

/// The indices of the users in `scope`: "" all, a level's wire value, or "list" (`list` holds
/// the users list filter's rows).
fn pick(users: &[UserRiskInfo], scope: &str, list: &[usize]) -> Vec<usize> {
    match scope {
        "list" => list.to_vec(),
        "" => (0..users.len()).collect(),
        level => {
            let level = RiskLevel::from_wire(level);
            (0..users.len())
                .filter(|&i| users[i].max_risk_level == level)
                .collect()
        }
    }
}

/// A filter in words: `“ada”, High, Last 7 days`.
fn describe(c: &Criteria) -> String {
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
