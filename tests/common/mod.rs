//! Helpers for component tests: mount with a fake transport, drive inputs, wait for the DOM.
#![allow(dead_code)]

pub mod access;
pub mod behaviors;
pub mod events;
pub mod files;
pub mod integrations;
pub mod users;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::app::Providers;
use zt_risk_console::session::RuntimeConfig;

pub const ACCOUNT: &str = "0123456789abcdef0123456789abcdef";
pub const BASE: &str = "https://proxy.test/client/v4";

pub fn document() -> web_sys::Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

/// Clears both storages so tests do not see each other's settings.
pub fn clear_storage() {
    let w = web_sys::window().expect("window");
    w.local_storage()
        .ok()
        .flatten()
        .expect("localStorage")
        .clear()
        .expect("clear");
    w.session_storage()
        .ok()
        .flatten()
        .expect("sessionStorage")
        .clear()
        .expect("clear");
}

pub fn config() -> RuntimeConfig {
    RuntimeConfig {
        api_base_url: BASE.into(),
        account_id: ACCOUNT.into(),
        ..Default::default()
    }
}

/// `config()` with a token, so requests go out (the demo token path).
pub fn config_with_token() -> RuntimeConfig {
    RuntimeConfig {
        demo_token: Some("t".into()),
        ..config()
    }
}

/// A v4 error answer: `success: false` with one error of this `code` and `message`.
pub fn v4_error(status: u16, code: u32, message: &str) -> FakeReply {
    FakeReply::json(
        status,
        format!(
            r#"{{"success":false,"errors":[{{"code":{code},"message":"{message}"}}],"messages":[],"result":null}}"#
        ),
    )
}

/// Sets the page URL (path and query) without navigating, before mounting a routed view.
pub fn go(url: &str) {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .expect("replace_state");
}

/// The current location's path.
pub fn pathname() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .pathname()
        .expect("pathname")
}

/// The id of the focused element ("" if none has one).
pub fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// Mounts `view` under the providers in a fresh container; keep the handle alive.
pub fn mount<V: IntoView + 'static>(
    config: RuntimeConfig,
    transport: FakeTransport,
    timeout_ms: u32,
    view: impl FnOnce() -> V + 'static,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    mount_on(config, Arc::new(transport), timeout_ms, view)
}

/// [`mount`] with any transport (the browser's, to test what it keeps between requests).
pub fn mount_on<V: IntoView + 'static>(
    config: RuntimeConfig,
    transport: Arc<dyn zt_risk_console::api::transport::Transport>,
    timeout_ms: u32,
    view: impl FnOnce() -> V + 'static,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    let remember = zt_risk_console::memory::fake::opener();
    mount_remembering(config, transport, remember, timeout_ms, view)
}

/// [`mount_on`] with the profile's memory kept where `remember` opens it (one backend shared
/// by two mounts is "the same browser, another visit").
pub fn mount_remembering<V: IntoView + 'static>(
    config: RuntimeConfig,
    transport: Arc<dyn zt_risk_console::api::transport::Transport>,
    remember: zt_risk_console::memory::context::Opener,
    timeout_ms: u32,
    view: impl FnOnce() -> V + 'static,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    let container: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    // Children must be Send; the browser is single-threaded, so wrapping is sound here.
    let view = send_wrapper::SendWrapper::new(view);
    leptos::mount::mount_to(container, move || {
        view! { <Providers config transport timeout_ms remember>{(view.take())()}</Providers> }
    })
}

pub fn query(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

pub fn el(selector: &str) -> Element {
    query(selector).unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn text(selector: &str) -> String {
    el(selector).text_content().unwrap_or_default()
}

/// Types `value` into the input with this id and fires `input`.
pub fn type_into(id: &str, value: &str) {
    let input: HtmlInputElement = el(&format!("#{id}")).unchecked_into();
    input.set_value(value);
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

pub fn input_value(id: &str) -> String {
    el(&format!("#{id}"))
        .unchecked_into::<HtmlInputElement>()
        .value()
}

/// Clicks the first button whose visible text is `label`.
pub fn click_button(label: &str) {
    let buttons = document().query_selector_all("button").expect("buttons");
    for i in 0..buttons.length() {
        let node = buttons.item(i).expect("item");
        if node.text_content().unwrap_or_default().trim() == label {
            node.unchecked_into::<HtmlElement>().click();
            return;
        }
    }
    panic!("no button labelled {label:?}");
}

pub fn click(selector: &str) {
    el(selector).unchecked_into::<HtmlElement>().click();
}

/// Lets effects and futures run.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(5).await;
    }
}

/// Waits (up to 2 s) until `cond` holds, else panics with `what`.
pub async fn wait_for(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        if cond() {
            return;
        }
        leptos::task::tick().await;
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for: {what}");
}

pub fn local(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

pub fn session(key: &str) -> Option<String> {
    web_sys::window()?
        .session_storage()
        .ok()??
        .get_item(key)
        .ok()?
}
