//! Bulk reset: the selected users are reset on the shared runner (at most 4 requests in
//! flight, 429s waited out, Cancel), then each user's outcome is listed: reset, failed with the
//! reason (with Retry failed), or not sent. It lives above the loaded list, so the outcomes stay
//! while the summary reloads. A user whose reset failed is never listed as reset.

use std::rc::Rc;

use leptos::prelude::*;

use crate::api::Api;
use crate::components::RunProgress;
use crate::state::runner::{Phase, Runner};
use crate::text::thousands;

/// Outcomes listed by name per kind; the rest are counted.
const LISTED: usize = 100;

/// The page's bulk reset: its run and the users in it.
#[derive(Clone, Copy)]
pub struct BulkReset {
    pub runner: Runner,
    /// (id, name) of each user of the current run, in run order.
    targets: RwSignal<Vec<(String, String)>>,
    /// Whether each user's reset succeeded (failures and their reasons are the runner's).
    reset: RwSignal<Vec<bool>>,
}

impl BulkReset {
    pub fn new() -> Self {
        Self {
            runner: Runner::new(),
            targets: RwSignal::new(Vec::new()),
            reset: RwSignal::new(Vec::new()),
        }
    }

    /// Whether a run is sending or waiting (reactive).
    pub fn is_active(&self) -> bool {
        self.runner.progress().with(|p| p.is_active())
    }

    /// Resets `targets` ((id, name) pairs) with `api`; false while a run is active.
    pub fn start(&self, api: Api, targets: Vec<(String, String)>) -> bool {
        if self.runner.progress().get_untracked().is_active() {
            return false;
        }
        let labels = targets.iter().map(|(_, name)| name.clone()).collect();
        let ids: Rc<Vec<String>> = Rc::new(targets.iter().map(|(id, _)| id.clone()).collect());
        self.reset.set(vec![false; targets.len()]);
        self.targets.set(targets);
        let reset = self.reset;
        self.runner.start(labels, move |i| {
            let (api, id) = (api.clone(), ids[i].clone());
            Box::pin(async move {
                api.reset(&id).await?;
                reset.try_update(|r| r[i] = true);
                Ok(())
            })
        })
    }

    /// The ids of the users reset in the last run.
    pub fn reset_ids(&self) -> Vec<String> {
        self.reset.with_untracked(|r| {
            self.targets.with_untracked(|t| {
                t.iter()
                    .zip(r)
                    .filter(|(_, done)| **done)
                    .map(|((id, _), _)| id.clone())
                    .collect()
            })
        })
    }
}

/// Names of the users of `bulk`'s run whose outcome is `pick(item)`, with "and N more".
fn listed(bulk: BulkReset, pick: impl Fn(usize, bool) -> bool) -> (Vec<String>, usize) {
    bulk.reset.with(|r| {
        bulk.targets.with(|t| {
            let names: Vec<&String> = t
                .iter()
                .zip(r)
                .enumerate()
                .filter(|(i, (_, done))| pick(*i, **done))
                .map(|(_, ((_, name), _))| name)
                .collect();
            let shown = names.iter().take(LISTED).map(|n| (*n).clone()).collect();
            (shown, names.len().saturating_sub(LISTED))
        })
    })
}

/// The run's progress (bar, Cancel, failures with reasons, Retry failed) and who was reset or
/// not sent; hidden until a run starts.
#[component]
pub fn BulkResults(bulk: BulkReset) -> impl IntoView {
    let progress = bulk.runner.progress();
    let failures = bulk.runner.failures();
    let group = move |title: &'static str,
                      outcome: &'static str,
                      (names, more): (Vec<String>, usize)| {
        (!names.is_empty()).then(|| {
            let count = thousands(names.len() + more);
            view! {
                <h3>{format!("{title} ({count})")}</h3>
                <ul class="bulk-outcomes">
                    {names.into_iter().map(|n| view! { <li><strong>{n}</strong>": "{outcome}</li> }).collect_view()}
                    {(more > 0).then(|| view! { <li>{format!("and {} more", thousands(more))}</li> })}
                </ul>
            }
        })
    };
    let done = move || group("Reset", "reset", listed(bulk, |_, done| done));
    let not_sent = move || {
        let phase = progress.with(|p| p.phase);
        (phase == Phase::Cancelled).then(|| {
            let mut failed = vec![false; bulk.targets.with(Vec::len)];
            failures.with(|f| f.iter().for_each(|f| failed[f.item] = true));
            let pick = move |i: usize, done: bool| !done && !failed[i];
            group("Not sent", "not sent (cancelled)", listed(bulk, pick))
        })
    };
    view! {
        <section class="bulk-results" aria-labelledby="bulk-title" hidden=move || progress.with(|p| p.phase == Phase::Ready)>
            <h2 id="bulk-title">"Bulk reset"</h2>
            <RunProgress runner=bulk.runner label="Resetting users" unit=("user", "users")/>
            {done}
            {not_sent}
            <button type="button" class="button secondary" hidden=move || bulk.is_active()
                on:click=move |_| bulk.runner.reset()>"Close results"</button>
        </section>
    }
}
