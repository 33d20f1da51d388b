//! Fixtures for the integrations pages' tests: an integration as JSON and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::components::Toaster;
use zt_risk_console::pages::{IntegrationPage, IntegrationsPage, NewIntegrationPage};
use zt_risk_console::session::RuntimeConfig;

use super::*;

pub const ID: &str = "5f2b6a34-7c1d-4e8f-9a0b-1c2d3e4f5a6b";

pub fn integration(tenant: &str, reference: &str, active: bool) -> String {
    format!(
        r#"{{"id":"{ID}","account_tag":"{ACCOUNT}","active":{active},"created_at":"2026-01-02T03:04:05Z","integration_type":"Okta","reference_id":"{reference}","tenant_url":"{tenant}","well_known_url":"https://ssf.risk-score.teams.cloudflare.com/.well-known/sse-configuration/{ID}"}}"#
    )
}

pub fn cfg() -> RuntimeConfig {
    clear_storage();
    config_with_token()
}

pub fn integrations_url() -> String {
    format!("{BASE}/accounts/{ACCOUNT}/zt_risk_scoring/integrations")
}

/// The console's integration routes, with the toasts.
pub fn routes() -> impl IntoView {
    view! {
        <Router>
            <Toaster/>
            <Routes fallback=|| "no route">
                <Route path=path!("/integrations") view=IntegrationsPage/>
                <Route path=path!("/integrations/new") view=NewIntegrationPage/>
                <Route path=path!("/integrations/:id") view=IntegrationPage/>
            </Routes>
        </Router>
    }
}

pub fn aria_invalid(selector: &str) -> Option<String> {
    el(selector).get_attribute("aria-invalid")
}

/// Opens `path` in the integration routes with `replies` queued; keep the handle alive.
pub fn open(
    path: &str,
    replies: impl IntoIterator<Item = FakeReply>,
) -> (
    FakeTransport,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    go(path);
    let fake = FakeTransport::new();
    for reply in replies {
        fake.push(reply);
    }
    let handle = mount(cfg(), fake.clone(), 1000, routes);
    (fake, handle)
}
