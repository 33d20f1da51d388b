//! `LevelSelect`: the "Risk level" filter of a list (All, High, Medium, Low).

use leptos::prelude::*;
use zt_risk_api::RiskLevel;

/// A labelled `<select>` of a list's level filter; `on_level` gets the chosen level (`None`:
/// all).
#[component]
pub fn LevelSelect(
    /// The select's id (the label's `for`).
    id: &'static str,
    /// The level the list shows, or all.
    level: Signal<Option<RiskLevel>>,
    /// Called with the level chosen.
    on_level: Callback<Option<RiskLevel>>,
) -> impl IntoView {
    let option = move |value: Option<RiskLevel>, label: &'static str| {
        let text = value.as_ref().map_or("", RiskLevel::as_str).to_owned();
        let selected = {
            let value = value.clone();
            move || level.with(|l| *l == value)
        };
        view! { <option value=text prop:selected=selected>{label}</option> }
    };
    view! {
        <div class="field">
            <label for=id>"Risk level"</label>
            <select id=id on:change=move |ev| on_level.run(RiskLevel::parse_known(&event_target_value(&ev)))>
                {option(None, "All")}
                {option(Some(RiskLevel::High), "High")}
                {option(Some(RiskLevel::Medium), "Medium")}
                {option(Some(RiskLevel::Low), "Low")}
            </select>
        </div>
    }
}
