//! Synthetic loaded events for the events store: many users, a few events each, spread over
//! the last 90 days, eight behaviors and three levels in turn.

use chrono::{Duration, Utc};
use zt_risk_api::{RiskEvent, RiskEvents, RiskLevel, UserRiskInfo};
use zt_risk_console::state::events::Loaded;

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
            }
        })
        .collect()
}
