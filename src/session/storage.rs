//! Browser storage for settings: profiles the admin changed in localStorage, each profile's
//! token in sessionStorage unless the admin chose to remember it on this device; the theme;
//! and small per-tab values such as a list's last view. Every key starts with [`PREFIX`];
//! `public/boot.js` reads two of them before the console loads and names them once, in its
//! `KEYS` (a test below checks they match). Storage failures (private mode, quota) are
//! tolerated: the console keeps working with in-memory values.

use web_sys::Storage;

use super::profiles::{self, Profile};
use crate::text::lowercase;

/// What every key of the console starts with.
pub const PREFIX: &str = "zt-risk.";
/// Connection profiles the admin changed (JSON), in localStorage; absent = config.json's.
pub const KEY_PROFILES: &str = "zt-risk.profiles";
/// The active profile's name: this tab's in sessionStorage, the last one used in localStorage.
pub const KEY_ACTIVE: &str = "zt-risk.profile";
/// Prefix of each profile's token key (`zt-risk.token:<lower-case name>`); alone, the key of the
/// single token saved before profiles existed.
pub const KEY_TOKEN: &str = "zt-risk.token";
/// The theme chosen in the header ("light" or "dark"; absent = the system's). `public/boot.js`
/// reads it too, to apply it before the first paint.
pub const KEY_THEME: &str = "zt-risk.theme";
/// The hint `public/boot.js` reads to send the landing page's request while the wasm loads
/// (`api::boot_request`): a URL and where the token is kept, never a saved token.
pub const KEY_BOOT_REQUEST: &str = "zt-risk.boot-request";
/// Before profiles: the single saved override of config.json's keys (migrated, then removed).
pub const KEY_BASE_URL: &str = "zt-risk.api_base_url";
pub const KEY_ACCOUNT: &str = "zt-risk.account_id";
/// The users list's last query, for this tab (see `state::last_users_view`).
pub const KEY_USERS_QUERY: &str = "zt-risk.users-query";
/// Prefix of the behavior ids seen per account (`zt-risk.behaviors-seen:<account>`), on this
/// device.
pub const KEY_SEEN_BEHAVIORS: &str = "zt-risk.behaviors-seen:";
/// Prefix of this tab's visit of a profile (`zt-risk.visit:<database name>`): when it
/// started and when the profile was last seen before (`memory::context`).
pub const KEY_VISIT: &str = "zt-risk.visit:";
/// Where an earlier version kept the behavior ids seen (`zt.behaviors.seen.<account>`): read
/// once, moved to [`KEY_SEEN_BEHAVIORS`].
const OLD_SEEN_BEHAVIORS: &str = "zt.behaviors.seen.";

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

/// Writes `value` (`None` or empty: removes the key) unless storage holds it already: every
/// load clears keys that are almost never there, and a write to storage costs milliseconds of
/// the first paint where a read costs microseconds.
fn set(storage: Option<Storage>, key: &str, value: Option<&str>) {
    if let Some(storage) = storage {
        let value = value.filter(|v| !v.is_empty());
        if storage.get_item(key).ok().flatten().as_deref() == value {
            return;
        }
        // A failed write only means the value is not kept across reloads.
        let _ = match value {
            Some(v) => storage.set_item(key, v),
            None => storage.remove_item(key),
        };
    }
}

/// A profile's saved token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    pub token: Option<String>,
    /// The token came from localStorage ("Remember on this device").
    pub remember: bool,
}

/// Where the token of the profile called `name` is kept (names compare without case).
pub fn token_key(name: &str) -> String {
    format!("{KEY_TOKEN}:{}", lowercase(name.trim()))
}

/// The token saved for profile `name`; a remembered one wins over a session one.
pub fn load(name: &str) -> Saved {
    let key = token_key(name);
    let remembered = get(local(), &key);
    Saved {
        remember: remembered.is_some(),
        token: remembered.or_else(|| get(session(), &key)),
    }
}

/// Saves profile `name`'s token where the admin chose, and removes it from the other storage.
pub fn save_token(name: &str, token: Option<&str>, remember: bool) {
    let (keep, drop) = if remember {
        (local(), session())
    } else {
        (session(), local())
    };
    let key = token_key(name);
    set(keep, &key, token);
    set(drop, &key, None);
}

/// Moves a renamed profile's token to its new name, in whichever storage holds it.
pub fn move_token(from: &str, to: &str) {
    let (from, to) = (token_key(from), token_key(to));
    if from != to {
        for storage in [local(), session()] {
            if let Some(token) = get(storage.clone(), &from) {
                set(storage.clone(), &to, Some(&token));
                set(storage, &from, None);
            }
        }
    }
}

