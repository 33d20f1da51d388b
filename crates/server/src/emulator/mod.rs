//! `emulate`: a local Cloudflare Risk Scoring API. Owns the shared state (behind one lock),
//! durability of writes, and the request pipeline: route → auth → account → handler.
//! Handlers live in `handlers`; the rules themselves in `store`.

pub mod auth;
pub mod catalog;
mod details;
mod handlers;
pub mod paging;
pub mod rate_limit;
pub mod rng;
pub mod seed;
mod seed_words;
pub mod state_file;
pub mod store;
pub mod validate;

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::sync::RwLock;

use crate::envelope::{ApiError, STATE};
use crate::ops::{self, RouteError};
pub use auth::TokenPolicy;
use rate_limit::{Clock, Limiter, RateLimit};
use store::{Store, StoreError};

/// Largest request body the emulator reads (bodies here are a few hundred bytes).
pub const MAX_BODY: usize = 64 * 1024;

/// How the emulator behaves.
#[derive(Debug, Clone)]
pub struct Config {
    pub tokens: TokenPolicy,
    /// `--account`: the only account id served.
    pub account: Option<String>,
    /// `--state`: where every write is persisted.
    pub state_file: Option<PathBuf>,
    /// `--rate-limit`, and the clock it reads.
    pub rate_limit: Option<(RateLimit, Clock)>,
}

/// The emulator: config and the one account's data.
pub struct Emulator {
    config: Config,
    store: RwLock<Store>,
    limiter: Option<Limiter>,
}

impl Emulator {
    pub fn new(config: Config, store: Store) -> Arc<Self> {
        let limiter = config
            .rate_limit
            .clone()
            .map(|(limit, clock)| Limiter::new(limit, clock));
        Arc::new(Self {
            config,
            store: RwLock::new(store),
            limiter,
        })
    }

    /// The account id of the data set (for the demo's `config.json`).
    pub async fn account_id(&self) -> String {
        self.store.read().await.account_id.clone()
    }

    pub async fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        f(&*self.store.read().await)
    }

    /// Applies `f` to a copy of the store, persists the copy, then publishes it: a request is
    /// acknowledged only once its change is on disk, and a failed save changes nothing.
    pub async fn write<R>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<R, StoreError>,
    ) -> Result<R, ApiError> {
        let mut guard = self.store.write().await;
        let mut next = guard.clone();
        let result = f(&mut next).map_err(handlers::store_error)?;
        if let Some(path) = self.config.state_file.clone() {
            let bytes = serde_json::to_vec(&next).map_err(|e| state_error(e.to_string()))?;
            tokio::task::spawn_blocking(move || state_file::save(&path, &bytes))
                .await
                .map_err(|e| state_error(e.to_string()))?
                .map_err(|e| state_error(e.to_string()))?;
        }
        *guard = next;
        Ok(result)
    }
}

fn state_error(detail: String) -> ApiError {
    eprintln!("emulator: cannot save state: {detail}");
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        STATE,
        "The emulator could not save its state; nothing was changed",
    )
}

/// All routes, at `/accounts/...` and `/client/v4/accounts/...`; anything else is a v4 404.
pub fn router(emulator: Arc<Emulator>) -> Router {
    Router::new().fallback(handle).with_state(emulator)
}

/// The request pipeline as a plain function, so the demo can mount it beside static files.
pub async fn handle(State(emulator): State<Arc<Emulator>>, request: Request<Body>) -> Response {
    match dispatch(&emulator, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn dispatch(emulator: &Emulator, request: Request<Body>) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    let matched = ops::match_route(&parts.method, parts.uri.path()).map_err(|e| match e {
        RouteError::NoRoute => ApiError::no_route(),
        RouteError::Method(allow) => ApiError::method_not_allowed(allow),
    })?;
    let credential = auth::check(&emulator.config.tokens, &parts.headers)?;
    // Counted per credential like Cloudflare's per-user limit: only authenticated requests to a
    // real route (401s and unknown routes cannot be attributed), whatever their outcome.
    if let Some(limiter) = &emulator.limiter {
        if let Err(retry_after) = limiter.admit(credential) {
            return Ok(rate_limit::too_many(retry_after));
        }
    }
    auth::account(
        emulator.config.account.as_deref(),
        &matched.account,
        parts.uri.path(),
    )?;
    let body = if matched.op.has_body() {
        crate::body::read_limited(body, &parts.headers, MAX_BODY).await?
    } else {
        Default::default()
    };
    handlers::run(emulator, &matched, parts.uri.query(), &body).await
}
