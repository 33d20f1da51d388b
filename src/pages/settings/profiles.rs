//! The list of profiles: which is active, and Edit, Duplicate, Delete (confirmed) for each,
//! plus "Add profile". Switching is the header's job.

use leptos::prelude::*;

use super::Editing;
use crate::components::ConfirmDialog;
use crate::session::{use_session, Profile};
use crate::state::profile::use_profile_switch;

/// The profiles table and its actions.
#[component]
pub fn ProfileList(editing: Editing) -> impl IntoView {
    let session = use_session();
    let switch = use_profile_switch();
    let confirm = RwSignal::new(false);
    let target = RwSignal::new(String::new());
    let delete = Callback::new(move |()| {
        let name = target.get_untracked();
        let was_active = session.is_active(&name);
        confirm.set(false);
        session.remove(&name);
        editing.status.set(Some(format!("Profile {name} deleted.")));
        match untrack(|| session.profiles()).first() {
            Some(first) if was_active => {
                switch.to(&first.name);
            }
            _ => editing.open(Some(untrack(|| session.active_name()))),
        }
    });
    let only_one = move || session.profiles().len() < 2;
    let row = move |p: Profile| {
        let name = StoredValue::new(p.name.clone());
        let active = move || session.active_name() == name.get_value();
        let duplicate = move |_| {
            if let Some(copy) = session.duplicate(&name.get_value()) {
                editing.status.set(Some(format!("Profile {copy} added.")));
                editing.open(Some(copy));
            }
        };
        let ask = move |_| {
            target.set(name.get_value());
            confirm.set(true);
        };
        let named = move |action: &str| format!("{action} {}", name.get_value());
        view! {
            <tr>
                <td data-label="Name">{p.name.clone()}{move || active().then(|| view! { " "<span class="badge">"Active"</span> })}</td>
                <td data-label="Account ID"><code>{p.account_id}</code></td>
                <td data-label="API base URL">{p.api_base_url}</td>
                <td class="row-actions">
                    <button type="button" class="button secondary" aria-label=named("Edit") on:click=move |_| editing.open(Some(name.get_value()))>"Edit"</button>
                    <button type="button" class="button secondary" aria-label=named("Duplicate") on:click=duplicate>"Duplicate"</button>
                    <button type="button" class="button secondary" aria-label=named("Delete") disabled=only_one on:click=ask>"Delete"</button>
                </td>
            </tr>
        }
    };
    view! {
        <section aria-labelledby="profiles-heading">
            <div class="page-head">
                <h2 id="profiles-heading">"Profiles"</h2>
                <button type="button" class="button secondary" on:click=move |_| editing.open(None)>"Add profile"</button>
            </div>
            <p class="hint">"Each profile is one account: its proxy, its account ID and its own token. Switch between them in the header."</p>
            <div class="table-wrap">
                <table class="stack">
                    <caption class="visually-hidden">"Profiles"</caption>
                    <thead><tr>
                        <th scope="col">"Name"</th><th scope="col">"Account ID"</th>
                        <th scope="col">"API base URL"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr></thead>
                    <tbody>{move || session.profiles().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
            <ConfirmDialog open=confirm title=Signal::derive(move || format!("Delete profile {}?", target.get()))
                confirm_label=Signal::derive(move || format!("Delete {}", target.get())) on_confirm=delete>
                <p>"Its saved token is forgotten on this device. Nothing changes in the Cloudflare account."</p>
            </ConfirmDialog>
        </section>
    }
}
