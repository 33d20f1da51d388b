//! The theme toggle: the system's, light or dark, remembered in localStorage and applied as
//! `data-theme` on `<html>` (`public/boot.js` applies it before the first paint; the
//! stylesheet picks colors with `light-dark()` from the resulting `color-scheme`).

use leptos::prelude::*;

use crate::session::storage::{self, KEY_THEME};

/// The stored choices; anything else is the system's.
const CHOICES: [(&str, &str); 3] = [("", "System"), ("light", "Light"), ("dark", "Dark")];

/// The theme chosen in this browser ("" = follow the system).
pub fn current() -> String {
    storage::device_value(KEY_THEME)
        .filter(|t| CHOICES.iter().any(|(v, _)| v == t))
        .unwrap_or_default()
}

/// Remembers and applies `theme` ("light", "dark", or "" for the system's).
pub fn set(theme: &str) {
    storage::set_device_value(KEY_THEME, Some(theme));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            "" => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t),
        };
    }
}

/// The header's theme picker.
#[component]
pub fn ThemeSelect() -> impl IntoView {
    let chosen = current();
    set(&chosen);
    // The select keeps its own state after the first render: only the initial choice is marked.
    view! {
        <label for="theme">"Theme"</label>
        <select id="theme" on:change=move |ev| set(&event_target_value(&ev))>
            {CHOICES.map(|(value, label)| view! { <option value=value selected=chosen == value>{label}</option> })}
        </select>
    }
}
