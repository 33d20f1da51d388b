//! Fixtures for the users pages' tests: summary rows, a small sample and many generated users,
//! the Users page mounted on a fake transport, and the names its table shows.

use chrono::{DateTime, Duration, TimeZone, Utc};
use leptos::prelude::view;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use zt_risk_api::{RiskLevel, UserRiskInfo};
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::components::Toaster;
use zt_risk_console::pages::{UserDetailPage, UsersPage};

use super::{clear_storage, config_with_token, document, go, mount};

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("time")
}

pub fn user(i: usize, name: &str, level: RiskLevel, minutes: i64) -> UserRiskInfo {
    UserRiskInfo {
        user_id: format!("00000000-0000-4000-8000-{i:012}"),
        name: name.into(),
        email: format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
        max_risk_level: level,
        event_count: (i % 7) as u64 + 1,
        last_event: t0() + Duration::minutes(minutes),
    }
}

pub fn sample() -> Vec<UserRiskInfo> {
    vec![
        user(1, "Zoe Low", RiskLevel::Low, 50),
        user(2, "Ada High", RiskLevel::High, 10),
        user(3, "Bob Medium", RiskLevel::Medium, 30),
        user(4, "Cy High", RiskLevel::High, 40),
    ]
}

pub fn many(n: usize) -> Vec<UserRiskInfo> {
    let levels = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];
    (0..n)
        .map(|i| {
            let level = levels[i % 3].clone();
            user(i, &format!("User {i:05}"), level, (i * 7 % 1000) as i64)
        })
        .collect()
}

/// The summary endpoint's answer listing `users`.
pub fn summary_reply(users: &[UserRiskInfo]) -> FakeReply {
    FakeReply::ok(&serde_json::json!({ "users": users }).to_string())
}

/// Clears storage and mounts the Users page (under a router) on `fake`; keep the handle alive.
pub fn mount_users(
    fake: &FakeTransport,
    timeout_ms: u32,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    mount(config_with_token(), fake.clone(), timeout_ms, || {
        view! { <Router><UsersPage/></Router> }
    })
}

/// The names in the Users table, top to bottom.
pub fn names() -> Vec<String> {
    let cells = document()
        .query_selector_all("table.users tbody tr td:nth-child(2)")
        .expect("cells");
    (0..cells.length())
        .filter_map(|i| cells.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// Mounts the user page of `id` (under a router, with the toaster) on `fake`, without clearing
/// storage; keep the handle alive.
pub fn mount_user_page(
    fake: &FakeTransport,
    id: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    go(&format!("/users/{id}"));
    mount(config_with_token(), fake.clone(), 1000, || {
        view! {
            <Router>
                <Routes fallback=|| "no route">
                    <Route path=path!("/users/:id") view=UserDetailPage/>
                </Routes>
            </Router>
            <Toaster/>
        }
    })
}
