//! The CORS proxy as a Cloudflare Worker: `worker/entry.mjs` hands every request to [`handle`],
//! which asks `zt_risk_proxy_core` what to do and does only the I/O (body up to the core's
//! limit, `fetch` to the fixed upstream with a deadline, relay status and body). Exactly what
//! `zt-risk-server proxy` does, configured by the Worker's vars (see `wrangler.toml`):
//! `UPSTREAM`, `ALLOWED_ORIGINS`, `ACCOUNTS`, and optionally `TIMEOUT` (seconds), `MAX_BODY`
//! (bytes) and `SSF_UPSTREAM` (tests only). With an `ASSETS` binding (Workers static assets)
//! other paths are the console's.

mod config;
mod io;

use wasm_bindgen::prelude::*;
use web_sys::{Request, Response};
use zt_risk_proxy_core::{Decision, Refusal};

/// Answers one request; `env` is the Worker's environment (vars and bindings).
#[wasm_bindgen]
pub async fn handle(request: Request, env: JsValue) -> Result<Response, JsValue> {
    let started = js_sys::Date::now();
    let cached = config::cached(&env);
    let settings = match &*cached {
        Ok(settings) => settings,
        Err(e) => return io::reply(&Refusal::misconfigured(e).reply(Vec::new())),
    };
    let url = web_sys::Url::new(&request.url())?;
    let headers = io::RequestHeaders::read(&request.headers(), &url);
    let target = io::raw_target(&url, &headers);
    let method = request.method();
    let response = match settings.proxy.decide(&method, &target, &headers) {
        Decision::Site => io::site(&env, &request).await?,
        Decision::Preflight(reply) | Decision::Refuse(reply) => io::reply(&reply)?,
        Decision::Forward(forward) => io::forward(&request, &forward, settings.timeout_ms).await?,
    };
    // The path only, never a header value (see the native proxy's access log).
    web_sys::console::log_1(&JsValue::from_str(&format!(
        "proxy {method} {} -> {} {}ms{}",
        url.pathname().escape_debug(),
        response.status(),
        (js_sys::Date::now() - started).round(),
        if headers.has_origin() { " (cors)" } else { "" },
    )));
    Ok(response)
}
