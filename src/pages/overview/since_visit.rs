//! "Since your last visit": what changed for this profile since the admin was last here (per
//! tab: a reload stays in the visit, a new tab starts another), from the risk history the
//! console keeps. Users who left the summary are checked (their events fetched through the
//! runner) so a reset is named as one. A first visit says there is nothing to compare yet.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::RiskLevel;

use super::users_where;
use crate::api::{use_api, Api};
use crate::components::{RelativeTime, RunProgress};
use crate::memory::record::Change;
use crate::memory::visit::{Item, SinceLastVisit};
use crate::memory::{use_memory, Memory, Visit};
use crate::routes::Page;
use crate::state::runner::Runner;
use crate::state::use_reloadable;
use crate::text::plural;

/// Users who left the summary checked without asking, at most (one request each).
const AUTO_CHECK: usize = 20;

/// The section, once the profile's memory is open.
#[component]
pub fn SinceLastVisit() -> impl IntoView {
    let memory = use_memory();
    // Reading the behaviors records what changed in them since they were last seen.
    let (_behaviors, _) = use_reloadable(|api| async move { api.behaviors().await });
    let found = LocalResource::new(move || {
        memory.recorded();
        async move {
            let profile = memory.profile().await?;
            let visit = memory.visit()?;
            let changes = match visit.previous {
                Some(_) => profile.since(visit.start).await,
                None => SinceLastVisit::default(),
            };
            Some((visit, changes))
        }
    });
    let checker = Checker {
        runner: Runner::new(),
        checked: StoredValue::new(HashSet::new()),
        memory,
        api: StoredValue::new(use_api()),
    };
    view! {
        <section aria-labelledby="since-visit">
            <h2 id="since-visit">"Since your last visit"</h2>
            {move || found.get().map(|found| match found {
                None => view! { <p class="hint">"Nothing is remembered in this browser, so there is nothing to compare."</p> }.into_any(),
                Some((visit, changes)) => view! { <Changes visit changes checker/> }.into_any(),
            })}
            <RunProgress runner=checker.runner label="Checking users who left the summary" unit=("user", "users")/>
        </section>
    }
}

/// The lines of one visit's changes.
#[component]
fn Changes(visit: Visit, changes: SinceLastVisit, checker: Checker) -> impl IntoView {
    let Some(previous) = visit.previous else {
        return view! { <p>"This is your first visit with this profile in this browser: there is nothing to compare yet. Changes will show here next time."</p> }.into_any();
    };
    if changes.is_empty() {
        return view! { <p>"Last visit "<RelativeTime at=previous/>". Nothing changed since."</p> }
            .into_any();
    }
    let left: Vec<String> = changes.left.iter().map(|i| i.id.clone()).collect();
    if left.len() <= AUTO_CHECK {
        let ids = left.clone();
        Effect::new(move |_| checker.check(ids.clone()));
    }
    let check = (left.len() > AUTO_CHECK).then(|| {
        let n = left.len();
        view! {
            <button type="button" class="button secondary" on:click=move |_| checker.check(left.clone())>
                {format!("Check why {} left ({})", plural(n, "user", "users"), plural(n, "request", "requests"))}
            </button>
        }
    });
    let by_level = |items: &[Item], words: &str| -> Vec<AnyView> {
        RiskLevel::KNOWN
            .iter()
            .rev()
            .filter_map(|level| {
                let these: Vec<Item> = items
                    .iter()
                    .filter(|i| i.to.as_ref() == Some(level))
                    .cloned()
                    .collect();
                (!these.is_empty()).then(|| {
                    let text = format!(
                        "{} {words} {}",
                        plural(these.len(), "user", "users"),
                        level.label()
                    );
                    line(users_where(Some(level.clone()), None), text, these)
                })
            })
            .collect()
    };
    let newest = Page::Users.with_query("sort=last_event");
    view! {
        <p>"Last visit "<RelativeTime at=previous/>"."</p>
        <ul class="since-visit">
            {(!changes.became_risky.is_empty()).then(|| line(newest.clone(), format!("{} became risky", plural(changes.became_risky.len(), "user", "users")), changes.became_risky.clone()))}
            {by_level(&changes.rose, "rose to")}
            {by_level(&changes.fell, "fell to")}
            {(!changes.new_events.is_empty()).then(|| line(newest, format!("{} had new events at the same level", plural(changes.new_events.len(), "user", "users")), changes.new_events.clone()))}
            {(!changes.reset.is_empty()).then(|| line(Page::Users.path().to_owned(), format!("{} reset", plural(changes.reset.len(), "user was", "users were")), changes.reset.clone()))}
            {(!changes.left.is_empty()).then(|| line(Page::Users.path().to_owned(), format!("{} left the summary", plural(changes.left.len(), "user", "users")), changes.left.clone()))}
            {changes.behaviors.iter().map(|(name, change)| view! {
                <li><A href=Page::Behaviors.path()>{format!("Behavior {name}")}</A>": "{behavior_words(change)}</li>
            }).collect_view()}
        </ul>
        {check}
    }
    .into_any()
}

/// Users listed at most per line.
const LISTED: usize = 10;

/// One line: what happened, linking into the filtered list, and the users it names.
fn line(href: String, text: String, items: Vec<Item>) -> AnyView {
    let more = items.len().saturating_sub(LISTED);
    view! {
        <li>
            <A href=href>{text}</A>": "
            {items.into_iter().take(LISTED).enumerate().map(|(n, i)| {
                let when = i.reset_at.map(|at| view! { " (reset "<RelativeTime at/>")" });
                view! { {(n > 0).then_some(", ")}<A href=Page::User.link(&i.id)>{i.name}</A>{when} }
            }).collect_view()}
            {(more > 0).then(|| format!(" and {more} more"))}
        </li>
    }
    .into_any()
}

fn behavior_words(change: &Change) -> String {
    let on = |enabled: bool| if enabled { "on" } else { "off" };
    match change {
        Change::BehaviorAdded { enabled, level } => {
            format!("new, {}, {}", on(*enabled), level.label())
        }
        Change::BehaviorChanged { enabled, from, to } => format!(
            "{} → {}, {} → {}",
            on(enabled.0),
            on(enabled.1),
            from.label(),
            to.label()
        ),
        Change::BehaviorRemoved => "no longer listed".to_owned(),
        _ => String::new(),
    }
}

/// Fetches the events of users who left the summary, so a reset is recorded as one; each user
/// at most once per visit of the page.
#[derive(Clone, Copy)]
struct Checker {
    runner: Runner,
    checked: StoredValue<HashSet<String>>,
    memory: Memory,
    api: StoredValue<Api>,
}

impl Checker {
    fn check(self, ids: Vec<String>) {
        if self.runner.progress().get_untracked().is_active() {
            return;
        }
        let ids: Vec<String> = ids
            .into_iter()
            .filter(|id| self.checked.try_update_value(|c| c.insert(id.clone())) == Some(true))
            .collect();
        if ids.is_empty() {
            return;
        }
        let (memory, api) = (self.memory, self.api.get_value());
        self.runner.start(ids.clone(), move |i| {
            let (api, id) = (api.clone(), ids[i].clone());
            Box::pin(async move {
                let detail = api.uncached().user(&id).await?;
                if let Some(profile) = memory.profile().await {
                    if let Some(row) = profile.row_of(&id) {
                        let _ = profile.keep_fetched(row, detail, chrono::Utc::now()).await;
                    }
                }
                Ok(())
            })
        });
    }
}
