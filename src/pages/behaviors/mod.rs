//! The Behaviors page (being built).

use leptos::prelude::*;

use crate::pages::Placeholder;

/// The Behaviors page.
#[component]
pub fn BehaviorsPage() -> impl IntoView {
    view! { <Placeholder title="Behaviors"/> }
}
