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
    /// A second account for the console's second profile (none when `--account` pins one).
    second: Option<String>,
}

/// The demo's second account: the default one's id reversed (another 32-hex id, with data of
/// its own), so the console can show profile switching with nothing to set up.
pub fn second_account(default: &str) -> String {
    default.chars().rev().collect()
}

pub async fn router(site: Site, emulator: Arc<Emulator>) -> Router {
    let account_id = emulator.default_account().to_owned();
    let second = (!emulator.is_pinned()).then(|| second_account(&account_id));
    let demo = Arc::new(Demo {
        site,
        emulator,
        account_id,
        second,
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
    let config = config_json(
        request.headers().get(header::HOST),
        &demo.account_id,
        demo.second.as_deref(),
    );
    demo.site.serve(request.method(), path, Some(config)).await
}

/// `{"api_base_url", "account_id", "profiles", "demo", "demo_token"}` for the origin the
/// browser used: profile "Demo" is the default account, "Demo 2" the `second` one if any.
pub fn config_json(
    host: Option<&header::HeaderValue>,
    account_id: &str,
    second: Option<&str>,
) -> Bytes {
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
    let profile = |name: &str, account: &str| json!({"name": name, "api_base_url": base, "account_id": account});
    let mut profiles = vec![profile("Demo", account_id)];
    profiles.extend(second.map(|s| profile("Demo 2", s)));
    let body = json!({
        "api_base_url": base,
        "account_id": account_id,
        "profiles": profiles,
        "demo": true,
        "demo_token": DEMO_TOKEN,
    });
    Bytes::from(body.to_string())
}
