//! The behaviors table: one row per behavior the server returned (any id, known to this
//! console or not) with its switch, level picker, "New" and "Changed" tags.
//!
//! Rows only edit the draft; saving is the draft bar's job.

use std::collections::BTreeSet;

use leptos::prelude::*;
use zt_risk_api::{Behavior, Behaviors, RiskLevel};

use super::draft::BehaviorsDraft;
use crate::components::Switch;
use crate::sort::{order, permute};
use crate::text::lowercase;

/// An id usable in `id=` attributes: letters, digits, `-` and `_` kept, anything else as `.hex`.
fn dom_id(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' => c.to_string(),
            c => format!(".{:x}", c as u32),
        })
        .collect()
}

/// Behaviors sorted by name (then id), for display.
pub fn sorted(behaviors: Behaviors) -> Vec<(String, Behavior)> {
    let rows: Vec<_> = behaviors.behaviors.into_iter().collect();
    let names: Vec<String> = rows.iter().map(|(_, b)| lowercase(&b.name)).collect();
    let by_name = order(rows.len(), &|a, b| {
        (&names[a], &rows[a].0).cmp(&(&names[b], &rows[b].0))
    });
    permute(rows, &by_name)
}

/// The table of behaviors, editing `draft`.
#[component]
pub fn BehaviorsTable(
    /// The behaviors as loaded.
    behaviors: Behaviors,
    /// The unsaved edits.
    draft: RwSignal<BehaviorsDraft>,
    /// Ids new since the admin's last visit (`None` until known).
    fresh: RwSignal<Option<BTreeSet<String>>>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table>
                <caption>"Risk behaviors"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Behavior"</th>
                        <th scope="col">"Enabled"</th>
                        <th scope="col">"Risk level"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {sorted(behaviors).into_iter().map(|(id, behavior)| view! {
                        <BehaviorRow id behavior draft fresh/>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One behavior: name, description, enable switch, level select and change marker.
#[component]
fn BehaviorRow(
    /// The behavior id (the map key).
    id: String,
    /// The behavior as loaded.
    behavior: Behavior,
    /// The unsaved edits.
    draft: RwSignal<BehaviorsDraft>,
    /// Ids new since the admin's last visit.
    fresh: RwSignal<Option<BTreeSet<String>>>,
) -> impl IntoView {
    let Behavior {
        name,
        description,
        enabled,
        risk_level,
    } = behavior;
    let key = StoredValue::new(id.clone());
    let loaded_level = risk_level.clone();
    let current = Memo::new(move |_| {
        draft
            .with(|d| d.current(&key.read_value()).cloned())
            .map_or((enabled, loaded_level.clone()), |s| {
                (s.enabled, s.risk_level)
            })
    });
    let on = Signal::derive(move || current.with(|c| c.0));
    let level = move || current.with(|c| c.1.clone());
    let changed = Memo::new(move |_| draft.with(|d| d.is_changed(&key.read_value())));
    let is_new = move || fresh.with(|f| f.as_ref().is_some_and(|f| f.contains(&*key.read_value())));
    let select_id = format!("level-{}", dom_id(&id));
    let desc_id = format!("desc-{}", dom_id(&id));
    let unknown = (!risk_level.is_known()).then(|| {
        let label = risk_level.label();
        let value = risk_level.as_str().to_owned();
        let shown = value.clone();
        view! {
            <option value=value disabled prop:selected=move || level().as_str() == shown && !level().is_known()>
                {label}
            </option>
        }
    });
    let toggle =
        Callback::new(move |next| draft.update(|d| d.set_enabled(&key.read_value(), next)));
    let pick = move |ev| {
        if let Some(level) = RiskLevel::parse_known(&event_target_value(&ev)) {
            draft.update(|d| d.set_level(&key.read_value(), level));
        }
    };
    view! {
        <tr class:changed=changed>
            <td>
                <strong>{name.clone()}</strong>
                {move || is_new().then(|| view! { " " <span class="badge new">"New"</span> })}
                <p class="hint" id=desc_id.clone()>{description}</p>
            </td>
            <td data-label="Enabled">
                <Switch label=format!("Enable {name}") checked=on on_change=toggle describedby=desc_id.clone()/>
            </td>
            <td data-label="Risk level">
                <label for=select_id.clone() class="visually-hidden">{format!("Risk level for {name}")}</label>
                <select id=select_id aria-describedby=desc_id on:change=pick>
                    {unknown}
                    {RiskLevel::KNOWN.into_iter().map(|known| {
                        let shown = known.clone();
                        view! {
                            <option value=known.as_str().to_owned() prop:selected=move || level() == shown>
                                {known.label()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </td>
            <td data-label="Status">{move || changed.get().then(|| view! { <span class="badge changed-tag">"Changed"</span> })}</td>
        </tr>
    }
}
