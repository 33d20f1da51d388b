//! A read-only, labelled URL with a Copy button (the clipboard API), used for the well-known URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copies `text` with the clipboard API, else by selecting the input `id` and the older
/// `execCommand("copy")` (pages not served over HTTPS, or browsers without focus permission).
async fn write_clipboard(text: String, id: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() || exec_copy(&window, &id)
}

/// `document.execCommand("copy")` on the selected contents of the input `id`.
fn exec_copy(window: &web_sys::Window, id: &str) -> bool {
    let Some(document) = window.document() else {
        return false;
    };
    if let Some(input) = document
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        // Also leaves the URL focused and selected, ready for Ctrl+C if this fails too.
        let _ = input.focus();
        input.select();
    }
    js_sys::Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&document, &"copy".into()).ok())
        .and_then(|done| done.as_bool())
        .unwrap_or(false)
}

/// Selects the whole URL when the input gets focus, ready to copy by hand.
fn select_all(ev: leptos::ev::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&ev).select();
}

/// A labelled read-only input holding `value`, and a Copy button that says whether it worked.
#[component]
pub fn CopyField(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The visible label ("Well-known URL").
    #[prop(into)]
    label: String,
    /// The text to show and copy.
    #[prop(into)]
    value: String,
) -> impl IntoView {
    let input_id = id.clone();
    let copy =
        Action::new_local(move |text: &String| write_clipboard(text.clone(), input_id.clone()));
    let outcome = move || match copy.value().get() {
        Some(true) => "Copied",
        Some(false) => "Copy failed: select the URL and copy it by hand.",
        None => "",
    };
    let text = value.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <div class="actions copy-field">
                <input id=id type="text" readonly value=value
                    on:focus=select_all/>
                <button type="button" class="button secondary" on:click=move |_| { copy.dispatch(text.clone()); }>"Copy"</button>
                <span class="copy-status" role="status" aria-live="polite">{outcome}</span>
            </div>
        </div>
    }
}
