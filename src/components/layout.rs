//! The page frame: header, primary navigation (with `aria-current`), demo banner, main area.

use leptos::prelude::*;
use leptos_router::components::A;

use super::Toaster;
use crate::routes;
use crate::session::use_session;

/// Wraps every page. Navigation links mark the current section with `aria-current="page"`.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let session = use_session();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <span class="brand">"Zero Trust · Risk scoring"</span>
            <nav aria-label="Main">
                <ul>
                    <li><A href=routes::overview() exact=true>"Overview"</A></li>
                    <li><A href=routes::users()>"Users"</A></li>
                    <li><A href=routes::detections()>"Detections"</A></li>
                    <li><A href=routes::behaviors()>"Behaviors"</A></li>
                    <li><A href=routes::integrations()>"Integrations"</A></li>
                    <li><A href=routes::settings()>"Settings"</A></li>
                </ul>
            </nav>
        </header>
        {session.is_demo().then(|| view! {
            <p class="demo-banner" role="note">
                "Demo emulator: the data is generated locally and no Cloudflare account is used."
            </p>
        })}
        <main id="main" tabindex="-1">{children()}</main>
        <Toaster/>
    }
}
