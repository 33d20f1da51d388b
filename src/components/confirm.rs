//! The one confirm dialog, on the platform's modal `<dialog>`: for destructive actions, and
//! for reviews that end in an action (the behaviors review, an import's review).
//!
//! Focus starts on Cancel, Escape cancels, focus returns to the element that opened it, and
//! the confirm button names the action. It waits for the caller's pending state.

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// A modal confirm. Open it by setting `open` to true; `on_confirm` runs on the confirm button.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is showing; set false by Cancel and Escape.
    open: RwSignal<bool>,
    /// The dialog's heading, e.g. "Reset Ada Lovelace's risk score?".
    #[prop(into)]
    title: Signal<String>,
    /// The confirm button's label, naming the action ("Reset score").
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs when the admin confirms.
    on_confirm: Callback<()>,
    /// True while the confirmed request runs (disables the buttons).
    #[prop(optional, into)]
    pending: Signal<bool>,
    /// True while the action cannot run yet (a review with open questions).
    #[prop(optional, into)]
    blocked: Signal<bool>,
    /// A confirm that destroys nothing (Apply after a review): a plain button, a wider dialog.
    #[prop(optional)]
    review: bool,
    /// What will happen, in words.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let cancel = NodeRef::<html::Button>::new();
    let opener = StoredValue::new(SendWrapper::new(None::<web_sys::HtmlElement>));
    Effect::new(move |_| {
        let (Some(dialog), is_open) = (dialog.get(), open.get()) else {
            return;
        };
        if is_open && !dialog.open() {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(SendWrapper::new(active));
            let _ = dialog.show_modal();
            if let Some(cancel) = cancel.get() {
                let _ = cancel.focus();
            }
        } else if !is_open && dialog.open() {
            dialog.close();
        }
    });
    // Fires for Escape and for close(): keep `open` in sync and give focus back, unless the
    // page has already put it somewhere on purpose (the heading, after a save).
    let on_close = move |_| {
        open.set(false);
        let lost = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| Some(d.active_element()? == d.body()?.into()))
            .unwrap_or(true);
        opener.with_value(|o| {
            if let (Some(el), true) = (o.as_ref(), lost) {
                let _ = el.focus();
            }
        });
    };
    let title_id = "confirm-title";
    view! {
        <dialog node_ref=dialog aria-labelledby=title_id on:close=on_close class:review=review>
            <h2 id=title_id>{move || title.get()}</h2>
            <div class="dialog-body">{children()}</div>
            <div class="actions">
                <button type="button" class="button secondary" node_ref=cancel disabled=move || pending.get()
                    on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class="button" class:danger=!review
                    disabled=move || pending.get() || blocked.get() on:click=move |_| on_confirm.run(())>
                    {move || if pending.get() { "Working…".to_owned() } else { confirm_label.get() }}
                </button>
            </div>
        </dialog>
    }
}
