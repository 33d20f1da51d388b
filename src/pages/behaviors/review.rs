//! The review dialog: each changed behavior with its settings before → after, how many loaded
//! users would change level (`impact.rs`) and the Access applications they would lose or gain
//! (`access_impact.rs`), then Apply. Conflicts with changes made elsewhere
//! appear in it (`conflicts.rs`) and block Apply.

use leptos::prelude::*;
use zt_risk_api::{BehaviorUpdate, Behaviors};

use super::access_impact::AccessImpact;
use super::conflicts::Conflicts;
use super::draft::BehaviorsDraft;
use super::impact::Impact;
use super::save::Saving;
use crate::components::ConfirmDialog;

/// "On" or "Off".
pub fn on_off(enabled: bool) -> &'static str {
    if enabled {
        "On"
    } else {
        "Off"
    }
}

/// A behavior's name from `catalog`, or its id when the catalog does not have it.
pub fn name_of(catalog: &Option<Behaviors>, id: &str) -> String {
    catalog
        .as_ref()
        .and_then(|c| c.behaviors.get(id))
        .map_or_else(|| id.to_owned(), |b| b.name.clone())
}

/// `before → after` when they differ (struck out and inserted), else the value alone.
fn change(before: String, after: String) -> AnyView {
    if before == after {
        after.into_any()
    } else {
        view! { <del>{before}</del>" → "<ins>{after}</ins> }.into_any()
    }
}

fn row(name: String, before: Option<BehaviorUpdate>, after: BehaviorUpdate) -> impl IntoView {
    let enabled = before.as_ref().map_or(after.enabled, |b| b.enabled);
    let level = before.map_or_else(|| after.risk_level.label(), |b| b.risk_level.label());
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{change(on_off(enabled).into(), on_off(after.enabled).into())}</td>
            <td>{change(level, after.risk_level.label())}</td>
        </tr>
    }
}

/// The review of the draft's changes, in the shared dialog; Apply runs `saving.apply`.
#[component]
pub fn Review(
    /// The unsaved edits.
    draft: RwSignal<BehaviorsDraft>,
    /// The behaviors' names (as last read).
    catalog: RwSignal<Option<Behaviors>>,
    /// The review and the save.
    saving: Saving,
) -> impl IntoView {
    let unresolved = Memo::new(move |_| {
        saving.merge.with(|m| {
            m.as_ref()
                .is_some_and(|m| !saving.choices.with(|c| m.is_resolved(c)))
        })
    });
    let rows = move || {
        let rows: Vec<_> = draft.with(|d| {
            catalog.with(|c| {
                d.changes()
                    .into_iter()
                    .map(|(id, after)| (name_of(c, &id), d.original(&id).cloned(), after))
                    .collect()
            })
        });
        rows.into_iter()
            .map(|(name, before, after)| row(name, before, after))
            .collect_view()
    };
    view! {
        <ConfirmDialog open=saving.open title="Review changes".to_owned() confirm_label="Apply".to_owned()
            review=true pending=saving.apply.pending() blocked=unresolved
            on_confirm=Callback::new(move |()| { saving.apply.dispatch(()); })>
            // Only while open: a closed dialog keeps no second table on the page.
            {move || saving.open.get().then(|| view! {
                <div class="table-wrap">
                    <table>
                        <caption>"Changes to apply"</caption>
                        <thead>
                            <tr><th scope="col">"Behavior"</th><th scope="col">"Enabled"</th><th scope="col">"Risk level"</th></tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Impact draft catalog/>
                <AccessImpact draft catalog/>
                <Conflicts catalog saving/>
            })}
        </ConfirmDialog>
    }
}
