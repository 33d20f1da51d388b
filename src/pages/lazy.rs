//! Page views, each a split point, and sections of pages that are split points of their own.
//! Built with `--cfg zt_split` (the release build, see `xtask/src/split.rs`), each lives in its
//! own wasm chunk, fetched the first time it shows; a failed fetch shows an alert with Retry.
//! Without the cfg (tests, debug builds) the same functions return the view at once.
//! `routes::Page` names which function shows which page.

use leptos::prelude::*;

#[cfg(zt_split)]
use crate::components::{Alert, SkeletonRows};
#[cfg(zt_split)]
use leptos::wasm_split::SplitLoaderError;

/// Declares `pub fn $name() -> AnyView` showing `$page`: through a split point named `$name`
/// (in module `$split`) with `zt_split`, at once without. `$what` names what loads in the
/// skeleton and the alert ("page", "section").
macro_rules! split_views {
    ($split:ident, $what:literal: $($name:ident => $page:path;)*) => {
        #[cfg(zt_split)]
        mod $split {
            use leptos::prelude::*;
            use leptos::wasm_split::SplitLoaderError;
            $(
                #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
                pub fn $name() -> Result<AnyView, SplitLoaderError> {
                    Ok(view! { <$page/> }.into_any())
                }
            )*
        }
        $(
            pub fn $name() -> AnyView {
                #[cfg(zt_split)]
                let view = view! {
                    <Chunk load=|| Box::pin($split::$name())
                        loading=concat!("Loading the ", $what) failed=concat!("This ", $what, " could not be loaded")/>
                }
                .into_any();
                #[cfg(not(zt_split))]
                let view = view! { <$page/> }.into_any();
                view
            }
        )*
    };
}

split_views! { pages, "page":
    overview => crate::pages::OverviewPage;
    users => crate::pages::UsersPage;
    user_detail => crate::pages::UserDetailPage;
    detections => crate::pages::DetectionsPage;
    behaviors => crate::pages::BehaviorsPage;
    access => crate::pages::AccessPage;
    integrations => crate::pages::IntegrationsPage;
    new_integration => crate::pages::NewIntegrationPage;
    integration => crate::pages::IntegrationPage;
    settings => crate::pages::SettingsPage;
}

// Sections whose code need not delay the page they are on.
split_views! { sections, "section":
    users_access => crate::pages::users::access::LevelsKeptOut;
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
