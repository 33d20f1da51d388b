//! The root: provides the session and the API client, and maps routes to pages.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::transport::{FetchTransport, Transport};
use crate::api::{boot_request, use_api, ApiClient};
use crate::components::{Layout, Toasts};
use crate::pages::lazy::lazy_page;
use crate::pages::{NotFound, OverviewPage, UsersPage};
use crate::session::{RuntimeConfig, Session};
use crate::state::{Cache, EventsStore};

/// Provides the session and client for everything below it; tests use it with a fake transport.
#[component]
pub fn Providers(
    /// The deployment defaults.
    config: RuntimeConfig,
    /// How requests are sent.
    transport: Arc<dyn Transport>,
    /// Request time limit in milliseconds.
    #[prop(default = crate::api::client::DEFAULT_TIMEOUT_MS)]
    timeout_ms: u32,
    children: Children,
) -> impl IntoView {
    let session = Session::new(config);
    provide_context(session);
    provide_context(Cache::default());
    provide_context(Toasts::default());
    provide_context(ApiClient::new(transport, session).with_timeout_ms(timeout_ms));
    provide_context(EventsStore::new());
    children()
}

/// The route table, inside the layout: which page each path of `routes` shows.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=OverviewPage/>
                    <Route path=path!("/users") view=UsersPage/>
                    <Route path=path!("/users/:id") view=lazy_page!(user_detail)/>
                    <Route path=path!("/detections") view=lazy_page!(detections)/>
                    <Route path=path!("/behaviors") view=lazy_page!(behaviors)/>
                    <Route path=path!("/integrations") view=lazy_page!(integrations)/>
                    <Route path=path!("/integrations/new") view=lazy_page!(new_integration)/>
                    <Route path=path!("/integrations/:id") view=lazy_page!(integration)/>
                    <Route path=path!("/settings") view=lazy_page!(settings)/>
                </Routes>
            </Layout>
        </Router>
    }
}

/// The whole console with the real transport.
#[component]
pub fn App(config: RuntimeConfig) -> impl IntoView {
    view! {
        <Providers config transport=Arc::new(FetchTransport)>
            {start_landing_request()}
            <AppRoutes/>
        </Providers>
    }
}

/// Sends a landing page's summary request before the shell and the page mount (or takes the
/// one `boot.js` sent), so the response travels while they are built.
fn start_landing_request() {
    boot_request::start(&use_api());
}
