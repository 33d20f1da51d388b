//! `emulate`: a local Cloudflare Risk Scoring API and the Access operations the console uses.
//! Owns the configuration and the request pipeline: SSF document (public) | route → auth → rate
//! limit → account → Access permission → handler.
//! Accounts and durability live in `accounts`, handlers in `handlers`, the rules in `store`.

pub mod access;
pub mod accounts;
pub mod activity;
pub mod auth;
pub mod catalog;
mod details;
mod handlers;
pub mod paging;
pub mod rate_limit;
pub mod request_log;
pub mod rng;
pub mod seed;
mod seed_words;
pub mod ssf;
pub mod state_file;
pub mod store;
mod summary;
mod user;
pub mod validate;

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::Router;

use crate::envelope::ApiError;
use crate::ops::{self, RouteError};
use accounts::{Accounts, Snapshot};
use activity::Activity;
pub use auth::TokenPolicy;
use rate_limit::{Clock, Limiter, RateLimit};
use request_log::RequestLog;
pub use seed::Seeding;
use store::{Store, StoreError};

/// Largest request body the emulator reads (bodies here are a few hundred bytes).
pub const MAX_BODY: usize = 64 * 1024;

/// How the emulator behaves.
#[derive(Debug, Clone)]
pub struct Config {
    pub tokens: TokenPolicy,
    /// `--account`: the only account id served (lower case).
    pub account: Option<String>,
    /// `--state`: where every account's data is kept.
    pub state_file: Option<PathBuf>,
    /// `--rate-limit`, and the clock it reads.
    pub rate_limit: Option<(RateLimit, Clock)>,
    /// `--seed`, `--users`, `--apps`, `--fresh`: what each account's data is made from.
    pub seeding: Seeding,
    /// `--access-denied-token`: requests with this credential get Cloudflare's 403 from every
    /// Access operation, as a token without the Access permissions does; risk scoring works.
    pub access_denied_token: Option<String>,
    /// `--activity N/MIN`: new events as time passes (none by default).
    pub activity: Option<Activity>,
    /// `--request-log FILE`: one line per request answered.
    pub request_log: Option<PathBuf>,
}

/// The emulator: its configuration, every account's data and the rate limit.
pub struct Emulator {
    config: Config,
    accounts: Accounts,
    limiter: Option<Limiter>,
    request_log: Option<RequestLog>,
}

impl Emulator {
    /// Loads `--state` (if any) and makes the default account, so that it is ready (and saved)
    /// before the server says it is; its summary is then prepared in the background.
    pub fn start(config: Config) -> Result<Arc<Self>, String> {
        let accounts = Accounts::open(
            config.seeding,
            config.state_file.clone(),
            config.account.as_deref(),
        )?;
        accounts.warm_up();
        let limiter = config
            .rate_limit
            .clone()
            .map(|(limit, clock)| Limiter::new(limit, clock));
        let request_log = config
            .request_log
            .as_deref()
            .map(RequestLog::create)
            .transpose()?;
        let emulator = Arc::new(Self {
            config,
            accounts,
            limiter,
            request_log,
        });
        if let Some(activity) = emulator.config.activity {
            pass_time(Arc::downgrade(&emulator), activity.every);
        }
        Ok(emulator)
    }

    /// One round of `--activity` in every account held: each account's drawn users get one new
    /// event, saved and published like any write. Returns the users changed per account (none
    /// without `--activity`). The timer calls it every period; tests call it directly.
    pub async fn add_activity(&self) -> Vec<(String, Vec<String>)> {
        let Some(activity) = self.config.activity else {
            return Vec::new();
        };
        let (seed, events) = (self.config.seeding.seed, activity.events as usize);
        let mut changed = Vec::new();
        for account in self.accounts.ids() {
            let at = handlers::now();
            let users = self
                .accounts
                .write(&account, |store| Ok(store.add_activity(seed, events, at)))
                .await;
            match users {
                Ok(users) => changed.push((account, users)),
                Err(e) => eprintln!("emulator: --activity in {account}: {e:?}"),
            }
        }
        changed
    }

    /// The account the demo's `config.json` names: `--account`, else the state file's default,
    /// else the one the seed gives.
    pub fn default_account(&self) -> &str {
        self.accounts.default_account()
    }

    /// Whether `--account` pins the one account served.
    pub fn is_pinned(&self) -> bool {
        self.config.account.is_some()
    }

    async fn snapshot(&self, account: &str) -> Result<Arc<Snapshot>, ApiError> {
        self.accounts.get(account).await
    }

    /// Changes `account`'s data with `f`; acknowledged only once saved (see `accounts`).
    async fn write<R>(
        &self,
        account: &str,
        f: impl FnOnce(&mut Store) -> Result<R, StoreError>,
    ) -> Result<R, ApiError> {
        self.accounts
            .write(account, |store| f(store).map_err(handlers::store_error))
            .await
    }
}

/// Calls [`Emulator::add_activity`] every `every` while the emulator exists.
fn pass_time(emulator: std::sync::Weak<Emulator>, every: std::time::Duration) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    runtime.spawn(async move {
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        loop {
            ticks.tick().await;
            let Some(emulator) = emulator.upgrade() else {
                return;
            };
            emulator.add_activity().await;
        }
    });
}

/// All routes, at `/accounts/...` and `/client/v4/accounts/...`, and the SSF documents at
/// `/ssf/...` and `/client/v4/ssf/...`; anything else is a v4 404.
pub fn router(emulator: Arc<Emulator>) -> Router {
    Router::new().fallback(handle).with_state(emulator)
}

/// The request pipeline as a plain function, so the demo can mount it beside static files.
pub async fn handle(State(emulator): State<Arc<Emulator>>, request: Request<Body>) -> Response {
    let logged = emulator
        .request_log
        .as_ref()
        .map(|_| (request.method().clone(), request.uri().path().to_owned()));
    let response = match dispatch(&emulator, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    };
    if let (Some(log), Some((method, path))) = (&emulator.request_log, logged) {
        log.record(&method, &path, response.status());
    }
    response
}

async fn dispatch(emulator: &Emulator, request: Request<Body>) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    // Public, like Cloudflare's own: no credentials, so not rate limited either.
    if let Some(integration) = ssf::match_path(parts.uri.path()) {
        return ssf::serve(&emulator.accounts, &parts.method, integration);
    }
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
    let account = auth::account(
        emulator.config.account.as_deref(),
        &matched.account,
        parts.uri.path(),
    )?;
    if matched.op.is_access() {
        auth::access_permission(emulator.config.access_denied_token.as_deref(), credential)?;
    }
    let body = if matched.op.has_body() {
        crate::body::read_limited(body, &parts.headers, MAX_BODY).await?
    } else {
        Default::default()
    };
    handlers::run(emulator, &account, &matched, parts.uri.query(), &body).await
}
