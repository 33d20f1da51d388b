//! The form of one profile: name, proxy base URL, account ID, API token and where the token is
//! kept, with "Test connection" on the values as typed.

use leptos::html;
use leptos::prelude::*;
use zt_risk_api::validate::FieldError;

use super::test_connection::TestConnection;
use super::{Editing, SettingsDraft};
use crate::components::field::{bind_text, field_error};
use crate::components::Field;
use crate::session::use_session;

/// The profile form; `focus` moves focus to its name field when shown.
#[component]
pub fn ProfileForm(editing: Editing, focus: bool) -> impl IntoView {
    let session = use_session();
    let current = move || editing.name.get_untracked();
    let start = current()
        .and_then(|n| session.profile(&n))
        .unwrap_or_default();
    let remember = session.saved(&start.name).remember;
    let draft = RwSignal::new(SettingsDraft::from_profile(&start, remember));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let name_input = NodeRef::<html::Input>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(input) = name_input.get() {
                let _ = input.focus();
            }
        });
    }

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let old = current();
        match draft
            .get_untracked()
            .validate(&untrack(|| session.profiles()), old.as_deref())
        {
            Ok(valid) => {
                let name = valid.profile.name.clone();
                session.save(old.as_deref(), valid);
                draft.update(|d| d.token.clear());
                errors.set(Vec::new());
                editing.name.set(Some(name));
                editing.status.set(Some("Settings saved.".into()));
            }
            Err(list) => {
                errors.set(list);
                editing.status.set(None);
            }
        }
    };
    let saved = move || current().map(|n| session.saved(&n)).unwrap_or_default();
    let token_state = move || match (saved().token.is_some(), saved().remember, session.is_demo()) {
        (true, true, _) => "A token is remembered on this device.",
        (true, false, _) => "A token is saved for this browser session only.",
        (false, _, true) => "The demo emulator's token is used; no token is needed.",
        (false, _, false) => "No token is saved.",
    };
    let connection = Callback::new(move |()| {
        // Never another profile's token: only this one's, or the demo's.
        let saved = saved()
            .token
            .or_else(|| session.config.with_value(|c| c.demo_token.clone()));
        draft.get_untracked().connection(saved)
    });
    let forget = move |_| {
        if let Some(name) = current() {
            session.forget_token(&name);
            editing.status.set(Some("Token forgotten.".into()));
        }
    };
    let name_error = field_error(errors.into(), "profile_name");
    let base_error = field_error(errors.into(), "api_base_url");
    let account_error = field_error(errors.into(), "account_id");
    let (name_value, name_in) = bind_text(draft, |d| &d.name, |d, v| d.name = v);
    let (base_value, base_input) = bind_text(draft, |d| &d.api_base_url, |d, v| d.api_base_url = v);
    let (account_value, account_input) =
        bind_text(draft, |d| &d.account_id, |d, v| d.account_id = v);
    let (token_value, token_input) = bind_text(draft, |d| &d.token, |d, v| d.token = v);
    let heading = move || match editing.name.get() {
        Some(name) => format!("Profile: {name}"),
        None => "New profile".to_owned(),
    };

    view! {
        <form class="form" on:submit=on_submit novalidate aria-labelledby="profile-heading">
            <h2 id="profile-heading">{heading}</h2>
            <Field id="profile-name" label="Profile name" error=name_error hint="Shown in the header and the tab title, for example Production.">
                <input type="text" autocomplete="off" node_ref=name_input prop:value=name_value on:input=name_in/>
            </Field>
            <Field id="api-base-url" label="API base URL (CORS proxy)" error=base_error
                hint="Where API calls go, ending before /accounts, for example https://proxy.example.com/client/v4.">
                <input type="url" autocomplete="url" prop:value=base_value on:input=base_input/>
            </Field>
            <Field id="account-id" label="Account ID" error=account_error hint="32 hexadecimal characters.">
                <input type="text" spellcheck="false" autocomplete="off" prop:value=account_value on:input=account_input/>
            </Field>
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
                <button type="submit" class="button">"Save settings"</button>
                <button type="button" class="button secondary" disabled=move || saved().token.is_none() on:click=forget>
                    "Forget token"
                </button>
            </div>
            <p class="success" role="status" aria-live="polite">{move || editing.status.get()}</p>
        </form>
        <section aria-labelledby="test-heading">
            <h2 id="test-heading">"Check the connection"</h2>
            <p>"Calls the users summary with the values above (the saved token unless you typed a new one)."</p>
            <TestConnection connection/>
        </section>
    }
}
