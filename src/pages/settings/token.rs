//! The token part of a profile's form: the token input (never prefilled: a saved token is
//! only described), where it is kept ("Remember on this device"), and "Forget token".

use leptos::prelude::*;

use super::{Editing, SettingsDraft};
use crate::components::field::bind_text;
use crate::components::Field;
use crate::session::use_session;

/// The token fields of the form editing `editing`, bound to `draft`.
#[component]
pub fn TokenFields(editing: Editing, draft: RwSignal<SettingsDraft>) -> impl IntoView {
    let session = use_session();
    let saved = move || {
        editing
            .name
            .get_untracked()
            .map(|n| session.saved(&n))
            .unwrap_or_default()
    };
    let token_state = move || match (saved().token.is_some(), saved().remember, session.is_demo()) {
        (true, true, _) => "A token is remembered on this device.",
        (true, false, _) => "A token is saved for this browser session only.",
        (false, _, true) => "The demo emulator's token is used; no token is needed.",
        (false, _, false) => "No token is saved.",
    };
    let forget = move |_| {
        if let Some(name) = editing.name.get_untracked() {
            session.forget_token(&name);
            editing.status.set(Some("Token forgotten.".into()));
        }
    };
    let (token_value, token_input) = bind_text(draft, |d| &d.token, |d, v| d.token = v);
    view! {
        <Field id="api-token" label="API token"
            hint="Needs Zero Trust: PII Read to list users, Zero Trust Read, and Zero Trust Write to make changes. Leave empty to keep the saved token.">
            <input type="password" autocomplete="off" spellcheck="false" prop:value=token_value on:input=token_input/>
        </Field>
        <p class="token-state" role="status">{token_state}</p>
        <div class="field checkbox">
            <input id="remember" type="checkbox" prop:checked=move || draft.read().remember
                on:change=move |ev| draft.update(|d| d.remember = event_target_checked(&ev))/>
            <label for="remember">"Remember on this device"</label>
            <p class="hint">"Unticked, the token is forgotten when this tab closes. Tick only on a device you trust."</p>
        </div>
        <div class="actions">
            <button type="button" class="button secondary" disabled=move || saved().token.is_none() on:click=forget>
                "Forget token"
            </button>
        </div>
    }
}
