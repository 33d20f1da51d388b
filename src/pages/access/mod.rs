//! The "Risk and access" page (`/access`): which Cloudflare Access applications each risk level
//! keeps out, lets in or leaves to who the user is, with the policy and rule that decide
//! (`matrix_table`, `cell`), the same in words and figures from the summary (`figures`), the
//! matrix filtered by level, kind of cell and application, kept in the URL (`filters`,
//! `view_state`), and the reusable policies whose risk rules can be edited (`policies`,
//! `editor`, `add_rule`) with a review before saving (`review`, `save`).
//!
//! Loading is `access::AccessLoad`: the applications with their embedded policies, the
//! reusable policies, and only when the list does not embed them, each application's policies
//! on the runner (its progress and Cancel show here).

mod add_rule;
mod cell;
mod editor;
mod figures;
mod filters;
mod matrix_table;
mod policies;
mod review;
mod rule_list;
mod save;
pub mod view_state;

use leptos::prelude::*;

use crate::access::{AccessLoad, RiskDraft};
use crate::api::ApiError;
use crate::components::{ErrorView, RunProgress, SkeletonRows};
use editor::Editor;
use figures::Figures;
use matrix_table::MatrixView;
use policies::ReusablePolicies;

/// Where the first load stands, for what the page shows around the matrix.
#[derive(Clone, PartialEq)]
enum Stage {
    Loading,
    Failed(ApiError),
    Ready,
}

/// The Risk and access page.
#[component]
pub fn AccessPage() -> impl IntoView {
    let load = AccessLoad::new(true);
    let stage = Memo::new(move |_| match load.matrix().get() {
        None => Stage::Loading,
        Some(Err(error)) => Stage::Failed(error),
        Some(Ok(_)) => Stage::Ready,
    });
    let matrix = load.ready();
    let draft = RwSignal::new(None::<RiskDraft>);
    let refresh = move |_| load.reload();
    view! {
        <div class="page-head">
            <h1>"Risk and access"</h1>
            <button type="button" class="button secondary" on:click=refresh
                aria-busy=move || load.is_loading().to_string() disabled=move || load.is_loading()>
                {move || if load.is_loading() { "Refreshing…" } else { "Refresh" }}
            </button>
        </div>
        <p>
            "What a user's risk level alone decides in Cloudflare Access: which applications each level is kept out of, let into, "
            "or left to who the user is (emails, groups, devices). From the applications' policies and their risk score rules."
        </p>
        {move || match stage.get() {
            Stage::Loading => view! { <SkeletonRows rows=8 label="Loading applications"/> }.into_any(),
            Stage::Failed(error) => view! {
                <ErrorView error on_retry=Callback::new(move |()| load.reload())/>
            }.into_any(),
            Stage::Ready => view! {
                <Figures matrix/>
                <RunProgress runner=load.runner() label="Loading application policies" unit=("application", "applications")/>
                <MatrixView matrix load/>
                <ReusablePolicies load matrix draft/>
                <Editor load matrix draft/>
            }.into_any(),
        }}
    }
}
