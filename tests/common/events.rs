//! Synthetic loaded events for the events store: many users, a few events each, spread over
//! the last 90 days, eight behaviors and three levels in turn; and Detections mounted over them.

use chrono::{Duration, Utc};
use leptos::prelude::*;
use leptos_router::components::Router;
use zt_risk_api::{RiskEvent, RiskEvents, RiskLevel, UserRiskInfo};
use zt_risk_console::api::fake::FakeTransport;
use zt_risk_console::pages::DetectionsPage;
use zt_risk_console::state::events::Loaded;
use zt_risk_console::state::use_events;

use super::{clear_storage, config_with_token, go, mount, query, ACCOUNT};

/// Mounts Detections at `url` with `loaded` already in the store.
pub fn mount_with(
    url: &str,
    fake: &FakeTransport,
    loaded: Vec<Loaded>,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    go(url);
    let loaded = send_wrapper::SendWrapper::new(loaded);
    mount(config_with_token(), fake.clone(), 5_000, move || {
        use_events().fill(ACCOUNT, loaded.take());
        view! { <Router><DetectionsPage/></Router> }
    })
}

pub const BEHAVIORS: [&str; 8] = [
    "Impossible Travel",
    "High Number of DLP Policies Triggered",
    "SentinelOne Infection Detected",
    "CrowdStrike low ZTA score",
    "CrowdStrike medium ZTA score",
    "Interaction with a malicious file",
    "Suspicious security domain visited",
    "High risk domain visited",
];

/// The page URL's query.
pub fn search() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .search()
        .unwrap_or_default()
}

/// What the pager reads.
pub fn shown() -> String {
    query(".pager [role=status]")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Waits (up to `secs`) until the pager reads `expected`.
pub async fn wait_shown(expected: &str, secs: u32) {
    let deadline = js_sys::Date::now() + f64::from(secs) * 1000.0;
    while shown() != expected {
        assert!(
            js_sys::Date::now() < deadline,
            "expected {expected:?}, the pager reads {:?} at {}",
            shown(),
            search()
        );
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

/// `users` users with `per_user` events each; event `k` of user `i` is `k * users + i` minutes
/// old (the newest are users 0, 1, 2 …) and has behavior `(i + k) % 8` and level `(i + k) % 3`.
pub fn synthetic(users: usize, per_user: usize) -> Vec<Loaded> {
    let now = Utc::now();
    let levels = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];
    (0..users)
        .map(|i| {
            let name = format!("User {i:05}");
            let email = format!("user{i:05}@example.com");
            let events: Vec<RiskEvent> = (0..per_user)
                .map(|k| RiskEvent {
                    id: format!("e{i}-{k}"),
                    name: BEHAVIORS[(i + k) % 8].into(),
                    risk_level: levels[(i + k) % 3].clone(),
                    timestamp: now - Duration::minutes((k * users + i) as i64),
                    event_details: Some(serde_json::json!({ "n": k })),
                })
                .collect();
            Loaded {
                user: UserRiskInfo {
                    user_id: format!("00000000-0000-4000-8000-{i:012}"),
                    name: name.clone(),
                    email: email.clone(),
                    max_risk_level: RiskLevel::High,
                    event_count: per_user as u64,
                    last_event: now - Duration::minutes(i as i64),
                },
                detail: RiskEvents {
                    name,
                    email,
                    events,
                    last_reset_time: None,
                    risk_level: Some(RiskLevel::High),
                },
                loaded_at: now,
                left: false,
                kept: Vec::new(),
            }
        })
        .collect()
}
