//! The Worker's settings from its environment, validated by the core once per isolate (vars do
//! not change while an isolate lives). A bad setting makes every request a v4 500 that says
//! which setting is wrong; nothing is forwarded.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use zt_risk_proxy_core::settings::ProxyArgs;
use zt_risk_proxy_core::{Config, ConfigError, Proxy};

/// A configured Worker.
pub struct Settings {
    pub proxy: Proxy,
    pub timeout_ms: u32,
}

thread_local! {
    static CACHED: RefCell<Option<Rc<Result<Settings, ConfigError>>>> = const { RefCell::new(None) };
}

/// The settings for `env`, parsed on first use, or why they are unusable.
pub fn cached(env: &JsValue) -> Rc<Result<Settings, ConfigError>> {
    CACHED.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| Rc::new(parse(env)))
            .clone()
    })
}

/// A binding of `env` that is set (neither `undefined` nor `null`).
fn binding(env: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(env, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The vars are the flags of `zt-risk-server proxy` under other names (`settings::Setting`);
/// with an `ASSETS` binding the Worker serves the console too.
fn parse(env: &JsValue) -> Result<Settings, ConfigError> {
    let args = ProxyArgs::from_vars(|name| binding(env, name).and_then(|v| v.as_string()))?;
    let timeout = args.timeout;
    let config = Config {
        serves_site: binding(env, "ASSETS").is_some(),
        ..Config::from(args)
    };
    Ok(Settings {
        proxy: Proxy::new(&config)?,
        timeout_ms: u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX),
    })
}
