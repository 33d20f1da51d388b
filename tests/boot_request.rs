//! The landing page's early summary request (`api::boot_request`): the request `public/boot.js`
//! sent is taken when its hint matches the request the console would send and aborted when it
//! does not; the hint left for the next load names where the token is, never a saved token.

mod common;

use common::*;
use std::sync::Arc;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::AbortController;
use zt_risk_api::paths::Method;
use zt_risk_console::api::boot_request;
use zt_risk_console::api::fake::FakeTransport;
use zt_risk_console::api::transport::{FetchTransport, HttpRequest, Transport, TransportError};
use zt_risk_console::api::use_api;
use zt_risk_console::session::profiles::DEFAULT_NAME;
use zt_risk_console::session::storage::{self, KEY_BOOT_REQUEST};
use zt_risk_console::session::Profile;
use zt_risk_console::state::profile::use_profile_switch;

wasm_bindgen_test_configure!(run_in_browser);

/// The summary URL of `common::config()`.
fn summary_url() -> String {
    format!("{BASE}/accounts/{ACCOUNT}/zt_risk_scoring/summary")
}

/// The summary request the console sends with `token`.
fn summary_request(token: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url: summary_url(),
        headers: vec![("Authorization", format!("Bearer {token}"))],
        body: None,
    }
}

/// Leaves a request as boot.js does, following `hint`, answered at once with `body`; returns
/// its controller.
fn sent_by_boot_js(hint: &str, body: &str) -> AbortController {
    let response = web_sys::Response::new_with_opt_str(Some(body)).expect("response");
    let controller = AbortController::new().expect("controller");
    let sent = Object::new();
    for (name, value) in [
        ("hint", JsValue::from_str(hint)),
        ("response", Promise::resolve(&response).into()),
        ("controller", controller.clone().into()),
    ] {
        Reflect::set(&sent, &name.into(), &value).expect("set");
    }
    let window = web_sys::window().expect("window");
    Reflect::set(&window, &"ztBootRequest".into(), &sent).expect("global");
    controller
}

/// Runs the console's start at `url` with `config` (its token: the demo one), on a browser
/// transport of its own, which it returns: what it took is there.
fn start_at(url: &str) -> Arc<FetchTransport> {
    go(url);
    let transport = Arc::new(FetchTransport::default());
    let _handle = mount_on(config_with_token(), transport.clone(), 1000, || {
        boot_request::start(&use_api());
    });
    transport
}

/// Sends `request` through the browser transport `transport`.
async fn send(transport: &FetchTransport, request: HttpRequest) -> Result<String, TransportError> {
    let signal = AbortController::new().expect("controller").signal();
    transport.send(request, signal).await.map(|r| r.body)
}

fn the_hint(demo_token: Option<&str>) -> String {
    let key = storage::token_key(DEFAULT_NAME);
    boot_request::hint(&summary_url(), (key, demo_token.map(str::to_owned)))
}

#[wasm_bindgen_test]
fn the_hint_is_json_naming_where_the_token_is() {
    assert_eq!(
        the_hint(Some("t")),
        format!(
            r#"[["/","/users","/detections"],"{}","zt-risk.token:default","t"]"#,
            summary_url()
        )
    );
    let odd = boot_request::hint("/a\"b", ("k".into(), None));
    assert_eq!(odd, r#"[["/","/users","/detections"],"/a\"b","k",null]"#);
}

#[wasm_bindgen_test]
async fn a_matching_request_from_boot_js_is_taken_and_the_hint_is_kept() {
    clear_storage();
    let controller = sent_by_boot_js(&the_hint(Some("t")), "from boot.js");
    let transport = start_at("/users?level=high");
    assert!(!controller.signal().aborted());
    assert_eq!(
        send(&transport, summary_request("t")).await.as_deref(),
        Ok("from boot.js")
    );
    assert_eq!(local(KEY_BOOT_REQUEST), Some(the_hint(Some("t"))));
    go("/");
}

#[wasm_bindgen_test]
async fn a_stale_request_from_boot_js_is_aborted_and_never_taken() {
    clear_storage();
    // The hint of an earlier visit, before a token was saved: the demo token.
    let controller = sent_by_boot_js(&the_hint(Some("t")), "stale");
    storage::save_token(DEFAULT_NAME, Some("saved-secret"), false);
    let transport = start_at("/");
    assert!(controller.signal().aborted());
    // Not taken: the same request goes out by itself (to a host that does not exist).
    let own = send(&transport, summary_request("saved-secret")).await;
    assert!(matches!(own, Err(TransportError::Network(_))), "{own:?}");
    let hint = local(KEY_BOOT_REQUEST).expect("hint");
    assert_eq!(hint, the_hint(None));
    assert!(!hint.contains("saved-secret"), "{hint}");
}

#[wasm_bindgen_test]
async fn switching_profiles_forgets_the_hint() {
    clear_storage();
    let mut config = config_with_token();
    config.profiles = ["Production", "Staging"]
        .map(|name| Profile {
            name: name.into(),
            api_base_url: BASE.into(),
            account_id: ACCOUNT.into(),
        })
        .to_vec();
    let switched = std::rc::Rc::new(std::cell::Cell::new(false));
    let done = switched.clone();
    go("/users");
    let _handle = mount(config, FakeTransport::new(), 1000, move || {
        boot_request::start(&use_api());
        assert!(local(KEY_BOOT_REQUEST).is_some(), "the start leaves a hint");
        done.set(use_profile_switch().to("Staging"));
    });
    assert!(switched.get());
    assert_eq!(local(KEY_BOOT_REQUEST), None);
    go("/");
}

#[wasm_bindgen_test]
async fn pages_that_do_not_open_on_the_summary_send_nothing_early() {
    for url in ["/behaviors", "/users?profile=Staging"] {
        clear_storage();
        let controller = sent_by_boot_js(&the_hint(Some("t")), "unused");
        let transport = start_at(url);
        assert!(controller.signal().aborted(), "{url}");
        assert_eq!(local(KEY_BOOT_REQUEST), None, "{url}");
        let own = send(&transport, summary_request("t")).await;
        assert!(
            matches!(own, Err(TransportError::Network(_))),
            "{url}: {own:?}"
        );
    }
    go("/");
}
