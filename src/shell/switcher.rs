//! The header's profile switcher, and `?profile=name` links: both switch through
//! `state::profile`, which asks about unsaved edits and drops what was loaded.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::components::use_toasts;
use crate::routes;
use crate::session::use_session;
use crate::state::profile::use_profile_switch;

/// A `<select>` of the profiles showing the active one; choosing another switches to it.
#[component]
pub fn ProfileSwitcher() -> impl IntoView {
    let session = use_session();
    let switch = use_profile_switch();
    let toasts = use_toasts();
    let select = NodeRef::<html::Select>::new();
    let on_change = move |ev| {
        let name = event_target_value(&ev);
        if switch.to(&name) {
            toasts.show(format!("Switched to profile {name}."));
        } else if let Some(select) = select.get_untracked() {
            // Kept the edits: show the profile that is still active.
            select.set_value(&untrack(|| session.active_name()));
        }
    };
    view! {
        <label for="profile">"Profile"</label>
        <select id="profile" node_ref=select on:change=on_change>
            {move || {
                let active = session.active_name();
                session.profiles().into_iter().map(|p| {
                    let (selected, value) = (p.name == active, p.name.clone());
                    view! { <option value=value selected=selected>{p.name}</option> }
                }).collect_view()
            }}
        </select>
    }
}

/// Keeps the document title on the page and profile (`title::title`), and follows
/// `?profile=name` in the address: switches to that profile (or sets `notice` when there is
/// none), then drops the parameter from the address, replacing the history entry.
pub fn use_profile_link(notice: RwSignal<Option<String>>) {
    let session = use_session();
    let switch = use_profile_switch();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let title = super::title::title(&path, &session.active_name());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        document.set_title(&title);
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search.get()) else {
            return;
        };
        let Some(name) = params.get(routes::PROFILE_PARAM) else {
            return;
        };
        if session.profile(&name).is_some() {
            switch.to(&name);
            notice.set(None);
        } else {
            notice.set(Some(format!(
                "This link names the profile \"{name}\", which this browser does not have. \
                 Still using {}; add it in Settings.",
                session.active_name()
            )));
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let search = location.search().unwrap_or_default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return;
        };
        params.delete(routes::PROFILE_PARAM);
        let rest = String::from(params.to_string());
        let path = location.pathname().unwrap_or_default();
        let query = if rest.is_empty() {
            rest
        } else {
            format!("?{rest}")
        };
        let hash = location.hash().unwrap_or_default();
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        };
        navigate(&format!("{path}{query}{hash}"), options);
    });
}
