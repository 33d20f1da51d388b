//! `Field`: a labelled form control tied to its hint and error by id. The field owns that
//! wiring, so a form passes only the control and can never leave it half done.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::attr::{aria_describedby, aria_invalid, id as id_attr};
use leptos::prelude::*;

/// A labelled form row: label, the control (the child), hint and error message.
///
/// The field gives the control its `id` (the label's `for`), `aria-describedby` (hint and
/// error), and `aria-invalid="true"` while `error` holds a message. The child must be a single
/// control element (`<input>`, `<select>`, `<textarea>`) that sets none of these itself.
///
/// ```ignore
/// <Field id="account-id" label="Account ID" hint="32 hexadecimal characters." error=account_error>
///     <input type="text" prop:value=value on:input=on_input/>
/// </Field>
/// ```
#[component]
pub fn Field(
    /// The control's id (hint and error ids derive from it); generated when not given. Give one
    /// when something else refers to the control (focus after a failed save, a test).
    #[prop(optional, into)]
    id: Option<String>,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help text under the control.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The current error, if any (see `FormErrors::field`).
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The control: one element.
    children: Children,
) -> impl IntoView {
    let id = id.unwrap_or_else(generated_id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = match &hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = move || error.with(|e| e.is_some());
    let control = children().add_any_attr((
        id_attr(id.clone()),
        aria_describedby(described_by),
        aria_invalid(move || invalid().then_some("true")),
    ));
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id>{label}</label>
            {control}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// A fresh id for a field whose caller named none: "field-1", "field-2", …
fn generated_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("field-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Binds a text control to one `String` of a draft: the value to show (`prop:value`) and the
/// `on:input` handler that writes it back.
///
/// ```ignore
/// let (value, on_input) = bind_text(draft, |d| &d.account_id, |d, v| d.account_id = v);
/// view! { <input type="text" prop:value=value on:input=on_input/> }
/// ```
pub fn bind_text<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    get: fn(&D) -> &String,
    set: fn(&mut D, String),
) -> (
    impl Fn() -> String + Copy,
    impl Fn(leptos::ev::Event) + Copy,
) {
    (
        move || get(&draft.read()).clone(),
        move |ev| draft.update(|d| set(d, event_target_value(&ev))),
    )
}
