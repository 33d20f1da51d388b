//! The reusable policies (`GET /access/policies`): the only policies the console can change.
//! Each with its decision, how many of the loaded applications use it and its rules, and "Edit
//! risk rules", which opens the editor on it (asking first if another draft has unsaved edits).

use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::access::{Decision, Policy, RuleLists};

use super::rule_list::summary;
use crate::access::words::unavailable;
use crate::access::{AccessLoad, Matrix, RiskDraft};
use crate::state::unsaved::confirm_discard;

/// How many applications of `matrix` have the policy `id` among their policies as read.
fn users_of(matrix: &Matrix, id: Option<&str>) -> usize {
    let Some(id) = id else { return 0 };
    matrix
        .rows
        .iter()
        .filter(|r| {
            r.policies
                .known()
                .is_some_and(|ps| ps.iter().any(|p| p.id() == Some(id)))
        })
        .count()
}

fn row(policy: &Policy, matrix: &Matrix, draft: RwSignal<Option<RiskDraft>>) -> impl IntoView {
    let name = policy.name().unwrap_or("Unnamed policy").to_owned();
    let decision = policy.decision().map_or_else(String::new, Decision::label);
    let used = users_of(matrix, policy.id());
    let rules = summary(&RuleLists::of(policy));
    let editable = StoredValue::new(policy.clone());
    let edit = move |_| {
        let dirty = draft.with_untracked(|d| d.as_ref().is_some_and(RiskDraft::is_dirty));
        if confirm_discard(dirty) {
            draft.set(Some(RiskDraft::new(editable.get_value())));
        }
    };
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td data-label="Decision">{decision}</td>
            <td data-label="Applications" class="num">{used}</td>
            <td data-label="Rules">{rules}</td>
            <td class="row-actions">
                <button type="button" class="button secondary" on:click=edit>
                    "Edit risk rules"<span class="visually-hidden">{format!(" of {name}")}</span>
                </button>
            </td>
        </tr>
    }
}

/// The reusable policies section.
#[component]
pub fn ReusablePolicies(
    /// The page's loader (its reusable policies).
    load: AccessLoad,
    /// The loaded matrix (which applications use each policy).
    matrix: Memo<Matrix>,
    /// The editor's draft, set by "Edit risk rules".
    draft: RwSignal<Option<RiskDraft>>,
) -> impl IntoView {
    let content = move || {
        match load.reusable().get() {
        None => ().into_any(),
        Some(Err(error)) => view! {
            <p class="hint">{unavailable(&error)}" No risk rule can be edited."</p>
        }
        .into_any(),
        Some(Ok(policies)) if policies.is_empty() => view! {
            <p class="hint">"This account has no reusable policy: risk rules are edited on reusable policies only."</p>
        }
        .into_any(),
        Some(Ok(policies)) => table(policies, matrix, draft).into_any(),
    }
    };
    view! {
        <section class="access-policies" aria-labelledby="access-policies-title">
            <h2 id="access-policies-title" tabindex="-1">"Reusable policies"</h2>
            <p class="hint">
                "Risk rules can be added to or removed from reusable policies; an application's own policies are changed in Cloudflare's dashboard."
            </p>
            {content}
        </section>
    }
}

fn table(
    policies: Arc<Vec<Policy>>,
    matrix: Memo<Matrix>,
    draft: RwSignal<Option<RiskDraft>>,
) -> impl IntoView {
    let rows = move || matrix.with(|m| policies.iter().map(|p| row(p, m, draft)).collect_view());
    view! {
        <div class="table-wrap">
            <table class="access-policies-table">
                <caption>"Reusable policies"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Policy"</th>
                        <th scope="col">"Decision"</th>
                        <th scope="col" class="num">"Applications"</th>
                        <th scope="col">"Rules"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
