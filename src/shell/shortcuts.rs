//! The keyboard shortcuts' one document listener (installed by the layout) and their help
//! dialog. What each key does is decided by `keys`; this module only reads the DOM and acts.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::keys::{Action, Keys, Press};
use crate::routes::Page;
use crate::state::listen::listen;
use crate::state::unsaved::Guards;

/// The page's search box: marked with `data-page-search`, else a search landmark's input,
/// else the first search input of the page.
const SEARCH: &str = "main [data-page-search], main [role=search] input, main input[type=search]";

/// Whether the event's target takes typing (a field or editable content).
fn typing(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// Listens for the shortcuts on the document while the calling component lives; `?` opens
/// `help`.
pub fn use_shortcuts(help: NodeRef<html::Dialog>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let navigate = use_navigate();
    let guards = Guards::use_context();
    let keys = StoredValue::new(Keys::default());
    let doc = document.clone();
    listen(document.into(), "keydown", false, move |ev| {
        // The layout's own dialog, still in the document: else this layout is gone (a test
        // mounts several) and another listener answers.
        let help = help
            .try_get_untracked()
            .flatten()
            .filter(|d| d.is_connected());
        let (Some(ev), Some(help)) = (ev.dyn_ref::<web_sys::KeyboardEvent>(), help) else {
            return;
        };
        let modal = doc.query_selector("dialog[open]").ok().flatten().is_some();
        let key = ev.key();
        let press = Press {
            key: &key,
            modified: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
            busy: ev.default_prevented() || modal || typing(ev.target()),
            now: js_sys::Date::now(),
        };
        let Some(action) = keys.try_update_value(|k| k.press(press)).flatten() else {
            return;
        };
        ev.prevent_default();
        match action {
            Action::FocusSearch => {
                let search = doc.query_selector(SEARCH).ok().flatten();
                if let Some(input) = search.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            }
            Action::Help => drop(help.show_modal()),
            Action::Go(page) => {
                if guards.confirm_leave() {
                    navigate(page.path(), Default::default());
                }
            }
        }
    });
}

/// The `g` chords as the help lists them: the key and the page's name, from `routes::Page`.
fn chords() -> impl IntoView {
    Page::ALL
        .into_iter()
        .filter_map(|page| Some((page.entry().key?, page.entry().nav?)))
        .map(|(key, name)| {
            view! {
                <dt><kbd>"g"</kbd>" then "<kbd>{key.to_string()}</kbd></dt>
                <dd>"Go to "{name}</dd>
            }
        })
        .collect_view()
}

/// The list of shortcuts, in a modal `<dialog>` (Escape or Close shuts it; the browser gives
/// focus back to where it was).
#[component]
pub fn HelpDialog(
    /// The dialog element, for whoever opens it.
    dialog: NodeRef<html::Dialog>,
) -> impl IntoView {
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <dialog node_ref=dialog aria-labelledby="help-title">
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <dl class="facts">
                <dt><kbd>"/"</kbd></dt><dd>"Focus the page's search"</dd>
                {chords()}
                <dt><kbd>"?"</kbd></dt><dd>"Show this list"</dd>
                <dt><kbd>"Esc"</kbd></dt><dd>"Close a dialog"</dd>
            </dl>
            <p class="hint">"Shortcuts do nothing while you type in a field."</p>
            <div class="actions">
                <button type="button" class="button" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}
