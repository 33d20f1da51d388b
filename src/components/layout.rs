//! The page frame: header (brand, primary navigation with `aria-current` behind a menu button
//! on phones, profile switcher, theme, shortcuts help, demo banner), then the main area, which
//! is rendered anew when the profile changes so every page loads for the new account.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use super::Toaster;
use crate::memory::use_memory;
use crate::routes::Page;
use crate::session::use_session;
use crate::shell::{use_profile_link, use_shortcuts, HelpDialog, ProfileSwitcher, ThemeSelect};

/// Wraps every page. Navigation links mark the current section with `aria-current="page"`.
#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let memory = use_memory();
    let menu = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let help = NodeRef::<html::Dialog>::new();
    use_shortcuts(help);
    use_profile_link(notice);
    let open_help = move |_| {
        if let Some(dialog) = help.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <span class="brand">"Zero Trust · Risk scoring"</span>
            <button type="button" class="button secondary menu-button" aria-controls="main-nav"
                aria-expanded=move || menu.get().to_string() on:click=move |_| menu.update(|m| *m = !*m)>
                "Menu"
            </button>
            <nav id="main-nav" aria-label="Main" class:open=menu on:click=move |_| menu.set(false)>
                <ul>
                    {Page::ALL.into_iter().filter_map(|page| {
                        let label = page.entry().nav?;
                        Some(view! { <li><A href=page.path() exact=page == Page::Overview>{label}</A></li> })
                    }).collect_view()}
                </ul>
            </nav>
            <div class="header-tools">
                <ProfileSwitcher/>
                <ThemeSelect/>
                <button type="button" class="button secondary" aria-label="Keyboard shortcuts" on:click=open_help>"?"</button>
            </div>
            {session.is_demo().then(|| view! {
                <p class="demo-banner" role="note">
                    "Demo emulator: the data is generated locally and no Cloudflare account is used."
                </p>
            })}
        </header>
        <main id="main" tabindex="-1">
            {move || notice.get().map(|text| view! {
                <div class="notice" role="alert">
                    <p>{text}</p>
                    <button type="button" class="button secondary" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            })}
            {move || memory.notice().get().map(|text| view! {
                <div class="notice" role="status">
                    <p>{text}</p>
                    <button type="button" class="button secondary" on:click=move |_| memory.dismiss()>"Dismiss"</button>
                </div>
            })}
            {move || {
                session.generation();
                children()
            }}
            <Toaster/>
            <HelpDialog dialog=help/>
        </main>
    }
}
