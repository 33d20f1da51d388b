//! `use_reloadable`: the one way a page loads its data and loads it again (Retry, Refresh,
//! after a save). The first load may be served by the short-lived read cache; every reload
//! reads past it, so what the admin asked to refresh is really fetched again.
//!
//! It only loads: showing skeletons, errors and Retry stays with the page (`Transition`,
//! `ErrorView on_retry=reload`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use futures::future::{ready, Either, Ready};
use futures::FutureExt;
use leptos::prelude::*;
use zt_risk_api::UserRiskInfo;

use crate::api::{use_api, Api, ApiError};
use crate::routes;

/// Loads with `load` (given the calling component's client, whose requests are aborted when it
/// unmounts) and returns the resource plus a callback that loads it again past the cache.
///
/// Signals `load` reads before its first `.await` are tracked: a page keyed by a route
/// parameter reads it there and reloads when it changes.
///
/// ```ignore
/// let (summary, reload) = use_reloadable(|api| async move { api.summary().await });
/// ```
pub fn use_reloadable<T, Fut>(
    load: impl Fn(Api) -> Fut + 'static,
) -> (LocalResource<T>, Callback<()>)
where
    T: 'static,
    Fut: Future<Output = T> + 'static,
{
    let api = use_api();
    let reloads = RwSignal::new(0u32);
    let resource = LocalResource::new(move || {
        let api = if reloads.get() > 0 {
            api.clone().uncached()
        } else {
            api.clone()
        };
        started(load(api))
    });
    let reload = Callback::new(move |()| reloads.update(|n| *n += 1));
    (resource, reload)
}

/// Polls `load` once at once, so its request leaves while the page is still being mounted:
/// `LocalResource` first polls a tick later (a hydration guard a client-rendered app does not
/// need), after the whole mount. Measured on the Users page at 50,000 users: the summary
/// request starts ~15 ms sooner. A result that is ready at once (a cache hit) is kept.
fn started<T, F: Future<Output = T>>(load: F) -> Either<Ready<T>, Pin<Box<F>>> {
    let mut load = Box::pin(load);
    match load.as_mut().now_or_never() {
        Some(value) => Either::Left(ready(value)),
        None => Either::Right(load),
    }
}

/// [`use_reloadable`] for a page of one item (`/users/:id`): `load` also gets the route's `:id`,
/// and a new id loads again. Returns the id too.
///
/// ```ignore
/// let (id, user, reload) = use_reloadable_item(|api, id| async move { api.user(&id).await });
/// ```
pub fn use_reloadable_item<T, Fut>(
    load: impl Fn(Api, String) -> Fut + 'static,
) -> (Memo<String>, LocalResource<T>, Callback<()>)
where
    T: 'static,
    Fut: Future<Output = T> + 'static,
{
    let id = routes::use_id_param();
    let (resource, reload) = use_reloadable(move |api| load(api, id.get()));
    (id, resource, reload)
}

/// The summary's users: the one loader every view of the summary passes to [`use_reloadable`],
/// so its future (and the resource machinery around it) exists once in the binary.
pub async fn summary_users(api: Api) -> Result<Arc<Vec<UserRiskInfo>>, ApiError> {
    api.summary().await
}
