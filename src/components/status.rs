//! The shared loading, error and empty views every page uses.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::routes::Page;

/// Skeleton rows shaped like a table while data loads; announced to screen readers.
#[component]
pub fn SkeletonRows(
    /// How many placeholder rows to draw.
    #[prop(default = 6)]
    rows: usize,
    /// What is loading, for assistive technology ("Loading users").
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <div class="skeleton" role="status" aria-busy="true" aria-live="polite">
            <span class="visually-hidden">{label}</span>
            {(0..rows).map(|_| view! { <div class="skeleton-row" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// Something went wrong: an alert with a headline, and what to know and do as children.
#[component]
pub fn Alert(
    /// The headline ("This page could not be loaded").
    #[prop(into)]
    title: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="error-view" role="alert">
            <h2 class="error-title">{title}</h2>
            {children()}
        </div>
    }
}

/// A failed request: headline, the API's own codes and messages, and Retry when it can help.
#[component]
pub fn ErrorView(
    /// The failure to explain.
    error: ApiError,
    /// Called by the Retry button; without it no button is shown.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let retry =
        on_retry.filter(|_| error.is_retryable() || matches!(error, ApiError::Unauthorized { .. }));
    let needs_settings = matches!(
        error,
        ApiError::NotConfigured(_) | ApiError::Unauthorized { .. }
    );
    view! {
        <Alert title=error.title()>
            <p>{error.to_string()}</p>
            {(!error.errors().is_empty()).then(|| view! {
                <ul class="error-codes">
                    {error.errors().iter().map(|e| view! {
                        <li><code>{e.code}</code>" "{e.message.clone()}</li>
                    }).collect_view()}
                </ul>
            })}
            <div class="actions">
                {retry.map(|cb| view! { <button type="button" class="button" on:click=move |_| cb.run(())>"Retry"</button> })}
                {needs_settings.then(|| view! { <a class="button secondary" href=Page::Settings.path()>"Open Settings"</a> })}
            </div>
        </Alert>
    }
}

/// An empty list, with an explanation and optional actions as children.
#[component]
pub fn EmptyState(
    /// The headline ("No integrations yet").
    #[prop(into)]
    title: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="empty-state" role="status">
            <h2>{title}</h2>
            {children()}
        </div>
    }
}
