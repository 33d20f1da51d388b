//! The user page (`/users/:id`): who the user is, their current level, the Access applications
//! that level keeps them out of (`access`), their events, and the reset action. An unknown or
//! malformed id is a not-found message, never a crash.

mod access;
mod events;
mod reset;
mod tally;

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::RiskEvents;

use crate::api::ApiError;
use crate::components::{ErrorView, RelativeTime, RiskBadge, SkeletonRows};
use crate::routes::Page;
use crate::state::last_users_view;
use crate::state::use_reloadable_item;
use crate::text::thousands;
use access::UserAccess;
use events::EventsTable;
use reset::ResetScore;
use tally::EventsTally;

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
    let tally = view! { <EventsTally user=user.clone()/> };
    let RiskEvents {
        name: _,
        email,
        events,
        last_reset_time,
        risk_level,
    } = user;
    let last_reset = match last_reset_time {
        Some(at) => view! { <RelativeTime at/> }.into_any(),
        None => "Never".into_any(),
    };
    let access = view! { <UserAccess level=risk_level.clone() name=title.clone()/> };
    view! {
        <div class="page-head">
            <h1>{title.clone()}</h1>
        </div>
        <dl class="facts">
            <dt>"Email"</dt><dd>{email}</dd>
            <dt>"Risk level"</dt><dd><RiskBadge level=risk_level/></dd>
            <dt>"Last reset"</dt><dd>{last_reset}</dd>
            <dt>"Events"</dt><dd>{thousands(events.len())}</dd>
        </dl>
        <ResetScore id name=title on_done=on_reset refocus/>
        {access}
        <h2>"Events"</h2>
        {tally}
        <EventsTable events/>
    }
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
