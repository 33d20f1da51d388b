//! The risk rule editor of one reusable policy: its rule lists as they will be sent (risk rules
//! with Remove; every other rule shown, never changed), "Add a risk rule", and Review changes /
//! Discard. Leaving with unsaved edits asks first. A failed save keeps the draft and shows the
//! error, on the rule list the server names when it names one.

use leptos::html;
use leptos::prelude::*;
use zt_risk_api::access::Position;

use super::add_rule::AddRule;
use super::review::Review;
use super::rule_list::rule_view;
use super::save::use_saving;
use crate::access::{AccessLoad, Matrix, RiskDraft};
use crate::components::{FormErrors, FormFailure};
use crate::state::unsaved::use_unsaved_guard;

/// The rule lists' ids, for the server's errors (`/exclude/0/…` is the exclude list's).
const FIELDS: &[(&str, &str)] = &[
    ("include", "rules-include"),
    ("exclude", "rules-exclude"),
    ("require", "rules-require"),
];

/// The list at `position` of the draft, risk rules with Remove.
fn position_list(
    draft: RwSignal<Option<RiskDraft>>,
    position: Position,
    errors: FormErrors,
) -> impl IntoView {
    let id = format!("rules-{}", position.as_str());
    let error_id = format!("{id}-error");
    let heading_id = format!("{id}-title");
    let error = errors.field(position.as_str());
    let items = move || {
        let rules = draft.with(|d| d.as_ref().map(|d| d.after().get(position).to_vec()))?;
        if rules.is_empty() {
            return Some(view! { <li class="hint">"No rules"</li> }.into_any());
        }
        let items = rules.into_iter().enumerate().map(|(i, rule)| {
            let remove = rule.risk_levels().is_some().then(|| {
                let what = format!(" {}: {rule}", position.label());
                let click = move |_| {
                    draft.update(|d| {
                        if let Some(d) = d {
                            d.remove(position, i);
                        }
                    })
                };
                view! {
                    <button type="button" class="button secondary small" on:click=click>
                        "Remove"<span class="visually-hidden">{what}</span>
                    </button>
                }
            });
            view! { <li>{rule_view(&rule)}" "{remove}</li> }
        });
        Some(items.collect_view().into_any())
    };
    view! {
        <div class="rule-position">
            <h3 id=heading_id.clone()>{position.label()}</h3>
            <ul class="rules" id=id tabindex="-1" aria-labelledby=heading_id aria-describedby=error_id.clone()>{items}</ul>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The editor, while a draft is open.
#[component]
pub fn Editor(
    /// The page's loader (read again after a save).
    load: AccessLoad,
    /// The loaded matrix (for the review).
    matrix: Memo<Matrix>,
    /// The draft; `None` closes the editor.
    draft: RwSignal<Option<RiskDraft>>,
) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    let dirty = Memo::new(move |_| draft.with(|d| d.as_ref().is_some_and(RiskDraft::is_dirty)));
    use_unsaved_guard(dirty.into());
    let on_saved = Callback::new(move |()| {
        if let Some(h) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("access-policies-title"))
        {
            use wasm_bindgen::JsCast;
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    });
    let saving = use_saving(draft, load, on_saved);
    let errors = FormErrors::sending(FIELDS, saving.apply);
    // A newly opened draft takes focus, so the editor is where the admin is.
    Effect::new(move |last: Option<Option<String>>| {
        let id = draft.with(|d| d.as_ref().map(|d| d.id().to_owned()));
        if id.is_some() && id != last.flatten() {
            saving.apply.value().set(None);
            if let Some(h) = heading.get() {
                let _ = h.focus();
            }
        }
        id
    });
    let name = move || {
        draft.with(|d| {
            d.as_ref()
                .map(|d| d.base().name().unwrap_or("Unnamed policy").to_owned())
        })
    };
    let discard = move |_| {
        draft.update(|d| {
            if let Some(d) = d {
                d.discard();
            }
        });
        saving.apply.value().set(None);
    };
    let close = move |_| {
        if crate::state::unsaved::confirm_discard(dirty.get_untracked()) {
            draft.set(None);
        }
    };
    view! {
        <section class="rule-editor" aria-labelledby="rule-editor-title" hidden=move || draft.with(Option::is_none)>
            <h2 id="rule-editor-title" tabindex="-1" node_ref=heading>"Edit risk rules: "{name}</h2>
            <p class="hint">
                "Add or remove risk score rules. Every other rule and setting of the policy is sent back exactly as read."
            </p>
            {Position::ALL.map(|p| position_list(draft, p, errors)).collect_view()}
            <AddRule draft/>
            <FormFailure errors/>
            <div class="actions">
                <span role="status" class="hint">{move || dirty.get().then_some("Unsaved changes")}</span>
                <button type="button" class="button" disabled=move || !dirty.get() on:click=move |_| saving.review()>"Review changes"</button>
                <button type="button" class="button secondary" disabled=move || !dirty.get() on:click=discard>"Discard changes"</button>
                <button type="button" class="button secondary" on:click=close>"Close editor"</button>
            </div>
            <Review draft matrix saving load/>
        </section>
    }
}
