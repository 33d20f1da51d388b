//! The Worker's settings from its environment, validated by the core once per isolate (vars do
//! not change while an isolate lives). A bad setting makes every request a v4 500 that says
//! which setting is wrong; nothing is forwarded.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use zt_risk_proxy_core::{Config, Proxy};

/// A configured Worker.
pub struct Settings {
    pub proxy: Proxy,
    pub timeout_ms: u32,
}

thread_local! {
    static CACHED: RefCell<Option<Rc<Result<Settings, String>>>> = const { RefCell::new(None) };
}

/// The settings for `env`, parsed on first use, or why they are unusable.
pub fn cached(env: &JsValue) -> Rc<Result<Settings, String>> {
    CACHED.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| Rc::new(parse(env)))
            .clone()
    })
}

fn var(env: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(env, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// A list var: values separated by commas and/or white space.
fn list(env: &JsValue, name: &str) -> Vec<String> {
    var(env, name)
        .unwrap_or_default()
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse(env: &JsValue) -> Result<Settings, String> {
    let defaults = Config::default();
    let number = |name: &str, default: f64| -> Result<f64, String> {
        match var(env, name) {
            None => Ok(default),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n > 0.0)
                .ok_or_else(|| format!("{name} {v:?} is not a positive number")),
        }
    };
    let has_assets = js_sys::Reflect::get(env, &JsValue::from_str("ASSETS"))
        .is_ok_and(|a| !a.is_undefined() && !a.is_null());
    let config = Config {
        upstream: var(env, "UPSTREAM").unwrap_or(defaults.upstream),
        ssf_upstream: var(env, "SSF_UPSTREAM").unwrap_or(defaults.ssf_upstream),
        allowed_origins: list(env, "ALLOWED_ORIGINS"),
        accounts: list(env, "ACCOUNTS"),
        serves_site: has_assets,
        max_body: number("MAX_BODY", defaults.max_body as f64)? as usize,
    };
    let timeout = number("TIMEOUT", zt_risk_proxy_core::DEFAULT_TIMEOUT_SECS)?;
    Ok(Settings {
        proxy: Proxy::new(&config)?,
        timeout_ms: (timeout * 1000.0).min(f64::from(u32::MAX)) as u32,
    })
}
