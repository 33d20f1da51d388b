//! `WithSummary`: the summary loaded once per view (through the read cache), with a skeleton
//! while it loads and the error with Retry if it fails. The overview and "Load events" share
//! it, so the loading machinery is compiled once.

use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::UserRiskInfo;

use super::{ErrorView, SkeletonRows};
use crate::state::{summary_users, use_reloadable};

/// Shows `render(users)` once the summary is loaded.
///
/// ```ignore
/// <WithSummary render=figures loading="Loading the summary"/>
/// ```
#[component]
pub fn WithSummary(
    /// Draws the loaded summary's users.
    render: fn(Arc<Vec<UserRiskInfo>>) -> AnyView,
    /// What the skeleton announces while loading ("Loading the summary").
    loading: &'static str,
) -> impl IntoView {
    let (summary, reload) = use_reloadable(summary_users);
    view! {
        <Transition fallback=move || view! { <SkeletonRows rows=3 label=loading/> }>
            {move || Suspend::new(async move {
                match summary.await {
                    Ok(users) => render(users),
                    Err(error) => view! { <ErrorView error on_retry=reload/> }.into_any(),
                }
            })}
        </Transition>
    }
}
