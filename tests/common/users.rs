//! Fixtures for the users pages' tests: summary rows, a small sample and many generated users.

use chrono::{DateTime, Duration, TimeZone, Utc};
use zt_risk_api::{RiskLevel, UserRiskInfo};

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
