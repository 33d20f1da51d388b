//! Settings: the connection profiles (add, edit, duplicate, delete) and the form of one
//! profile: name, proxy base URL, account ID and API token, with "Test connection".
//!
//! The token input is never prefilled: a saved token is only described, never shown.

mod data;
mod draft;
mod form;
mod profiles;
mod test_connection;
mod token;

pub use draft::SettingsDraft;

use leptos::prelude::*;

use crate::session::use_session;
use data::DataSettings;
use form::ProfileForm;
use profiles::ProfileList;

/// Which profile the form edits, and when it was last opened (the form is made anew then).
#[derive(Clone, Copy)]
pub struct Editing {
    /// The name of the profile in the form; `None` while adding one.
    pub name: RwSignal<Option<String>>,
    opened: RwSignal<u32>,
    /// What the last action did ("Settings saved."), announced politely.
    pub status: RwSignal<Option<String>>,
}

impl Editing {
    /// Opens profile `name` (`None`: a new, empty one) in the form.
    pub fn open(&self, name: Option<String>) {
        self.name.set(name);
        self.opened.update(|n| *n += 1);
    }
}

/// The Settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let session = use_session();
    let load_error = session.config.with_value(|c| c.load_error.clone());
    let editing = Editing {
        name: RwSignal::new(Some(session.active_name())),
        opened: RwSignal::new(0),
        status: RwSignal::new(None),
    };
    view! {
        <h1>"Settings"</h1>
        {load_error.map(|e| view! { <p class="notice" role="note">{e}</p> })}
        <ProfileList editing/>
        {move || {
            let focus = editing.opened.get() > 0;
            view! { <ProfileForm editing focus/> }
        }}
        <DataSettings/>
    }
}
