//! Browser storage for settings: overrides in localStorage, the token in sessionStorage unless
//! the admin chose to remember it on this device; and small per-tab values such as a list's last
//! view. Storage failures (private mode, quota) are tolerated: the console keeps working with
//! in-memory values.

use web_sys::Storage;

pub const KEY_BASE_URL: &str = "zt-risk.api_base_url";
pub const KEY_ACCOUNT: &str = "zt-risk.account_id";
pub const KEY_TOKEN: &str = "zt-risk.token";
/// The users list's last query, for this tab (see `routes::users_remembered`).
pub const KEY_USERS_QUERY: &str = "zt.users.query";
/// Prefix of the behavior ids seen per account (`zt.behaviors.seen.<account>`), on this device.
pub const KEY_SEEN_BEHAVIORS: &str = "zt.behaviors.seen.";

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn get(storage: Option<Storage>, key: &str) -> Option<String> {
    storage?
        .get_item(key)
        .ok()
        .flatten()
        .filter(|v| !v.is_empty())
}

fn set(storage: Option<Storage>, key: &str, value: Option<&str>) {
    if let Some(storage) = storage {
        // A failed write only means the value is not kept across reloads.
        let _ = match value {
            Some(v) if !v.is_empty() => storage.set_item(key, v),
            _ => storage.remove_item(key),
        };
    }
}

/// What this browser has saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    pub api_base_url: Option<String>,
    pub account_id: Option<String>,
    pub token: Option<String>,
    /// The token came from localStorage ("Remember on this device").
    pub remember: bool,
}

/// Reads what is saved; a remembered token wins over a session one.
pub fn load() -> Saved {
    let remembered = get(local(), KEY_TOKEN);
    Saved {
        api_base_url: get(local(), KEY_BASE_URL),
        account_id: get(local(), KEY_ACCOUNT),
        remember: remembered.is_some(),
        token: remembered.or_else(|| get(session(), KEY_TOKEN)),
    }
}

/// Saves the connection overrides (`None` clears one back to the config.json default).
pub fn save_connection(api_base_url: Option<&str>, account_id: Option<&str>) {
    set(local(), KEY_BASE_URL, api_base_url);
    set(local(), KEY_ACCOUNT, account_id);
}

/// Saves the token where the admin chose, and removes it from the other storage.
pub fn save_token(token: Option<&str>, remember: bool) {
    let (keep, drop) = if remember {
        (local(), session())
    } else {
        (session(), local())
    };
    set(keep, KEY_TOKEN, token);
    set(drop, KEY_TOKEN, None);
}

/// A value kept for this tab only (sessionStorage), if there is one.
pub fn tab_value(key: &str) -> Option<String> {
    get(session(), key)
}

/// Keeps `value` for this tab only (sessionStorage); `None` or empty removes it.
pub fn set_tab_value(key: &str, value: Option<&str>) {
    set(session(), key, value);
}

/// A value kept on this device (localStorage), if there is one.
pub fn device_value(key: &str) -> Option<String> {
    get(local(), key)
}

/// Keeps `value` on this device (localStorage); `None` or empty removes it.
pub fn set_device_value(key: &str, value: Option<&str>) {
    set(local(), key, value);
}
