//! The User page (being built).

use leptos::prelude::*;

use crate::pages::Placeholder;

/// The User page.
#[component]
pub fn UserDetailPage() -> impl IntoView {
    view! { <Placeholder title="User"/> }
}
