//! The admin's session: runtime defaults, the connection profiles, the active one and each
//! profile's API token, in one context.
//!
//! Owns where settings live; must never put the token in a URL, a log, or the DOM.

mod config;
pub mod profiles;
pub mod storage;

pub use config::RuntimeConfig;
pub use profiles::Profile;

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

/// A profile as the Settings form validated it (`SettingsDraft::validate`), ready to save.
/// A `None` token keeps the saved one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSettings {
    pub profile: Profile,
    pub token: Option<String>,
    /// Keep the token in localStorage ("Remember on this device") rather than sessionStorage.
    pub remember: bool,
}

/// Reactive session state, provided once at the root.
#[derive(Clone, Copy)]
pub struct Session {
    pub config: StoredValue<RuntimeConfig>,
    profiles: RwSignal<Vec<Profile>>,
    active: RwSignal<String>,
    /// Bumped when a token is saved or forgotten: tokens live in storage, not in a signal.
    tokens: RwSignal<u32>,
    /// Bumped by every profile switch; the layout renders the page anew for it.
    generation: RwSignal<u32>,
}

impl Session {
    /// Reads browser storage once (migrating what was saved before profiles existed), on top
    /// of the runtime config.
    pub fn new(config: RuntimeConfig) -> Self {
        let declared = config.profiles();
        let (base, account) = storage::migrate(&declared[0].name);
        let mut list = storage::saved_profiles()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| declared.clone());
        let migrated = base.is_some() || account.is_some();
        if let (true, Some(first)) = (migrated, list.first_mut()) {
            first.api_base_url = base.unwrap_or(std::mem::take(&mut first.api_base_url));
            first.account_id = account.unwrap_or(std::mem::take(&mut first.account_id));
        }
        let active = storage::active_profile()
            .and_then(|n| profiles::find(&list, &n).map(|p| p.name.clone()))
            .unwrap_or_else(|| list[0].name.clone());
        let session = Self {
            config: StoredValue::new(config),
            profiles: RwSignal::new(Vec::new()),
            active: RwSignal::new(active),
            tokens: RwSignal::new(0),
            generation: RwSignal::new(0),
        };
        session.store(list);
        session
    }

    /// Keeps `list`; storage holds it only while it differs from config.json's.
    fn store(&self, list: Vec<Profile>) {
        let declared = self.config.with_value(RuntimeConfig::profiles);
        storage::save_profiles((list != declared).then_some(&list[..]));
        self.profiles.set(list);
    }

    /// Every profile, in order (reactive).
    pub fn profiles(&self) -> Vec<Profile> {
        self.profiles.get()
    }

    /// The active profile's name (reactive).
    pub fn active_name(&self) -> String {
        self.active.get()
    }

    /// Whether `name` is the active profile (not tracked: for event handlers).
    pub fn is_active(&self, name: &str) -> bool {
        profiles::same_name(&self.active.get_untracked(), name)
    }

    /// Changes with every profile switch (reactive).
    pub fn generation(&self) -> u32 {
        self.generation.get()
    }

    /// The profile called `name`, if there is one (reactive).
    pub fn profile(&self, name: &str) -> Option<Profile> {
        self.profiles.with(|l| profiles::find(l, name).cloned())
    }

    /// The token saved for profile `name` and where (reactive).
    pub fn saved(&self, name: &str) -> storage::Saved {
        self.tokens.track();
        storage::load(name)
    }

    /// The effective connection: the active profile and its token (reactive).
    pub fn connection(&self) -> Connection {
        let name = self.active.get();
        let profile = self.profile(&name).unwrap_or_default();
        Connection {
            api_base_url: profile.api_base_url,
            account_id: profile.account_id,
            token: self
                .saved(&name)
                .token
                .or_else(|| self.config.with_value(|c| c.demo_token.clone())),
        }
    }

    /// Where [`connection`](Self::connection) finds the active profile's token (not tracked):
    /// the storage key of a saved token, and config.json's demo token when none is saved.
    pub fn token_source(&self) -> (String, Option<String>) {
        let name = self.active.get_untracked();
        let demo = storage::load(&name).token.is_none();
        let demo = demo.then(|| self.config.with_value(|c| c.demo_token.clone()));
        (storage::token_key(&name), demo.flatten())
    }

    /// Makes `name` the active profile; false if there is no such profile. Dropping what was
    /// loaded for the previous one is `state::profile::switch`'s job.
    pub fn select(&self, name: &str) -> bool {
        let Some(profile) = self.profile(name) else {
            return false;
        };
        storage::set_active_profile(&profile.name);
        storage::forget_boot_request();
        self.active.set(profile.name);
        self.generation.update(|g| *g += 1);
        true
    }

    /// Stores validated settings for the profile called `current` (`None`: a new profile). A
    /// `None` token keeps the saved one (only its storage place may change).
    pub fn save(&self, current: Option<&str>, settings: ValidSettings) {
        let name = settings.profile.name.clone();
        storage::forget_boot_request();
        if let Some(old) = current {
            storage::move_token(old, &name);
            if profiles::same_name(old, &self.active.get_untracked()) {
                storage::set_active_profile(&name);
                self.active.set(name.clone());
            }
        }
        let mut list = self.profiles.get_untracked();
        profiles::upsert(&mut list, current, settings.profile);
        self.store(list);
        let token = settings.token.or_else(|| storage::load(&name).token);
        storage::save_token(&name, token.as_deref(), settings.remember);
        self.tokens.update(|n| *n += 1);
    }

    /// Adds a copy of profile `name` (without its token); returns the copy's name.
    pub fn duplicate(&self, name: &str) -> Option<String> {
        let mut list = self.profiles.get_untracked();
        let copy = Profile {
            name: profiles::copy_name(&list, name),
            ..profiles::find(&list, name)?.clone()
        };
        let copy_name = copy.name.clone();
        list.push(copy);
        self.store(list);
        Some(copy_name)
    }

    /// Deletes profile `name` and its token; the last profile cannot be deleted. The caller
    /// switches away first if it is the active one.
    pub fn remove(&self, name: &str) {
        let mut list = self.profiles.get_untracked();
        list.retain(|p| !profiles::same_name(&p.name, name));
        if !list.is_empty() {
            self.forget_token(name);
            self.store(list);
        }
    }

    /// Removes profile `name`'s saved token from both storages.
    pub fn forget_token(&self, name: &str) {
        storage::save_token(name, None, false);
        self.tokens.update(|n| *n += 1);
    }

    pub fn is_demo(&self) -> bool {
        self.config.with_value(|c| c.demo)
    }
}

/// The session provided at the root.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
