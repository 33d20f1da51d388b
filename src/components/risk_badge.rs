//! The risk level badge: colour plus the word, never colour alone.

use leptos::prelude::*;
use zt_risk_api::RiskLevel;

/// A badge for `level`; `None` reads "Not scored".
#[component]
pub fn RiskBadge(
    /// The level to show.
    level: Option<RiskLevel>,
) -> impl IntoView {
    let (class, label) = match &level {
        Some(RiskLevel::High) => ("badge high", "High".to_owned()),
        Some(RiskLevel::Medium) => ("badge medium", "Medium".to_owned()),
        Some(RiskLevel::Low) => ("badge low", "Low".to_owned()),
        Some(other) => ("badge", other.label()),
        None => ("badge", "Not scored".to_owned()),
    };
    view! { <span class=class>{label}</span> }
}
