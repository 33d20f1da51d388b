//! An event's `event_details` (any JSON value): pretty JSON as a text node, never HTML,
//! collapsed by default. The user page and Detections show details this way.

use leptos::prelude::*;

/// The details cell: "Show details" opening the JSON, or "—" when the event has none.
#[component]
pub fn EventDetails(
    /// The event's details, as the API sent them.
    details: Option<serde_json::Value>,
) -> impl IntoView {
    details.map_or_else(
        || "—".into_any(),
        |value| {
            // A text node: markup inside strings stays text.
            let text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| value.to_string());
            view! {
                <details class="json">
                    <summary>"Show details"</summary>
                    <pre>{text}</pre>
                </details>
            }
            .into_any()
        },
    )
}
