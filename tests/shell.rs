//! The shell in headless Chromium: switching profiles (cache dropped, a token per profile,
//! pages reloaded, title), keyboard shortcuts (never while typing) and the remembered theme.

mod common;

use common::users::sample;
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::app::AppRoutes;
use zt_risk_console::session::storage::{self, KEY_ACTIVE, KEY_THEME};
use zt_risk_console::session::{Profile, RuntimeConfig};

wasm_bindgen_test_configure!(run_in_browser);

const OTHER: &str = "fedcba9876543210fedcba9876543210";

fn two_profiles() -> RuntimeConfig {
    let profile = |name: &str, account: &str| Profile {
        name: name.into(),
        api_base_url: BASE.into(),
        account_id: account.into(),
    };
    RuntimeConfig {
        profiles: vec![profile("Prod", ACCOUNT), profile("Staging", OTHER)],
        ..Default::default()
    }
}

fn summary() -> FakeReply {
    FakeReply::ok(&serde_json::json!({ "users": sample() }).to_string())
}

/// Picks `value` in the `<select>` with this id, as a user would.
fn choose(id: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = el(&format!("#{id}")).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
}

/// A keydown of `key` on `target`, bubbling to the document as a real one does.
fn press(target: &web_sys::EventTarget, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

fn body() -> web_sys::EventTarget {
    document().body().expect("body").into()
}

/// (account in the URL, bearer token) of request `i`.
fn sent(fake: &FakeTransport, i: usize) -> (bool, String) {
    let request = &fake.requests()[i];
    let auth = request
        .headers
        .iter()
        .find(|(k, _)| *k == "Authorization")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    (request.url.contains(OTHER), auth)
}

#[wasm_bindgen_test]
async fn profile_switch_drops_the_cache_and_keeps_the_token_per_profile() {
    clear_storage();
    storage::save_token("Prod", Some("tok-prod"), false);
    storage::save_token("Staging", Some("tok-staging"), true);
    go("/users");
    let fake = FakeTransport::new();
    for _ in 0..3 {
        fake.push(summary());
    }
    let _handle = mount(two_profiles(), fake.clone(), 1000, AppRoutes);
    wait_for("the first summary", || fake.requests().len() == 1).await;
    assert_eq!(sent(&fake, 0), (false, "Bearer tok-prod".into()));
    wait_for("the table", || query("table.users").is_some()).await;
    assert_eq!(document().title(), "Users · Prod · Zero Trust risk");

    choose("profile", "Staging");
    wait_for("the second account's summary", || {
        fake.requests().len() == 2
    })
    .await;
    assert_eq!(sent(&fake, 1), (true, "Bearer tok-staging".into()));
    wait_for("the title", || {
        document().title() == "Users · Staging · Zero Trust risk"
    })
    .await;
    assert_eq!(session(KEY_ACTIVE).as_deref(), Some("Staging"));
    assert_eq!(pathname(), "/users", "the same page, not reloaded");

    // Back to Prod within the cache's freshness: read again, since the switch dropped it.
    choose("profile", "Prod");
    wait_for("Prod's summary again", || fake.requests().len() == 3).await;
    assert_eq!(sent(&fake, 2), (false, "Bearer tok-prod".into()));
    assert_eq!(
        storage::load("Staging").token.as_deref(),
        Some("tok-staging")
    );
    assert!(storage::load("Staging").remember);
}

#[wasm_bindgen_test]
async fn shortcuts_act_on_the_page_but_never_while_typing() {
    clear_storage();
    go("/users");
    let fake = FakeTransport::new();
    fake.push(summary());
    let _handle = mount(config_with_token(), fake, 1000, AppRoutes);
    wait_for("the search box", || query("#user-search").is_some()).await;

    press(&body(), "/");
    assert_eq!(active_id(), "user-search", "/ focuses the page's search");
    let search: web_sys::EventTarget = el("#user-search").into();
    press(&search, "g");
    press(&search, "b");
    press(&search, "?");
    settle().await;
    assert_eq!(pathname(), "/users", "typed in the search: no shortcut");
    assert!(query("dialog[open]").is_none());

    el("#user-search")
        .unchecked_into::<web_sys::HtmlElement>()
        .blur()
        .expect("blur");
    press(&body(), "?");
    wait_for("the help dialog", || query("dialog[open]").is_some()).await;
    assert!(text("dialog[open]").contains("Go to Behaviors"));
    click("dialog[open] button");
    settle().await;
    assert!(query("dialog[open]").is_none());

    press(&body(), "g");
    press(&body(), "b");
    wait_for("the behaviors page", || pathname() == "/behaviors").await;
}

#[wasm_bindgen_test]
async fn theme_toggle_is_applied_and_remembered() {
    clear_storage();
    go("/settings");
    let root = document().document_element().expect("html");
    let handle = mount(config_with_token(), FakeTransport::new(), 1000, AppRoutes);
    settle().await;
    let select: web_sys::HtmlSelectElement = el("#theme").unchecked_into();
    assert_eq!(select.value(), "", "follows the system by default");
    assert_eq!(root.get_attribute("data-theme"), None);
    choose("theme", "dark");
    settle().await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(local(KEY_THEME).as_deref(), Some("dark"));
    drop(handle);

    let _handle = mount(config_with_token(), FakeTransport::new(), 1000, AppRoutes);
    settle().await;
    let select: web_sys::HtmlSelectElement = el("#theme").unchecked_into();
    assert_eq!(select.value(), "dark", "remembered");
    choose("theme", "");
    settle().await;
    assert_eq!(root.get_attribute("data-theme"), None);
    assert_eq!(local(KEY_THEME), None);
}

#[wasm_bindgen_test]
async fn a_switch_between_two_proxies_of_one_account_drops_cache_and_events() {
    use leptos::prelude::*;
    use zt_risk_console::state::events::Loaded;
    use zt_risk_console::state::{use_events, EventsStore};
    clear_storage();
    let profile = |name: &str, base: &str| Profile {
        name: name.into(),
        api_base_url: base.into(),
        account_id: ACCOUNT.into(),
    };
    let config = RuntimeConfig {
        profiles: vec![
            profile("US", BASE),
            profile("EU", "https://eu.proxy.test/client/v4"),
        ],
        demo_token: Some("t".into()),
        ..Default::default()
    };
    go("/users");
    let fake = FakeTransport::new();
    for _ in 0..2 {
        fake.push(summary());
    }
    let store = StoredValue::new_local(None::<EventsStore>);
    let _handle = mount(config, fake.clone(), 1000, move || {
        store.set_value(Some(use_events()));
        view! { <AppRoutes/> }
    });
    wait_for("the summary", || fake.requests().len() == 1).await;
    let events = store.get_value().expect("the events store");
    let user = sample().remove(0);
    let detail = zt_risk_api::RiskEvents {
        name: user.name.clone(),
        email: user.email.clone(),
        events: Vec::new(),
        last_reset_time: None,
        risk_level: None,
    };
    let loaded_at = user.last_event;
    events.fill(
        ACCOUNT,
        vec![Loaded {
            user,
            detail,
            loaded_at,
            left: false,
            kept: Vec::new(),
        }],
    );
    assert!(!events.with(|e| e.is_empty()));

    choose("profile", "EU");
    wait_for("the EU proxy's summary", || fake.requests().len() == 2).await;
    assert!(
        fake.requests()[1].url.starts_with("https://eu.proxy.test/"),
        "same account, read again"
    );
    assert!(events.with(|e| e.is_empty()), "loaded events dropped");
}
