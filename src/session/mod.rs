//! The admin's session: runtime defaults, saved overrides and the API token, in one context.
//!
//! Owns where settings live; must never put the token in a URL, a log, or the DOM.

mod config;
pub mod storage;

pub use config::RuntimeConfig;

use leptos::prelude::*;

/// The settings a request is made with, after defaults and overrides are merged.
#[derive(Clone, PartialEq, Eq)]
pub struct Connection {
    pub api_base_url: String,
    pub account_id: String,
    pub token: Option<String>,
}

impl std::fmt::Debug for Connection {
    // The token is never printed, not even in debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("api_base_url", &self.api_base_url)
            .field("account_id", &self.account_id)
            .field("token", &self.token.as_ref().map(|_| "<hidden>"))
            .finish()
    }
}

/// Settings as the Settings form validated them (`SettingsDraft::validate`), ready to save.
/// `None` overrides mean "use the config.json default"; a `None` token keeps the saved one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSettings {
    pub api_base_url: Option<String>,
    pub account_id: Option<String>,
    pub token: Option<String>,
    /// Keep the token in localStorage ("Remember on this device") rather than sessionStorage.
    pub remember: bool,
}

/// Reactive session state, provided once at the root.
#[derive(Clone, Copy)]
pub struct Session {
    pub config: StoredValue<RuntimeConfig>,
    saved: RwSignal<storage::Saved>,
}

impl Session {
    /// Reads browser storage once, on top of the runtime config.
    pub fn new(config: RuntimeConfig) -> Self {
        Self {
            config: StoredValue::new(config),
            saved: RwSignal::new(storage::load()),
        }
    }

    /// The saved overrides and token, as the browser has them.
    pub fn saved(&self) -> storage::Saved {
        self.saved.get()
    }

    /// The effective connection (reactive).
    pub fn connection(&self) -> Connection {
        let saved = self.saved.get();
        let config = self.config.get_value();
        Connection {
            api_base_url: saved.api_base_url.unwrap_or(config.api_base_url),
            account_id: saved.account_id.unwrap_or(config.account_id),
            token: saved.token.or(config.demo_token),
        }
    }

    /// Stores validated settings. A `None` token keeps the current one (only its storage place
    /// may change); `forget_token` removes it.
    pub fn save(&self, settings: ValidSettings) {
        storage::save_connection(
            settings.api_base_url.as_deref(),
            settings.account_id.as_deref(),
        );
        let token = settings.token.or_else(|| self.saved.get_untracked().token);
        storage::save_token(token.as_deref(), settings.remember);
        self.saved.set(storage::load());
    }

    /// Removes the saved token from both storages.
    pub fn forget_token(&self) {
        storage::save_token(None, false);
        self.saved.set(storage::load());
    }

    pub fn is_demo(&self) -> bool {
        self.config.with_value(|c| c.demo)
    }
}

/// The session provided at the root.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
