//! Settings: proxy base URL, account ID and API token, with "Test connection".
//!
//! The token input is never prefilled: a saved token is only described, never shown.

mod draft;
mod test_connection;

pub use draft::SettingsDraft;

use leptos::prelude::*;
use zt_risk_api::validate::FieldError;

use crate::components::field::{bind_text, field_error};
use crate::components::Field;
use crate::session::use_session;
use test_connection::TestConnection;

/// The Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    let saved = session.saved();
    let draft = RwSignal::new(SettingsDraft::from_connection(
        &session.connection(),
        saved.remember,
    ));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let status = RwSignal::new(None::<&'static str>);
    let defaults = session.config.get_value();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.get_untracked().validate(&session.config.get_value()) {
            Ok(valid) => {
                session.save(valid);
                draft.update(|d| d.token.clear());
                errors.set(Vec::new());
                status.set(Some("Settings saved."));
            }
            Err(list) => {
                errors.set(list);
                status.set(None);
            }
        }
    };
    let token_state = move || {
        let saved = session.saved();
        match (saved.token.is_some(), saved.remember, session.is_demo()) {
            (true, true, _) => "A token is remembered on this device.",
            (true, false, _) => "A token is saved for this browser session only.",
            (false, _, true) => "The demo emulator's token is used; no token is needed.",
            (false, _, false) => "No token is saved.",
        }
    };
    let connection =
        Callback::new(move |()| draft.get_untracked().connection(session.connection().token));
    let base_error = field_error(errors.into(), "api_base_url");
    let account_error = field_error(errors.into(), "account_id");
    let (base_value, base_input) = bind_text(draft, |d| &d.api_base_url, |d, v| d.api_base_url = v);
    let (account_value, account_input) =
        bind_text(draft, |d| &d.account_id, |d, v| d.account_id = v);
    let (token_value, token_input) = bind_text(draft, |d| &d.token, |d, v| d.token = v);

    view! {
        <h1>"Settings"</h1>
        {defaults.load_error.clone().map(|e| view! { <p class="notice" role="note">{e}</p> })}
        <form class="form" on:submit=on_submit novalidate>
            <Field id="api-base-url" label="API base URL (CORS proxy)" error=base_error
                hint=format!("Where API calls go, ending before /accounts. Default: {}", if defaults.api_base_url.is_empty() { "none" } else { &defaults.api_base_url })>
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
                <button type="button" class="button secondary" disabled=move || session.saved().token.is_none()
                    on:click=move |_| { session.forget_token(); status.set(Some("Token forgotten.")); }>
                    "Forget token"
                </button>
            </div>
            <p class="success" role="status" aria-live="polite">{move || status.get()}</p>
        </form>
        <section aria-labelledby="test-heading">
            <h2 id="test-heading">"Check the connection"</h2>
            <p>"Calls the users summary with the values above (the saved token unless you typed a new one)."</p>
            <TestConnection connection/>
        </section>
    }
}
