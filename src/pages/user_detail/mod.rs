//! The user page (`/users/:id`), an investigation page: who the user is, their current level
//! and why (`why`), the Access applications that level keeps them out of (`access`), their
//! risk history from what this browser kept (`history`), their events with whether each counts
//! (`events`), and the reset action. An unknown or malformed id is a not-found message, never a
//! crash.

mod access;
mod events;
mod history;
mod reset;
mod why;

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::RiskEvents;

use crate::api::ApiError;
use crate::components::{ErrorView, RelativeTime, RiskBadge, SkeletonRows};
use crate::memory::{use_memory, UserMemory};
use crate::routes::Page;
use crate::session::use_session;
use crate::state::last_users_view;
use crate::state::{use_reloadable, use_reloadable_item};
use crate::text::thousands;
use access::UserAccess;
use events::EventsTable;
use history::RiskHistory;
use reset::ResetScore;
use why::WhyLevel;

/// The User page.
#[component]
pub fn UserDetailPage() -> impl IntoView {
    // Reloaded by Retry and after a reset.
    let (id, user, refetch) = use_reloadable_item(|api, id| async move { api.user(&id).await });
    let refocus = StoredValue::new(false);
    // A reload keeps the old content on screen; say that it is being refreshed.
    let refreshing = RwSignal::new(false);

    view! {
        <p class="back"><A href=last_users_view::link()>"← Users"</A></p>
        <p class="hint" role="status">{move || (refreshing.get() && user.read().is_some()).then_some("Refreshing…")}</p>
        <Transition fallback=|| view! { <SkeletonRows rows=5 label="Loading user"/> } set_pending=refreshing>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <UserView id=id.get_untracked() user on_reset=refetch refocus/> }.into_any(),
                    Err(ApiError::NotFound { .. } | ApiError::InvalidId(_)) => not_found().into_any(),
                    Err(error) => view! { <ErrorView error on_retry=refetch/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One loaded user.
#[component]
fn UserView(
    /// The user id from the URL.
    id: String,
    /// What the API returned.
    user: RiskEvents,
    /// Called after a successful reset, to reload.
    on_reset: Callback<()>,
    /// Whether the reset button takes focus when shown (after a reset).
    refocus: StoredValue<bool>,
) -> impl IntoView {
    let title = user.display_name().to_owned();
    let (behaviors, _) = use_reloadable(|api| async move { api.behaviors().await });
    let behaviors = Signal::derive(move || behaviors.get());
    let kept = kept_by_browser(id.clone(), title.clone());
    let kept_events =
        Signal::derive(move || kept.get().flatten().map(|k| k.kept).unwrap_or_default());
    let account = use_session().connection().account_id;
    let last_reset = match user.last_reset_time {
        Some(at) => view! { <RelativeTime at/> }.into_any(),
        None => "Never".into_any(),
    };
    let access = view! { <UserAccess level=user.risk_level.clone() name=title.clone()/> };
    view! {
        <div class="page-head">
            <h1>{title.clone()}</h1>
        </div>
        <dl class="facts">
            <dt>"Email"</dt><dd>{user.email.clone()}</dd>
            <dt>"Risk level"</dt><dd><RiskBadge level=user.risk_level.clone()/></dd>
            <dt>"Last reset"</dt><dd>{last_reset}</dd>
            <dt>"Events"</dt><dd>{thousands(user.events.len())}</dd>
        </dl>
        <ResetScore id=id.clone() name=title on_done=on_reset refocus/>
        <WhyLevel user=user.clone() behaviors/>
        {access}
        <RiskHistory id user=user.clone() kept=Signal::derive(move || kept.get().flatten()) account/>
        <h2>"Events"</h2>
        <EventsTable user kept=kept_events behaviors/>
    }
}

/// What this browser kept for user `id` (shown as `name`): their history and the events the
/// API no longer lists; `Some(None)` when the browser keeps nothing.
fn kept_by_browser(id: String, name: String) -> LocalResource<Option<UserMemory>> {
    let memory = use_memory();
    LocalResource::new(move || {
        memory.recorded();
        let (id, name) = (id.clone(), name.clone());
        async move {
            let profile = memory.profile().await?;
            Some(profile.user_memory(id, name).await)
        }
    })
}

fn not_found() -> impl IntoView {
    view! {
        <section class="empty-state" role="status">
            <h1>"No user with this ID"</h1>
            <p>"The link may be out of date or mistyped. Users who were never scored have no page."</p>
            <p><A href=Page::Users.path()>"Back to Users"</A></p>
        </section>
    }
}