/// The profile list the admin saved, if any (unreadable JSON counts as none).
pub fn saved_profiles() -> Option<Vec<Profile>> {
    profiles::parse(&get(local(), KEY_PROFILES)?)
}

/// Saves the admin's profile list; `None` goes back to config.json's.
pub fn save_profiles(list: Option<&[Profile]>) {
    set(
        local(),
        KEY_PROFILES,
        list.map(profiles::to_json).as_deref(),
    );
}

/// This tab's active profile, else the one last used in this browser.
pub fn active_profile() -> Option<String> {
    get(session(), KEY_ACTIVE).or_else(|| get(local(), KEY_ACTIVE))
}

/// Makes `name` this tab's profile and the one new tabs open with.
pub fn set_active_profile(name: &str) {
    set(session(), KEY_ACTIVE, Some(name));
    set(local(), KEY_ACTIVE, Some(name));
}

/// Takes what was saved before profiles existed: the overrides of config.json's two keys
/// (returned, then removed) and the token, moved to profile `first` in the storage it was in.
pub fn migrate(first: &str) -> (Option<String>, Option<String>) {
    for storage in [local(), session()] {
        if let Some(token) = get(storage.clone(), KEY_TOKEN) {
            if get(storage.clone(), &token_key(first)).is_none() {
                set(storage.clone(), &token_key(first), Some(&token));
            }
            set(storage, KEY_TOKEN, None);
        }
    }
    let taken = (get(local(), KEY_BASE_URL), get(local(), KEY_ACCOUNT));
    set(local(), KEY_BASE_URL, None);
    set(local(), KEY_ACCOUNT, None);
    taken
}

/// Forgets the hint of [`KEY_BOOT_REQUEST`]: after a profile switch or a settings change it
/// would name another connection. The next load sends the request itself and leaves a new one.
pub fn forget_boot_request() {
    set(local(), KEY_BOOT_REQUEST, None);
}

/// A value kept for this tab only (sessionStorage), if there is one.
pub fn tab_value(key: &str) -> Option<String> {
    get(session(), key)
}

/// Keeps `value` for this tab only (sessionStorage); `None` or empty removes it.
pub fn set_tab_value(key: &str, value: Option<&str>) {
    set(session(), key, value);
}

/// The behavior ids seen for `account` on this device (a JSON list), moved from where an
/// earlier version kept them if need be.
pub fn seen_behaviors(account: &str) -> Option<String> {
    let key = format!("{KEY_SEEN_BEHAVIORS}{account}");
    get(local(), &key).or_else(|| {
        let old = format!("{OLD_SEEN_BEHAVIORS}{account}");
        let value = get(local(), &old)?;
        set(local(), &key, Some(&value));
        set(local(), &old, None);
        Some(value)
    })
}

/// Remembers the behavior ids seen for `account` (a JSON list) on this device.
pub fn set_seen_behaviors(account: &str, ids: &str) {
    set(
        local(),
        &format!("{KEY_SEEN_BEHAVIORS}{account}"),
        Some(ids),
    );
}

/// A value kept on this device (localStorage), if there is one.
pub fn device_value(key: &str) -> Option<String> {
    get(local(), key)
}

/// Keeps `value` on this device (localStorage); `None` or empty removes it.
pub fn set_device_value(key: &str, value: Option<&str>) {
    set(local(), key, value);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `public/boot.js` names the keys it reads once, in `const KEYS = {...}`.
    #[test]
    fn boot_js_reads_the_keys_the_console_writes() {
        let boot = include_str!("../../public/boot.js");
        for (name, key) in [("theme", KEY_THEME), ("bootRequest", KEY_BOOT_REQUEST)] {
            assert!(boot.contains(&format!("{name}: '{key}'")), "{name}");
        }
        assert_eq!(
            boot.matches(PREFIX).count(),
            2,
            "no key written by hand elsewhere"
        );
    }

    #[test]
    fn every_key_has_the_prefix() {
        for key in [
            KEY_PROFILES,
            KEY_ACTIVE,
            KEY_TOKEN,
            KEY_THEME,
            KEY_BOOT_REQUEST,
            KEY_BASE_URL,
            KEY_ACCOUNT,
            KEY_USERS_QUERY,
            KEY_SEEN_BEHAVIORS,
            KEY_VISIT,
        ] {
            assert!(key.starts_with(PREFIX), "{key}");
        }
    }
}
