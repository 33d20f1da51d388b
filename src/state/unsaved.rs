//! Guards unsaved edits: while `dirty` holds, closing or reloading the tab, following an
//! in-app link and switching profiles (`Guards::confirm_leave`) ask first. Only intercepts; it
//! never navigates by itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::listen::listen;

/// The dirty flags of every guard alive, so actions that are not links (the profile switcher,
/// a shortcut) can ask the same question; provided once at the root.
#[derive(Clone, Copy)]
pub struct Guards {
    dirty: StoredValue<Vec<(usize, Signal<bool>)>>,
}

impl Default for Guards {
    fn default() -> Self {
        Self {
            dirty: StoredValue::new(Vec::new()),
        }
    }
}

impl Guards {
    /// The guards of the calling component's context.
    pub fn use_context() -> Self {
        expect_context()
    }

    /// Whether any mounted guard has unsaved edits.
    pub fn any_dirty(self) -> bool {
        self.dirty
            .try_with_value(|g| {
                g.iter()
                    .any(|(_, d)| d.try_get_untracked().unwrap_or(false))
            })
            .unwrap_or(false)
    }

    /// Asks before an action drops every mounted draft; true means "go ahead".
    pub fn confirm_leave(self) -> bool {
        confirm_discard(self.any_dirty())
    }
}

/// Installs both guards for as long as the calling component lives.
pub fn use_unsaved_guard(dirty: Signal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let guards = Guards::use_context();
    let is_dirty = move || dirty.try_get_untracked().unwrap_or(false);
    let id = guards.dirty.try_update_value(|g| {
        let id = g.iter().map(|(i, _)| i + 1).max().unwrap_or(0);
        g.push((id, dirty));
        id
    });
    let Some(id) = id else {
        return;
    };
    on_cleanup(move || {
        guards
            .dirty
            .try_update_value(|g| g.retain(|(i, _)| *i != id));
    });
    listen(window.clone().into(), "beforeunload", false, move |ev| {
        if is_dirty() {
            ev.prevent_default();
            if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                ev.set_return_value("You have unsaved changes.");
            }
        }
    });
    // Capture phase: runs before the router's own link handling.
    if let Some(document) = window.document() {
        listen(document.into(), "click", true, move |ev| {
            if is_dirty() && !ev.default_prevented() && leaving_link(&ev) && !confirm_discard(true)
            {
                ev.prevent_default();
            }
        });
    }
}

/// Whether the click `ev` follows a link that would leave this page in this tab.
fn leaving_link(ev: &web_sys::Event) -> bool {
    let modified = ev
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|m| m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key());
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
    else {
        return false;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let new_tab = link.get_attribute("target").is_some_and(|t| t != "_self");
    !modified && !new_tab && !href.starts_with('#') && !link.has_attribute("download")
}

/// Asks before an in-app navigation drops unsaved edits; true means "go ahead".
pub fn confirm_discard(dirty: bool) -> bool {
    !dirty
        || web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(
                    "You have unsaved changes. Leave this page and discard them?",
                )
                .ok()
            })
            .unwrap_or(true)
}
