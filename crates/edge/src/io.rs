//! The Worker's I/O around the core's decision: the request's headers and target as the core
//! reads them, the capped body, the upstream `fetch` with its deadline, and Fetch API responses.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, Headers, Request, RequestInit, RequestRedirect, Response, ResponseInit, Url,
};
use zt_risk_proxy_core::headers::{READ, RELAYED_RESPONSE};
use zt_risk_proxy_core::{Forward, Reply};

#[wasm_bindgen]
extern "C" {
    /// The runtime's global `fetch(url, init)`.
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_with_init(url: &str, init: &RequestInit) -> js_sys::Promise;
}

/// The headers the core reads ([`READ`]), copied out of the Fetch API's `Headers`.
pub struct RequestHeaders(Vec<(&'static str, String)>);

impl RequestHeaders {
    pub fn read(headers: &Headers, url: &Url) -> Self {
        let mut out: Vec<(&'static str, String)> = READ
            .iter()
            .filter_map(|name| Some((*name, headers.get(name).ok()??)))
            .collect();
        // The Fetch API may hide Host; the URL's host is what the client asked for.
        if !out.iter().any(|(n, _)| *n == "host") {
            out.push(("host", url.host()));
        }
        Self(out)
    }

    pub fn has_origin(&self) -> bool {
        self.0.iter().any(|(n, _)| *n == "origin")
    }

    fn host(&self) -> &str {
        self.0
            .iter()
            .find(|(n, _)| *n == "host")
            .map_or("", |(_, v)| v.as_str())
    }
}

impl zt_risk_proxy_core::Headers for RequestHeaders {
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_bytes())
    }
}

/// The request target as the core expects it: `path?query`, or the whole URL when the request
/// named another host than its `Host` (an absolute-form target), which the core refuses.
pub fn raw_target(url: &Url, headers: &RequestHeaders) -> String {
    if !url.host().eq_ignore_ascii_case(headers.host()) {
        return url.href();
    }
    format!("{}{}", url.pathname(), url.search())
}

/// A core reply as a Fetch API response.
pub fn reply(reply: &Reply) -> Result<Response, JsValue> {
    let init = response_init(
        reply.status,
        reply.headers.iter().map(|(n, v)| (*n, v.as_ref())),
    )?;
    let body = (!reply.body.is_empty()).then_some(reply.body.as_str());
    Response::new_with_opt_str_and_init(body, &init)
}

fn response_init<'a>(
    status: u16,
    headers: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<ResponseInit, JsValue> {
    let h = Headers::new()?;
    for (name, value) in headers {
        h.set(name, value)?;
    }
    let init = ResponseInit::new();
    init.set_status(status);
    init.set_headers(&h);
    Ok(init)
}

/// The console from Workers static assets (`ASSETS` binding).
pub async fn site(env: &JsValue, request: &Request) -> Result<Response, JsValue> {
    let assets = Reflect::get(env, &JsValue::from_str("ASSETS"))?;
    let fetch: js_sys::Function = Reflect::get(&assets, &JsValue::from_str("fetch"))?.dyn_into()?;
    let promise: js_sys::Promise = fetch.call1(&assets, request)?.dyn_into()?;
    JsFuture::from(promise).await?.dyn_into()
}

/// Reads the body (if the core wants one), calls the upstream, relays its answer.
pub async fn forward(
    request: &Request,
    forward: &Forward,
    timeout_ms: u32,
) -> Result<Response, JsValue> {
    let body = match forward.body_limit {
        Some(limit) => match read_limited(request, limit).await? {
            Some(bytes) => Some(bytes),
            None => return reply(&forward.too_large()),
        },
        None => None,
    };
    let headers = Headers::new()?;
    for (name, value) in &forward.headers {
        headers.set(name, value)?;
    }
    let init = RequestInit::new();
    init.set_method(forward.method);
    init.set_headers(&headers);
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(timeout_ms)));
    if let Some(bytes) = &body {
        init.set_body(&Uint8Array::from(bytes.as_slice()));
    }
    let upstream: Response = match JsFuture::from(fetch_with_init(&forward.url, &init)).await {
        Ok(r) => r.dyn_into()?,
        Err(e) if error_name(&e) == "TimeoutError" => {
            return reply(&forward.upstream_timeout(timeout_ms.into()))
        }
        Err(e) => {
            web_sys::console::error_1(&JsValue::from_str(&format!(
                "proxy: upstream unreachable: {}",
                error_name(&e)
            )));
            return reply(&forward.upstream_down());
        }
    };
    let content_type = upstream.headers().get(RELAYED_RESPONSE)?;
    let relayed = content_type.as_deref().map(|ct| (RELAYED_RESPONSE, ct));
    let added = forward
        .response_headers
        .iter()
        .map(|(n, v)| (*n, v.as_ref()));
    let init = response_init(upstream.status(), relayed.into_iter().chain(added))?;
    Response::new_with_opt_readable_stream_and_init(upstream.body().as_ref(), &init)
}

fn error_name(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// The whole body, or `None` as soon as it is known to exceed `limit` bytes.
async fn read_limited(request: &Request, limit: usize) -> Result<Option<Vec<u8>>, JsValue> {
    let declared = request
        .headers()
        .get("content-length")?
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Ok(None);
    }
    let Some(stream) = request.body() else {
        return Ok(Some(Vec::new()));
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().dyn_into()?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
            return Ok(Some(out));
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))?.dyn_into()?;
        // Chunked bodies have no declared length: the limit is enforced while reading.
        if out.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Ok(None);
        }
        let start = out.len();
        out.resize(start + value.length() as usize, 0);
        value.copy_to(&mut out[start..]);
    }
}
