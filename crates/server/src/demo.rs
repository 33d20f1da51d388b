//! `demo`: the console and the emulator on one origin, with a generated `config.json` that
//! points the console at the emulator and hands it the demo token, so it opens ready to use.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header;
use axum::response::Response;
use axum::Router;
use serde_json::json;

use crate::emulator::{self, Emulator};
use crate::static_files::Site;

/// The token the demo's `config.json` hands the console (the demo emulator accepts any).
pub const DEMO_TOKEN: &str = "demo-token";

struct Demo {
    site: Site,
    emulator: Arc<Emulator>,
    account_id: String,
}

pub async fn router(site: Site, emulator: Arc<Emulator>) -> Router {
    let account_id = emulator.default_account().to_owned();
    let demo = Arc::new(Demo {
        site,
        emulator,
        account_id,
    });
    Router::new().fallback(handle).with_state(demo)
}

async fn handle(State(demo): State<Arc<Demo>>, request: Request<Body>) -> Response {
    let path = request.uri().path();
    if path.starts_with("/accounts/")
        || path.starts_with("/client/v4/")
        || path.starts_with("/ssf/")
    {
        return emulator::handle(State(demo.emulator.clone()), request).await;
    }
    let config = config_json(request.headers().get(header::HOST), &demo.account_id);
    demo.site.serve(request.method(), path, Some(config)).await
}

/// `{"api_base_url", "account_id", "demo", "demo_token"}` for the origin the browser used.
pub fn config_json(host: Option<&header::HeaderValue>, account_id: &str) -> Bytes {
    // The Host a browser sends is the origin it loaded the page from; anything odd falls back
    // to a relative base so a forged Host cannot point the console elsewhere.
    let host = host.and_then(|h| h.to_str().ok()).filter(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
    });
    let base = host.map_or_else(
        || "/client/v4".to_owned(),
        |h| format!("http://{h}/client/v4"),
    );
    let body = json!({
        "api_base_url": base,
        "account_id": account_id,
        "demo": true,
        "demo_token": DEMO_TOKEN,
    });
    Bytes::from(body.to_string())
}
