//! The "Add a risk rule" form: where (include, exclude or require) and which levels, checked
//! before it joins the draft (at least one level, not a rule the list already has).

use leptos::prelude::*;
use zt_risk_api::access::{Position, ScoreLevel};

use crate::access::draft::LEVELS_FIELD;
use crate::access::RiskDraft;
use crate::components::{Field, FormErrors};

const FIELDS: &[(&str, &str)] = &[(LEVELS_FIELD, "add-rule-level-low")];

/// What each position means for a risk rule.
fn meaning(position: Position) -> &'static str {
    match position {
        Position::Include => {
            "Include: users at these levels match (any one include rule is enough)."
        }
        Position::Exclude => "Exclude: users at these levels never match this policy.",
        Position::Require => "Require: only users at these levels can match.",
    }
}

/// The form; a valid rule is added to `draft`.
#[component]
pub fn AddRule(
    /// The draft the rule joins.
    draft: RwSignal<Option<RiskDraft>>,
) -> impl IntoView {
    let errors = FormErrors::local(FIELDS);
    let position = RwSignal::new(Position::Exclude);
    let levels = RwSignal::new(Vec::<ScoreLevel>::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (p, chosen) = (position.get_untracked(), levels.get_untracked());
        let result = draft
            .try_update(|d| d.as_mut().map(|d| d.add(p, &chosen)))
            .flatten()
            .unwrap_or(Ok(()));
        if errors.check(result.map_err(|e| vec![e])).is_some() {
            levels.set(Vec::new());
        }
    };
    let options = Position::ALL
        .into_iter()
        .map(|p| view! { <option value=p.as_str() prop:selected=move || position.get() == p>{p.label()}</option> })
        .collect_view();
    let boxes = ScoreLevel::ALL
        .into_iter()
        .map(|level| {
            let id = format!("add-rule-level-{}", level.as_str());
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                levels.update(|l| {
                    l.retain(|x| *x != level);
                    if on {
                        l.push(level);
                    }
                });
            };
            let input_id = id.clone();
            view! {
                <label class="choice" for=id>
                    <input type="checkbox" id=input_id prop:checked=move || levels.with(|l| l.contains(&level)) on:change=toggle/>
                    {level.label()}
                </label>
            }
        })
        .collect_view();
    let level_error = errors.field(LEVELS_FIELD);
    view! {
        <form class="add-rule" on:submit=add novalidate>
            <h3>"Add a risk rule"</h3>
            <Field id="add-rule-position" label="Where">
                <select on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(p) = Position::ALL.into_iter().find(|p| p.as_str() == value) {
                        position.set(p);
                    }
                }>{options}</select>
            </Field>
            <p class="hint" aria-live="polite">{move || meaning(position.get())}</p>
            <fieldset class="levels" aria-describedby="add-rule-levels-error">
                <legend>"Risk levels"</legend>
                {boxes}
                <p class="field-error" id="add-rule-levels-error" aria-live="polite">{move || level_error.get()}</p>
            </fieldset>
            <button type="submit" class="button secondary">"Add rule"</button>
        </form>
    }
}
