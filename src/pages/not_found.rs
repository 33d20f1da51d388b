//! The page for routes that do not exist.

use leptos::prelude::*;

use crate::routes::Page;

/// Shown for any unknown route.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address."</p>
        <p><a href=Page::Users.path()>"Go to users"</a></p>
    }
}
