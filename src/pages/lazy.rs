//! Route views loaded on demand. Built with `--cfg zt_split` (the release build, see
//! `xtask/src/split.rs`), each page below lives in its own wasm chunk, fetched the first time the
//! page opens; a failed fetch shows an alert with Retry. Without the cfg (tests, debug builds)
//! the same functions return the page at once.

use leptos::prelude::*;

#[cfg(zt_split)]
use crate::components::SkeletonRows;
#[cfg(zt_split)]
use leptos::wasm_split::SplitLoaderError;

/// Declares `fn $name() -> Result<AnyView, SplitLoaderError>` showing `$page`: a split point
/// (and so an `async fn`) with `zt_split`, a plain function without.
macro_rules! page_views {
    ($($name:ident => $page:path;)*) => {$(
        #[cfg(zt_split)]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }
        #[cfg(not(zt_split))]
        pub fn $name() -> AnyView {
            view! { <$page/> }.into_any()
        }
    )*};
}

page_views! {
    user_detail => super::UserDetailPage;
    detections => super::DetectionsPage;
    behaviors => super::BehaviorsPage;
    integrations => super::IntegrationsPage;
    new_integration => super::NewIntegrationPage;
    integration => super::IntegrationPage;
    settings => super::SettingsPage;
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
                    <div class="error-view" role="alert">
                        <h2 class="error-title">"This page could not be loaded"</h2>
                        <p>"Its code did not arrive. Check the connection and retry; if the console was updated meanwhile, reload the page."</p>
                        <div class="actions">
                            <button type="button" class="button" on:click=retry>"Retry"</button>
                        </div>
                    </div>
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

/// The route view of a page declared above (`lazy_page!(settings)`).
macro_rules! lazy_page {
    ($name:ident) => {{
        #[cfg(zt_split)]
        let view = || {
            leptos::view! {
                <$crate::pages::lazy::Chunk load=|| Box::pin($crate::pages::lazy::$name())/>
            }
        };
        #[cfg(not(zt_split))]
        let view = $crate::pages::lazy::$name;
        view
    }};
}
pub(crate) use lazy_page;
