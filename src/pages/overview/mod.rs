//! The Overview (`/`, the landing page): from `GET /summary` alone, users per level, users by
//! recency of their last event and the users with new risk, each figure a link into the users
//! list with the matching filter; once events are loaded, events per day, the behaviors that
//! fired most (links into Detections) and the share of events per level.
//!
//! `figures` holds the numbers (plain functions), `new_risk` the newly risky users, `events`
//! the charts drawn from loaded events; the charts are the shared `BarChart`.

mod events;
mod figures;
mod new_risk;
mod since_visit;

use std::sync::Arc;

use chrono::Utc;
use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::{RiskLevel, UserRiskInfo};

use crate::components::chart::percent;
use crate::components::{Bar, BarChart, LoadEvents, WithSummary};
use crate::pages::users::view_state::{counts, UserFilters, UsersView};
use crate::routes::Page;
use crate::text::plural;
use crate::view_state::Window;
use events::EventFigures;
use since_visit::SinceLastVisit;

/// The Overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    view! {
        <div class="page-head"><h1>"Overview"</h1></div>
        <WithSummary render=figures loading="Loading the summary"/>
    }
}

/// The users list showing users of `level` and last event `within` (as its filters do).
pub fn users_where(level: Option<RiskLevel>, within: Option<Window>) -> String {
    let filters = UserFilters {
        level,
        within,
        ..UserFilters::default()
    };
    Page::Users.with_query(&UsersView::of(filters).to_query())
}

fn figures(users: Arc<Vec<UserRiskInfo>>) -> AnyView {
    let n = counts(&users);
    let levels = [
        ("High", RiskLevel::High, n.high, "high"),
        ("Medium", RiskLevel::Medium, n.medium, "medium"),
        ("Low", RiskLevel::Low, n.low, "low"),
    ]
    .map(|(label, level, count, class)| Bar {
        label: label.into(),
        value: count,
        text: format!(
            "{} ({})",
            plural(count, "user", "users"),
            percent(count, n.total)
        ),
        href: users_where(Some(level), None),
        class,
    });
    let recent = figures::recency(&users, Utc::now());
    let last_day = recent
        .iter()
        .find(|(w, _)| *w == Window::Day)
        .map_or(0, |(_, n)| *n);
    let windows = recent.map(|(w, count)| Bar {
        label: w.label().into(),
        value: count,
        text: plural(count, "user", "users"),
        href: users_where(None, Some(w)),
        class: "",
    });
    view! {
        <section aria-labelledby="overview-users">
            <h2 id="overview-users"><A href=Page::Users.path()>{plural(n.total, "user", "users")}" with risk events"</A></h2>
            <div class="charts">
                <BarChart caption="Users per risk level" bars=levels.to_vec()/>
                <BarChart caption="Users by last event (each window includes the shorter ones)" bars=windows.to_vec()/>
            </div>
        </section>
        {new_risk::from_summary(last_day)}
        <SinceLastVisit/>
        <EventFigures/>
        // After the summary: "Load events" then reads it from the read cache.
        <LoadEvents/>
    }
    .into_any()
}
