//! Page views and page sections, in two split points: the risk pages (Overview, Users, a user,
//! Detections) and the admin pages (Behaviors, Access, Integrations, Settings, and the Users
//! page's access section). Built with `--cfg zt_split` (the release build, see
//! `xtask/src/split.rs`), a group's code is fetched the first time one of its views shows; a
//! failed fetch shows an alert with Retry. Without the cfg (tests, debug builds) the same
//! functions return the view at once. `routes::Page` names which function shows which page.
//!
//! Why groups, not one split point per page: the splitter puts the code that several split
//! points share into one chunk per combination of them, and a dozen page split points made
//! 247 chunks, 116 of them fetched and instantiated before the Users page could show a row.
//! Two groups make 7 chunks, 4 for any risk page (`docs/benchmarks.md`, "Code split").

use leptos::prelude::*;

#[cfg(zt_split)]
use crate::components::{Alert, SkeletonRows};
#[cfg(zt_split)]
use leptos::wasm_split::SplitLoaderError;

/// Declares a split point `$group` (with `zt_split`) that shows any of its views by name, and
/// `pub fn $name() -> AnyView` for each, showing `$view` through it (at once without the cfg).
/// `$what` names what loads in the skeleton and the alert ("page", "section").
macro_rules! split_group {
    ($group:ident: $($name:ident => $view:path, $what:literal;)*) => {
        #[cfg(zt_split)]
        mod $group {
            use leptos::prelude::*;
            use leptos::wasm_split::SplitLoaderError;

            /// The view named `name`.
            #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
            pub fn show(name: &'static str) -> Result<AnyView, SplitLoaderError> {
                $(
                    if name == stringify!($name) {
                        return Ok(view! { <$view/> }.into_any());
                    }
                )*
                Ok(().into_any())
            }
        }
        $(
            pub fn $name() -> AnyView {
                #[cfg(zt_split)]
                let view = view! {
                    <Chunk load=|| Box::pin($group::show(stringify!($name)))
                        loading=concat!("Loading the ", $what) failed=concat!("This ", $what, " could not be loaded")/>
                }
                .into_any();
                #[cfg(not(zt_split))]
                let view = view! { <$view/> }.into_any();
                view
            }
        )*
    };
}

split_group! { risk:
    overview => crate::pages::OverviewPage, "page";
    users => crate::pages::UsersPage, "page";
    user_detail => crate::pages::UserDetailPage, "page";
    detections => crate::pages::DetectionsPage, "page";
}

split_group! { admin:
    behaviors => crate::pages::BehaviorsPage, "page";
    access => crate::pages::AccessPage, "page";
    integrations => crate::pages::IntegrationsPage, "page";
    new_integration => crate::pages::NewIntegrationPage, "page";
    integration => crate::pages::IntegrationPage, "page";
    settings => crate::pages::SettingsPage, "page";
    users_access => crate::pages::users::access::LevelsKeptOut, "section";
}

/// A boxed split-point call, so [`Chunk`] is compiled once for every page.
#[cfg(zt_split)]
pub type Load =
    fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Shows the view `load` returns once its chunk is in, skeleton rows until then; if the chunk
/// cannot be fetched, an alert with Retry (a failed fetch is not remembered: Retry fetches again).
#[cfg(zt_split)]
#[component]
pub fn Chunk(
    /// The split point.
    load: Load,
    /// What the skeleton announces: "Loading the page".
    loading: &'static str,
    /// The alert's title if the chunk cannot be fetched: "This page could not be loaded".
    failed: &'static str,
) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let waiting = RwSignal::new(true);
    let retry = move |_| {
        waiting.set(true);
        attempt.update(|n| *n += 1);
    };
    let page = move || {
        attempt.track();
        let page = send_wrapper::SendWrapper::new(load());
        Suspend::new(async move {
            let page = page.await;
            waiting.set(false);
            page.unwrap_or_else(|_| {
                view! {
                    <Alert title=failed>
                        <p>"Its code did not arrive. Check the connection and retry; if the console was updated meanwhile, reload the page."</p>
                        <div class="actions">
                            <button type="button" class="button" on:click=retry>"Retry"</button>
                        </div>
                    </Alert>
                }
                .into_any()
            })
        })
    };
    view! {
        {move || waiting.get().then(|| view! { <SkeletonRows rows=3 label=loading/> })}
        {page}
    }
}
