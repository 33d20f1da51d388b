//! The conflicts of a review: behaviors changed both elsewhere and in the draft. For each, the
//! original, theirs and yours, and a choice between theirs and yours; Apply waits for all.

use leptos::prelude::*;
use zt_risk_api::{BehaviorUpdate, Behaviors};

use super::merge::{Conflict, Side};
use super::review::{name_of, on_off};
use super::save::Saving;
use crate::text::plural;

fn describe(setting: Option<&BehaviorUpdate>) -> String {
    setting.map_or_else(
        || "not there yet".to_owned(),
        |s| format!("{}, {}", on_off(s.enabled), s.risk_level.label()),
    )
}

/// One conflict as a group of two radio buttons named by the behavior.
fn choice(index: usize, name: String, conflict: Conflict, saving: Saving) -> impl IntoView {
    let id = StoredValue::new(conflict.id);
    let option = move |side: Side, label: String| {
        let pick = move |_| {
            saving.choices.update(|c| {
                c.insert(id.get_value(), side);
            })
        };
        view! {
            <label class="choice">
                <input type="radio" name=format!("conflict-{index}") on:change=pick
                    prop:checked=move || saving.choices.with(|c| id.with_value(|id| c.get(id) == Some(&side)))/>
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="conflict">
            <legend>{name}</legend>
            <p>{format!("Original: {}", describe(conflict.original.as_ref()))}</p>
            {option(Side::Theirs, format!("Keep theirs: {}", describe(Some(&conflict.theirs))))}
            {option(Side::Yours, format!("Keep yours: {}", describe(Some(&conflict.yours))))}
        </fieldset>
    }
}

/// The conflicts of the last comparison, if it found any.
#[component]
pub fn Conflicts(
    /// The behaviors' names.
    catalog: RwSignal<Option<Behaviors>>,
    /// The review and the save.
    saving: Saving,
) -> impl IntoView {
    let open = move || {
        saving.merge.with(|m| {
            m.as_ref()
                .map(|m| (m.conflicts.len(), m.is_resolved(&saving.choices.get())))
        })
    };
    move || {
        let conflicts = saving
            .merge
            .with(|m| m.as_ref().map(|m| m.conflicts.clone()))?;
        let list = catalog.with_untracked(|c| {
            conflicts
                .into_iter()
                .enumerate()
                .map(|(i, conflict)| choice(i, name_of(c, &conflict.id), conflict, saving))
                .collect_view()
        });
        Some(view! {
            <section class="conflicts" aria-labelledby="conflicts-heading">
                <h3 id="conflicts-heading">"Changed elsewhere"</h3>
                <p>"Since you started editing, someone else changed these behaviors. Choose which settings to keep for each; nothing is sent until every conflict is resolved."</p>
                {list}
                <p role="status">{move || match open() {
                    Some((n, false)) => format!("Resolve {} to apply.", plural(n, "conflict", "conflicts")),
                    _ => "Every conflict is resolved: Apply sends your choices.".to_owned(),
                }}</p>
            </section>
        })
    }
}
