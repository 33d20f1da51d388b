//! Placeholder pages for sections whose full page lands in a later change.

use leptos::prelude::*;

use crate::components::EmptyState;

/// A page frame with its title and a note that the page is not built yet.
#[component]
pub fn Placeholder(
    /// The page heading.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        <EmptyState title="Coming soon">
            <p>"This page is not available in this version of the console."</p>
        </EmptyState>
    }
}
