//! `Switch`: the one on/off control, a button with `role="switch"` (Space and Enter flip it,
//! as for any button) and its state in words beside it.

use leptos::prelude::*;

/// An on/off switch: `<button role="switch" aria-checked>` named by `label`, with the state
/// shown beside it in words (`states`), so it never relies on colour or position alone.
///
/// ```ignore
/// <Switch label="Active" states=("Active", "Inactive") checked on_change describedby="active-hint"/>
/// ```
#[component]
pub fn Switch(
    /// Whether it is on.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state when the admin flips it.
    on_change: Callback<bool>,
    /// The switch's accessible name: "Active", "Enable Impossible Travel".
    #[prop(into)]
    label: String,
    /// The words shown beside it when on and when off. Screen readers hear `aria-checked`
    /// instead, so the words are hidden from them.
    #[prop(default = ("On", "Off"))]
    states: (&'static str, &'static str),
    /// The button's id.
    #[prop(optional, into)]
    id: Option<String>,
    /// Ids of the elements that describe it (a hint, a description), space-separated.
    #[prop(optional, into)]
    describedby: Option<String>,
) -> impl IntoView {
    // Read before calling back: the owner's update may hold what `checked` reads.
    let flip = move |_| on_change.run(!checked.get_untracked());
    view! {
        <span class="switch-field">
            <button type="button" role="switch" class="switch" id=id aria-label=label
                aria-checked=move || checked.get().to_string() aria-describedby=describedby on:click=flip></button>
            <span class="switch-state" aria-hidden="true">{move || if checked.get() { states.0 } else { states.1 }}</span>
        </span>
    }
}
