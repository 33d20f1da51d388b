//! The Settings form as typed, and its validation into what gets saved.

use zt_risk_api::validate::{self, FieldError};

use crate::session::profiles::check_name;
use crate::session::{Connection, Profile, ValidSettings};

/// What the Settings form holds: one profile and its token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsDraft {
    pub name: String,
    pub api_base_url: String,
    pub account_id: String,
    /// A newly typed token; empty keeps the saved one.
    pub token: String,
    pub remember: bool,
}

/// Checks a proxy base URL: absolute http(s), no credentials, query or fragment.
pub fn base_url(input: &str) -> Result<String, FieldError> {
    let err = |m: &str| Err(FieldError::new("api_base_url", m));
    let trimmed = input.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return err("Enter the base URL of the CORS proxy, for example https://proxy.example.com/client/v4.");
    }
    let Ok(url) = web_sys::Url::new(trimmed) else {
        return err("This is not a valid URL.");
    };
    if url.protocol() != "https:" && url.protocol() != "http:" {
        return err("The URL must start with https:// (or http:// for a local proxy).");
    }
    if !url.username().is_empty() || !url.password().is_empty() {
        return err("Do not put credentials in the URL; use the API token field.");
    }
    if !url.search().is_empty() || !url.hash().is_empty() {
        return err("The base URL cannot have a query (?) or fragment (#).");
    }
    Ok(trimmed.to_owned())
}

impl SettingsDraft {
    /// The form prefilled with a saved profile.
    pub fn from_profile(profile: &Profile, remember: bool) -> Self {
        Self {
            name: profile.name.clone(),
            api_base_url: profile.api_base_url.clone(),
            account_id: profile.account_id.clone(),
            token: String::new(),
            remember,
        }
    }

    /// Validates every field at once, for the profile now called `current` (`None`: a new one)
    /// among `profiles`.
    pub fn validate(
        &self,
        profiles: &[Profile],
        current: Option<&str>,
    ) -> Result<ValidSettings, Vec<FieldError>> {
        let name = check_name(profiles, &self.name, current)
            .map_err(|m| FieldError::new("profile_name", m));
        let base = base_url(&self.api_base_url);
        let account = validate::account_id(&self.account_id);
        match (name, base, account) {
            (Ok(name), Ok(api_base_url), Ok(account_id)) => Ok(ValidSettings {
                profile: Profile {
                    name,
                    api_base_url,
                    account_id,
                },
                token: Some(self.token.trim().to_owned()).filter(|t| !t.is_empty()),
                remember: self.remember,
            }),
            (name, base, account) => Err([name.err(), base.err(), account.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
    }

    /// The connection to test: typed values, the saved token unless a new one is typed.
    pub fn connection(&self, saved_token: Option<String>) -> Connection {
        Connection {
            api_base_url: self.api_base_url.trim().to_owned(),
            account_id: self.account_id.trim().to_owned(),
            token: Some(self.token.trim().to_owned())
                .filter(|t| !t.is_empty())
                .or(saved_token),
        }
    }
}
