//! Page views, each a split point. Built with `--cfg zt_split` (the release build, see
//! `xtask/src/split.rs`), each page below lives in its own wasm chunk, fetched the first time the
//! page opens; a failed fetch shows an alert with Retry. Without the cfg (tests, debug builds)
//! the same functions return the page at once. `routes::Page` names which function shows
//! which page.

use leptos::prelude::*;

#[cfg(zt_split)]
use crate::components::{Alert, SkeletonRows};
#[cfg(zt_split)]
use leptos::wasm_split::SplitLoaderError;

/// Declares `pub fn $name() -> AnyView` showing `$page`: through a split point named `$name`
/// (in `split`) with `zt_split`, at once without.
macro_rules! page_views {
    ($($name:ident => $page:path;)*) => {
        #[cfg(zt_split)]
        mod split {
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
                let view = view! { <Chunk load=|| Box::pin(split::$name())/> }.into_any();
                #[cfg(not(zt_split))]
                let view = view! { <$page/> }.into_any();
                view
            }
        )*
    };
}

page_views! {
    user_detail => crate::pages::UserDetailPage;
    detections => crate::pages::DetectionsPage;
    behaviors => crate::pages::BehaviorsPage;
    integrations => crate::pages::IntegrationsPage;
    new_integration => crate::pages::NewIntegrationPage;
    integration => crate::pages::IntegrationPage;
    settings => crate::pages::SettingsPage;
}

/// The Overview page, in the main module.
pub fn overview() -> AnyView {
    view! { <crate::pages::OverviewPage/> }.into_any()
}

/// The Users page, in the main module.
pub fn users() -> AnyView {
    view! { <crate::pages::UsersPage/> }.into_any()
}

/// A boxed split-point call, so [`Chunk`] is compiled once for every page.
#[cfg(zt_split)]
pub type Load =
    fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Shows the page `load` returns once its chunk is in, skeleton rows until then; if the chunk
/// cannot be fetched, an alert with Retry (a failed fetch is not remembered: Retry fetches again).
#[cfg(zt_split)]
#[component]
pub fn Chunk(load: Load) -> impl IntoView {
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
                    <Alert title="This page could not be loaded">
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
        {move || waiting.get().then(|| view! { <SkeletonRows rows=3 label="Loading the page"/> })}
        {page}
    }
}
