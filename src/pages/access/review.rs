//! The review before a risk rule draft is saved, in the shared dialog: the rule lists before →
//! after (removed rules struck, added ones marked), the matrix cells the change moves, and a
//! conflict with a change made elsewhere, which blocks Save until settled.

use leptos::prelude::*;
use zt_risk_api::access::{Position, Rule, RuleLists};

use super::rule_list::{rule_view, summary};
use super::save::Saving;
use crate::access::effect::effect;
use crate::access::matrix::app_name;
use crate::access::words::kind_label;
use crate::access::{AccessLoad, Matrix, RiskDraft};
use crate::components::ConfirmDialog;
use crate::text::plural;

/// `rules` as a list, the ones not in `other` wrapped in `<del>` (`deleted`) or `<ins>`.
fn marked(rules: &[Rule], other: &[Rule], deleted: bool) -> impl IntoView {
    if rules.is_empty() {
        return view! { <span class="hint">"None"</span> }.into_any();
    }
    let items = rules
        .iter()
        .map(|rule| {
            let text = rule_view(rule);
            match (other.contains(rule), deleted) {
                (true, _) => view! { <li>{text}</li> }.into_any(),
                (false, true) => view! { <li><del>{text}</del></li> }.into_any(),
                (false, false) => view! { <li><ins>{text}</ins></li> }.into_any(),
            }
        })
        .collect_view();
    view! { <ul class="rules">{items}</ul> }.into_any()
}

fn rules_change(before: &RuleLists, after: &RuleLists) -> impl IntoView {
    let rows = Position::ALL
        .into_iter()
        .map(|p| {
            let (b, a) = (before.get(p), after.get(p));
            view! {
                <tr>
                    <th scope="row">{p.label()}</th>
                    <td data-label="Before">{marked(b, a, true)}</td>
                    <td data-label="After">{marked(a, b, false)}</td>
                </tr>
            }
        })
        .collect_view();
    table("Rules before and after", ["Rules", "Before", "After"], rows)
}

/// A three-column table of the review: its caption, column headers and rows.
fn table(caption: &'static str, columns: [&'static str; 3], rows: impl IntoView) -> impl IntoView {
    let head = columns.map(|c| view! { <th scope="col">{c}</th> });
    view! {
        <div class="table-wrap">
            <table>
                <caption>{caption}</caption>
                <thead><tr>{head.into_iter().collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn matrix_change(matrix: &Matrix, draft: &RiskDraft) -> impl IntoView {
    let e = effect(matrix, draft);
    let used = format!(
        "Used by {} whose policies were read.",
        plural(e.apps, "application", "applications")
    );
    let unknown = (e.unknown > 0).then(|| {
        format!(
            " Whether {} use it cannot be told: their policies were not read.",
            plural(e.unknown, "other application", "other applications")
        )
    });
    let changes = if e.changes.is_empty() {
        view! { <p>"No cell of the matrix changes: the risk score alone decides the same as before for every application that uses this policy."</p> }.into_any()
    } else {
        let rows = e
            .changes
            .iter()
            .map(|c| {
                let app = app_name(&matrix.apps[c.row]).to_owned();
                view! {
                    <tr>
                        <th scope="row">{app}</th>
                        <td data-label="Level">{c.level.label()}</td>
                        <td data-label="Change"><del>{kind_label(c.before)}</del>" → "<ins>{kind_label(c.after)}</ins></td>
                    </tr>
                }
            })
            .collect_view();
        table("Matrix changes", ["Application", "Level", "Change"], rows).into_any()
    };
    view! { {changes}<p class="hint">{used}{unknown}</p> }
}

/// The conflict, if the last re-read found one, with the two ways to settle it.
fn conflict_view(
    draft: RwSignal<Option<RiskDraft>>,
    saving: Saving,
    load: AccessLoad,
) -> impl IntoView {
    move || {
        let conflict = saving.conflict.get()?;
        let what = conflict.changed.join(", ");
        let theirs = summary(&RuleLists::of(&conflict.theirs));
        let rebase = {
            let theirs = conflict.theirs.clone();
            move |_| {
                draft.update(|d| {
                    if let Some(d) = d {
                        d.rebase(theirs.clone());
                    }
                });
                saving.conflict.set(None);
            }
        };
        let drop_mine = move |_| {
            saving.conflict.set(None);
            saving.open.set(false);
            draft.set(None);
            load.reload();
        };
        Some(view! {
            <section class="conflicts" aria-labelledby="policy-conflict-title">
                <h3 id="policy-conflict-title">"Changed elsewhere"</h3>
                <p role="status">{format!("Since you started editing, this policy was changed elsewhere ({what}). Nothing is sent until you choose.")}</p>
                <p>"Its rules now: "{theirs}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=rebase>"Apply my edits to their version"</button>
                    <button type="button" class="button secondary" on:click=drop_mine>"Discard my edits"</button>
                </div>
            </section>
        })
    }
}

/// The review dialog of the editor's draft; Save runs `saving.apply`.
#[component]
pub fn Review(
    /// The draft under review.
    draft: RwSignal<Option<RiskDraft>>,
    /// The loaded matrix (what the change does to it).
    matrix: Memo<Matrix>,
    /// The review and the save.
    saving: Saving,
    /// The page's loader (read again when the draft is dropped).
    load: AccessLoad,
) -> impl IntoView {
    let title = Signal::derive(move || {
        draft.with(|d| {
            let name = d
                .as_ref()
                .and_then(|d| d.base().name())
                .unwrap_or("the policy");
            format!("Review changes to {name}")
        })
    });
    let blocked = Memo::new(move |_| saving.conflict.with(Option::is_some));
    let body = move || {
        let d = draft.get()?;
        Some(view! {
            {rules_change(&d.before(), &d.after())}
            {matrix.with(|m| matrix_change(m, &d))}
            {conflict_view(draft, saving, load)}
        })
    };
    view! {
        <ConfirmDialog open=saving.open title confirm_label="Save policy".to_owned() review=true
            pending=saving.apply.pending() blocked on_confirm=Callback::new(move |()| { saving.apply.dispatch(()); })>
            // Only while open: a closed dialog keeps no tables on the page.
            {move || saving.open.get().then(body)}
        </ConfirmDialog>
    }
}
