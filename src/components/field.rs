//! `Field`: ties a label, an input, its hint and its error together by id.

use leptos::prelude::*;
use zt_risk_api::validate::FieldError;

/// A labelled form row. The input (the child) must use `id`, and should set
/// `aria-describedby=Field::describedby(id)` and `aria-invalid` from the same error signal.
#[component]
pub fn Field(
    /// The input's id; hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help text under the input.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current error, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {children()}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// The `aria-describedby` value for the input of the field with this id.
pub fn describedby(id: &str) -> String {
    format!("{id}-hint {id}-error")
}

/// The message of the first error for `field` in `errors`, as a signal for `Field`.
pub fn field_error(errors: Signal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    })
}
