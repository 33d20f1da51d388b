//! Settings › Data: what this browser keeps for the active profile (users and events stored,
//! the history's span, how long it is kept), the site's storage use, "Forget this profile's
//! data", and a request for persistent storage.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::time::absolute;
use crate::components::{ConfirmDialog, Field};
use crate::memory::profile::Settings;
use crate::memory::use_memory;
use crate::session::use_session;
use crate::text::{plural, thousands};

/// Days of history the admin may choose.
const RETENTION: std::ops::RangeInclusive<u32> = 1..=3_650;

/// The Data section.
#[component]
pub fn DataSettings() -> impl IntoView {
    let memory = use_memory();
    let session = use_session();
    let forgotten = RwSignal::new(0u32);
    let stats = LocalResource::new(move || {
        memory.recorded();
        forgotten.track();
        async move {
            let profile = memory.profile().await?;
            Some((profile.stats().await, profile.settings()))
        }
    });
    let usage = LocalResource::new(move || {
        forgotten.track();
        estimate()
    });
    let confirm = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let forget = Action::new_local(move |(): &()| async move {
        let outcome = memory.forget().await;
        confirm.set(false);
        forgotten.update(|n| *n += 1);
        status.set(Some(match outcome {
            Ok(()) => "This profile's data was forgotten.".to_owned(),
            Err(e) => format!("The data could not be forgotten: {e}."),
        }));
    });
    let profile_name = move || session.active_name();
    view! {
        <section aria-labelledby="data-heading">
            <h2 id="data-heading">"Data"</h2>
            <p>"The console remembers each profile's users, their events and the risk history in this browser (never the token), so a revisit costs one request instead of one per user, and changes can be compared over time."</p>
            {move || stats.get().map(|found| match found {
                None => view! { <p role="status">"This browser keeps nothing for this profile: its storage is not available here."</p> }.into_any(),
                Some((stats, settings)) => view! { <Figures stats settings/> }.into_any(),
            })}
            <p>{move || usage.get().flatten().map(|(used, quota)| format!(
                "This site uses {} of the {} the browser allows it (all profiles).",
                bytes(used),
                bytes(quota)
            ))}</p>
            <Persist/>
            <div class="actions">
                <button type="button" class="button danger" on:click=move |_| confirm.set(true)>
                    "Forget this profile's data"
                </button>
            </div>
            <p class="success" role="status">{move || status.get()}</p>
            <ConfirmDialog open=confirm title=Signal::derive(move || format!("Forget the data of {}?", profile_name()))
                confirm_label="Forget data" pending=forget.pending()
                on_confirm=Callback::new(move |()| { forget.dispatch(()); })>
                <p>"The users, events and risk history this browser keeps for this profile are deleted. Nothing changes at Cloudflare; the next visit loads from the API again."</p>
            </ConfirmDialog>
        </section>
    }
}

/// The stored figures and the retention setting.
#[component]
fn Figures(stats: crate::memory::profile::Stats, settings: Settings) -> impl IntoView {
    let memory = use_memory();
    let days = RwSignal::new(settings.retention_days.to_string());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| RETENTION.contains(d));
        let Some(retention_days) = value else {
            error.set(Some(format!(
                "A number of days from {} to {}.",
                RETENTION.start(),
                thousands(*RETENTION.end() as usize)
            )));
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            if let Some(profile) = memory.profile().await {
                profile.set_settings(Settings { retention_days }).await;
                let pruned = profile.prune(chrono::Utc::now()).await;
                saved.set(Some(format!(
                    "Saved. {} older than that removed.",
                    plural(pruned, "history entry", "history entries")
                )));
            }
        });
    };
    let span = stats.history_span.map_or_else(
        || "none yet".to_owned(),
        |(from, to)| format!("{} to {}", absolute(from), absolute(to)),
    );
    view! {
        <dl class="facts">
            <dt>"Users stored"</dt><dd>{thousands(stats.users)}</dd>
            <dt>"Users with events stored"</dt><dd>{thousands(stats.with_events)}</dd>
            <dt>"Events stored"</dt><dd>{thousands(stats.events)}</dd>
            <dt>"History"</dt><dd>{format!("{}, {span}", plural(stats.history, "entry", "entries"))}</dd>
        </dl>
        <form class="form" on:submit=save novalidate aria-label="History retention">
            <Field id="retention-days" label="Keep the history for (days)" error=Signal::derive(move || error.get())
                hint="Older entries are removed. Default: 180 days.">
                <input type="number" min="1" max="3650" prop:value=move || days.get()
                    on:input=move |ev| days.set(event_target_value(&ev))/>
            </Field>
            <div class="actions"><button type="submit" class="button secondary">"Save retention"</button></div>
            <p class="success" role="status">{move || saved.get()}</p>
        </form>
    }
}

/// Asks the browser to keep this site's data under storage pressure.
#[component]
fn Persist() -> impl IntoView {
    let state = RwSignal::new(None::<String>);
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let granted = persist().await;
            state.set(Some(match granted {
                Some(true) => {
                    "The browser will keep this site's data even when space runs low.".to_owned()
                }
                Some(false) => {
                    "The browser declined: it may still clear this site's data when space runs low."
                        .to_owned()
                }
                None => "This browser cannot be asked.".to_owned(),
            }));
        });
    };
    view! {
        <p>"Browsers may clear a site's data when the disk is nearly full; persistent storage asks them not to, so the history survives."</p>
        <div class="actions">
            <button type="button" class="button secondary" on:click=ask>"Ask to keep the data (persistent storage)"</button>
        </div>
        <p role="status">{move || state.get()}</p>
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    storage.dyn_into().ok()
}

/// `navigator.storage.estimate()`: bytes used and allowed, if the browser says.
async fn estimate() -> Option<(f64, f64)> {
    let estimate = JsFuture::from(storage_manager()?.estimate().ok()?)
        .await
        .ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// `navigator.storage.persist()`: whether it was granted.
async fn persist() -> Option<bool> {
    JsFuture::from(storage_manager()?.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Bytes in words: "12.3 MB".
fn bytes(n: f64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n;
    let mut unit = 0;
    while value >= 1000.0 && unit < units.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", units[unit])
    } else {
        format!("{value:.1} {}", units[unit])
    }
}
