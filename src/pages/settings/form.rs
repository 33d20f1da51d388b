//! The form of one profile: name, proxy base URL, account ID, and the token (`token`), with
//! "Test connection" on the values as typed.

use super::test_connection::TestConnection;
use super::token::TokenFields;
use super::{Editing, SettingsDraft};
use crate::components::field::bind_text;
use crate::components::{Field, FieldIds, FormErrors};
use crate::session::use_session;
use leptos::html;
use leptos::prelude::*;

/// The fields as validation names them, and their controls' ids.
const FIELDS: FieldIds = &[
    ("profile_name", "profile-name"),
    ("api_base_url", "api-base-url"),
    ("account_id", "account-id"),
];

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
    let errors = FormErrors::local(FIELDS);
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
        let checked = draft
            .get_untracked()
            .validate(&untrack(|| session.profiles()), old.as_deref());
        match errors.check(checked) {
            Some(valid) => {
                let name = valid.profile.name.clone();
                session.save(old.as_deref(), valid);
                draft.update(|d| d.token.clear());
                editing.name.set(Some(name));
                editing.status.set(Some("Settings saved.".into()));
            }
            None => editing.status.set(None),
        }
    };
    let saved = move || current().map(|n| session.saved(&n)).unwrap_or_default();
    let connection = Callback::new(move |()| {
        // Never another profile's token: only this one's, or the demo's.
        let saved = saved()
            .token
            .or_else(|| session.config.with_value(|c| c.demo_token.clone()));
        draft.get_untracked().connection(saved)
    });
    let heading = move || match editing.name.get() {
        Some(name) => format!("Profile: {name}"),
        None => "New profile".to_owned(),
    };

    view! {
        <form class="form" on:submit=on_submit novalidate aria-labelledby="profile-heading">
            <h2 id="profile-heading">{heading}</h2>
            <ConnectionFields draft errors name_input/>
            <TokenFields editing draft/>
            <div class="actions">
                <button type="submit" class="button">"Save settings"</button>
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

/// Name, proxy base URL and account ID, bound to `draft`, each with its error.
#[component]
fn ConnectionFields(
    draft: RwSignal<SettingsDraft>,
    errors: FormErrors,
    name_input: NodeRef<html::Input>,
) -> impl IntoView {
    let (name_value, name_in) = bind_text(draft, |d| &d.name, |d, v| d.name = v);
    let (base_value, base_input) = bind_text(draft, |d| &d.api_base_url, |d, v| d.api_base_url = v);
    let (account_value, account_input) =
        bind_text(draft, |d| &d.account_id, |d, v| d.account_id = v);
    view! {
        <Field id="profile-name" label="Profile name" error=errors.field("profile_name")
            hint="Shown in the header and the tab title, for example Production.">
            <input type="text" autocomplete="off" node_ref=name_input prop:value=name_value on:input=name_in/>
        </Field>
        <Field id="api-base-url" label="API base URL (CORS proxy)" error=errors.field("api_base_url")
            hint="Where API calls go, ending before /accounts, for example https://proxy.example.com/client/v4.">
            <input type="url" autocomplete="url" prop:value=base_value on:input=base_input/>
        </Field>
        <Field id="account-id" label="Account ID" error=errors.field("account_id") hint="32 hexadecimal characters.">
            <input type="text" spellcheck="false" autocomplete="off" prop:value=account_value on:input=account_input/>
        </Field>
    }
}
