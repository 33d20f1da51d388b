//! The Users page (being built).

use leptos::prelude::*;

use crate::pages::Placeholder;

/// The Users page.
#[component]
pub fn UsersPage() -> impl IntoView {
    view! { <Placeholder title="Users"/> }
}
