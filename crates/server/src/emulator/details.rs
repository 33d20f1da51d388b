//! `event_details` for each demo behavior: plausible JSON of varied shapes (objects, arrays,
//! strings, null, deep nesting), plus hostile strings for a few users so that every client's
//! escaping is exercised.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::rng::Rng;
use super::seed_words::*;

/// Details for an event of `behavior` at `at`; `None` means the field is left out.
pub fn for_behavior(rng: &mut Rng, behavior: &str, at: DateTime<Utc>) -> Option<Value> {
    // About one event in twelve carries an odd shape, as real feeds sometimes do.
    match rng.below(12) {
        0 => return None,
        1 => return Some(Value::Null),
        2 => {
            return Some(json!(format!(
                "{} (summary only)",
                behavior.replace('_', " ")
            )))
        }
        _ => {}
    }
    Some(match behavior {
        "imp_travel" => impossible_travel(rng, at),
        "high_dlp" => json!({
            "dlp_profiles": [rng.pick(DLP_PROFILES), rng.pick(DLP_PROFILES)],
            "gateway_policy": "Block uploads of sensitive data",
            "matches_in_window": rng.range(15, 60),
            "window_seconds": 60,
            "destination": rng.pick(UPLOAD_SITES),
            "action": if rng.chance(70) { "block" } else { "allow" },
        }),
        "sentinel_one" => {
            let (threat, class) = *rng.pick(THREATS);
            json!({
                "device": device(rng),
                "threat": {"name": threat, "classification": class,
                           "mitigation_status": if rng.chance(60) { "active" } else { "mitigated" }},
                "agent_version": "23.4.2.14",
            })
        }
        "crowdstrike_low_zta" | "crowdstrike_medium_zta" => json!({
            "device": device(rng),
            "zta_score": rng.range(5, 65),
            "threshold": if behavior.contains("low") { 30 } else { 60 },
            "sensor_version": "7.11.18110",
            "assessment": {"os": rng.range(20, 100), "sensor_config": rng.range(10, 100)},
        }),
        "malicious_file_interaction" => json!({
            "file_name": rng.pick(FILES),
            "sha256": rng.hex(64),
            "verdict": "malicious",
            "direction": if rng.chance(80) { "download" } else { "upload" },
            "source_url": format!("https://{}/dl/{}", rng.pick(UPLOAD_SITES), rng.hex(8)),
            "action": "blocked",
        }),
        "suspicious_security_domain" | "high_risk_domain" => {
            let (domain, categories) = *rng.pick(RISKY_DOMAINS);
            json!({
                "domain": domain,
                "categories": categories,
                "gateway_rule": "Security risks",
                "action": if rng.chance(75) { "block" } else { "allow" },
                "query_count": rng.range(1, 40),
            })
        }
        _ => Value::Null,
    })
}

fn impossible_travel(rng: &mut Rng, at: DateTime<Utc>) -> Value {
    let (a, b) = (*rng.pick(PLACES), *rng.pick(PLACES));
    let minutes = rng.range(4, 90) as i64;
    let login = |place: (&str, &str, &str), when: DateTime<Utc>, octet: u64| {
        json!({"city": place.0, "country": place.1, "ip": format!("{}{octet}", place.2),
               "timestamp": when.to_rfc3339()})
    };
    json!({
        "application": rng.pick(APPS),
        "logins": [
            login(a, at - Duration::minutes(minutes), rng.range(2, 254)),
            login(b, at, rng.range(2, 254)),
        ],
        "minutes_apart": minutes,
        "distance_km": rng.range(900, 17_000),
    })
}

fn device(rng: &mut Rng) -> Value {
    json!({
        "name": format!("LT-{}", rng.hex(6).to_uppercase()),
        "os": rng.pick(OSES),
        "serial": rng.hex(12).to_uppercase(),
    })
}

/// Details that put hostile strings in keys, values, arrays and deep nesting.
pub fn hostile(rng: &mut Rng, index: usize) -> Value {
    let s = |i: usize| HOSTILE[(index + i) % HOSTILE.len()];
    let mut deep = json!({"payload": s(0)});
    for depth in (0..8).rev() {
        deep = json!({format!("level_{depth}"): deep});
    }
    json!({
        "application": s(1),
        "note": s(2),
        s(3): "hostile key",
        "list": [s(4), 42, null, true, {"html": s(5)}],
        "nested": deep,
        "device": device(rng),
    })
}
