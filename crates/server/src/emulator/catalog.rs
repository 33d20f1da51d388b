//! The eight behaviors of the dashboard. Three have public ids, names and descriptions; the
//! other five ids (and their descriptions) are INVENTED by this emulator, because Cloudflare
//! has not published them: `crowdstrike_low_zta`, `crowdstrike_medium_zta`,
//! `malicious_file_interaction`, `suspicious_security_domain`, `high_risk_domain`.

use std::collections::BTreeMap;

use zt_risk_api::{Behavior, RiskLevel};

/// One predefined behavior: id, name, description, demo level, enabled in the demo seed,
/// and whether the id is invented here.
pub struct Definition {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub level: RiskLevel,
    pub demo_enabled: bool,
    pub invented: bool,
}

pub fn definitions() -> [Definition; 8] {
    [
        Definition {
            id: "imp_travel",
            name: "Impossible Travel",
            description: "A user had a successful Access application log in from two locations that they could not have traveled to in that period of time.",
            level: RiskLevel::High,
            demo_enabled: true,
            invented: false,
        },
        Definition {
            id: "high_dlp",
            name: "High Number of DLP Policies Triggered",
            description: "User has triggered an active DLP profile in a Gateway policy fifteen times or more within one minute.",
            level: RiskLevel::Medium,
            demo_enabled: true,
            invented: false,
        },
        Definition {
            id: "sentinel_one",
            name: "SentinelOne Infection Detected",
            description: "User is signed in on a device where Sentinel One EDR detects an active threat or infection.",
            level: RiskLevel::Medium,
            demo_enabled: true,
            invented: false,
        },
        Definition {
            id: "crowdstrike_low_zta",
            name: "CrowdStrike Low ZTA Score",
            description: "User is signed in on a device whose CrowdStrike Zero Trust Assessment score is low. (Id invented by the emulator.)",
            level: RiskLevel::Low,
            demo_enabled: false,
            invented: true,
        },
        Definition {
            id: "crowdstrike_medium_zta",
            name: "CrowdStrike Medium ZTA Score",
            description: "User is signed in on a device whose CrowdStrike Zero Trust Assessment score is medium. (Id invented by the emulator.)",
            level: RiskLevel::Medium,
            demo_enabled: true,
            invented: true,
        },
        Definition {
            id: "malicious_file_interaction",
            name: "Interaction with a Malicious File",
            description: "User downloaded or uploaded a file that Gateway's anti-virus scanning found to be malicious. (Id invented by the emulator.)",
            level: RiskLevel::High,
            demo_enabled: true,
            invented: true,
        },
        Definition {
            id: "suspicious_security_domain",
            name: "Suspicious Security Domain Visited",
            description: "User visited a domain in a suspicious security category (for example newly seen or parked domains). (Id invented by the emulator.)",
            level: RiskLevel::Low,
            demo_enabled: false,
            invented: true,
        },
        Definition {
            id: "high_risk_domain",
            name: "High Risk Domain Visited",
            description: "User visited a domain in a high-risk security category (malware, phishing, command and control). (Id invented by the emulator.)",
            level: RiskLevel::High,
            demo_enabled: true,
            invented: true,
        },
    ]
}

/// The behaviors map of a new account: every behavior disabled, as Cloudflare ships them,
/// unless `demo` (then six of eight are enabled so the summary has data to show).
pub fn behaviors(demo: bool) -> BTreeMap<String, Behavior> {
    definitions()
        .into_iter()
        .map(|d| {
            let behavior = Behavior {
                name: d.name.to_owned(),
                description: d.description.to_owned(),
                enabled: demo && d.demo_enabled,
                risk_level: d.level,
            };
            (d.id.to_owned(), behavior)
        })
        .collect()
}
