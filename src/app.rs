//! The root: provides the session and the API client, and maps routes to pages.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::any_nested_route::{AnyNestedRoute, IntoAnyNestedRoute};
use leptos_router::components::{Route, RouteChildren, Router, Routes, RoutesProps};

use crate::api::transport::{FetchTransport, Transport};
use crate::api::{boot_request, use_api, ApiClient};
use crate::components::{Layout, Toasts};
use crate::memory::context::Opener;
use crate::memory::Memory;
use crate::pages::NotFound;
use crate::routes::Page;
use crate::session::{RuntimeConfig, Session};
use crate::state::runner::Pacing;
use crate::state::unsaved::Guards;
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
    /// Where the profile's memory is kept: the browser's IndexedDB unless given (tests).
    #[prop(optional)]
    remember: Option<Opener>,
    children: Children,
) -> impl IntoView {
    let session = Session::new(config);
    provide_context(session);
    provide_context(match remember {
        Some(opener) => Memory::with_opener(opener),
        None => Memory::new(),
    });
    provide_context(Cache::default());
    provide_context(Guards::default());
    provide_context(Pacing::default());
    provide_context(Toasts::default());
    provide_context(ApiClient::new(transport, session).with_timeout_ms(timeout_ms));
    provide_context(EventsStore::new());
    children()
}

/// The router, inside the layout: every page of `routes::Page`'s table, tried in its order.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <Layout>
                {page_routes()}
            </Layout>
        </Router>
    }
}

/// One route per page of the table; an address that matches none shows [`NotFound`].
fn page_routes() -> impl IntoView {
    let routes: Vec<AnyNestedRoute> = Page::ALL
        .into_iter()
        .map(|page| {
            let view = move || page.view();
            view! { <Route path=page.pattern() view/> }
                .into_inner()
                .into_any_nested_route()
        })
        .collect();
    let children = RouteChildren::to_children(move || StaticVec::from(routes));
    Routes(
        RoutesProps::builder()
            .fallback(NotFound)
            .children(children)
            .build(),
    )
}

/// The whole console with the real transport.
#[component]
pub fn App(config: RuntimeConfig) -> impl IntoView {
    view! {
        <Providers config transport=Arc::new(FetchTransport::default())>
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
