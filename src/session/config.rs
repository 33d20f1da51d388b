//! The runtime `config.json` served next to index.html: deployment defaults for one build.

use serde::Deserialize;

use super::profiles::{self, Profile};

/// Deployment defaults. Never holds a real credential: `demo_token` is only for the local
/// demo emulator, which accepts it and nothing else matters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RuntimeConfig {
    #[serde(default)]
    pub api_base_url: String,
    #[serde(default)]
    pub account_id: String,
    /// Named connections; when absent, the two keys above make one profile. Read by the
    /// browser's JSON parser (see `profiles::from_js`), not by serde.
    #[serde(skip)]
    pub profiles: Vec<Profile>,
    /// True when served by `zt-risk-server demo`.
    #[serde(default)]
    pub demo: bool,
    #[serde(default)]
    pub demo_token: Option<String>,
    /// Why config.json could not be used, if it could not (shown in Settings).
    #[serde(skip)]
    pub load_error: Option<String>,
}

impl RuntimeConfig {
    /// The profiles this deployment declares (never empty).
    pub fn profiles(&self) -> Vec<Profile> {
        profiles::from_config(&self.profiles, &self.api_base_url, &self.account_id)
    }

    /// Fetches `/config.json` (the site root: deep links must not change where it is read); a failure yields empty defaults and a note.
    pub async fn load() -> Self {
        let fetched = async {
            let response = gloo_net::http::Request::get("/config.json")
                .cache(web_sys::RequestCache::NoCache)
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if !response.ok() {
                return Err(format!("HTTP {}", response.status()));
            }
            let text = response.text().await.map_err(|e| e.to_string())?;
            let mut config = serde_json::from_str::<RuntimeConfig>(&text)
                .map_err(|e| format!("invalid JSON: {e}"))?;
            config.profiles = js_sys::JSON::parse(&text)
                .and_then(|v| js_sys::Reflect::get(&v, &"profiles".into()))
                .ok()
                .and_then(|v| profiles::from_js(&v))
                .unwrap_or_default();
            Ok(config)
        };
        fetched.await.unwrap_or_else(|e| RuntimeConfig {
            load_error: Some(format!(
                "config.json could not be loaded ({e}); using no defaults."
            )),
            ..Default::default()
        })
    }
}
