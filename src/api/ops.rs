//! The typed operations pages call: one function per API operation, no URLs anywhere else.
//! Reads go through the short-lived cache; writes invalidate what they change.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use zt_risk_api::paths::{self, Method};
use zt_risk_api::validate::is_uuid;
use zt_risk_api::{
    BehaviorUpdate, Behaviors, CreateIntegration, Empty, Integration, RiskEvents, SsfConfiguration,
    UpdateBehaviors, UpdateIntegration, UserRiskInfo,
};

use super::client::{Api, Call};
use super::error::ApiError;
use super::transport::HttpRequest;

const PII_READ: &str = "Zero Trust: PII Read";
const READ: &str = "Zero Trust Read";
const WRITE: &str = "Zero Trust Write";

fn uuid(what: &str, id: &str) -> Result<(), ApiError> {
    if is_uuid(id) {
        Ok(())
    } else {
        Err(ApiError::InvalidId(format!(
            "\"{id}\" is not a valid {what}: it should be a UUID."
        )))
    }
}

impl Api {
    fn account(&self) -> String {
        self.connection().account_id
    }

    fn get(path: Result<String, paths::PathError>, permission: &'static str) -> Call {
        Call {
            method: Method::Get,
            path,
            body: None,
            permission,
            auth: true,
        }
    }

    /// A change: every write needs the write permission.
    fn change(
        method: Method,
        path: Result<String, paths::PathError>,
        body: Option<String>,
    ) -> Call {
        Call {
            method,
            path,
            body,
            permission: WRITE,
            auth: true,
        }
    }

    /// A read, served from the cache when fresh; `key` names it for invalidation.
    async fn read<T: DeserializeOwned + Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        call: Call,
    ) -> Result<T, ApiError> {
        let key = self.cache_key(key);
        if let Some(hit) = self.cached(&key) {
            return Ok(hit);
        }
        let value = self.send(call).await?.result;
        self.keep(&key, &value);
        Ok(value)
    }

    /// The cache key of the read `key` in the current account.
    fn cache_key(&self, key: &str) -> String {
        format!("{}:{key}", self.account())
    }

    /// A fresh cached value, unless this client reads past the cache.
    fn cached<T: Clone + Send + Sync + 'static>(&self, key: &str) -> Option<T> {
        self.cache
            .filter(|_| !self.bypass_cache)
            .and_then(|cache| cache.get(key))
    }

    /// Keeps a copy of `value` (keep it cheap to clone: an `Arc` for big results).
    fn keep<T: Clone + Send + Sync + 'static>(&self, key: &str, value: &T) {
        if let Some(cache) = self.cache {
            cache.put(key, value.clone());
        }
    }

    /// A write; on success, forgets cached reads whose key starts with any of `stale`.
    async fn write<T: DeserializeOwned>(&self, call: Call, stale: &[&str]) -> Result<T, ApiError> {
        let value = self.send(call).await?.result;
        if let Some(cache) = self.cache {
            for prefix in stale {
                cache.invalidate(&format!("{}:{prefix}", self.account()));
            }
        }
        Ok(value)
    }

    fn json<B: serde::Serialize>(body: &B) -> Result<Option<String>, ApiError> {
        serde_json::to_string(body)
            .map(Some)
            .map_err(|e| ApiError::Unsendable(e.to_string()))
    }

    /// `GET /summary`: users with risk events. The one result that grows with the tenant
    /// (50,000 users are 6 MB of JSON): decoded while it arrives, and shared with the cache
    /// rather than copied into it.
    pub async fn summary(&self) -> Result<Arc<Vec<UserRiskInfo>>, ApiError> {
        let key = self.cache_key("summary");
        if let Some(hit) = self.cached(&key) {
            return Ok(hit);
        }
        let call = Self::get(paths::summary(&self.account()), PII_READ);
        let summary = self.send_summary(call).await?.result;
        let users = Arc::new(summary.users);
        self.keep(&key, &users);
        Ok(users)
    }

    /// The request [`summary`](Self::summary) sends, for starting it early (`boot_request`).
    pub(crate) fn summary_request(&self) -> Result<HttpRequest, ApiError> {
        let call = Self::get(paths::summary(&self.account()), PII_READ);
        self.request(call).map(|(request, _)| request)
    }

    /// `GET /{user_id}`: one user's events.
    pub async fn user(&self, user_id: &str) -> Result<RiskEvents, ApiError> {
        uuid("user ID", user_id)?;
        let call = Self::get(paths::user(&self.account(), user_id), PII_READ);
        self.read(&format!("user:{user_id}"), call).await
    }

    /// `POST /{user_id}/reset`: clears a user's score.
    pub async fn reset(&self, user_id: &str) -> Result<(), ApiError> {
        uuid("user ID", user_id)?;
        let path = paths::reset(&self.account(), user_id);
        let call = Self::change(Method::Post, path, None);
        self.write::<Empty>(call, &["summary", &format!("user:{user_id}")])
            .await
            .map(drop)
    }

    /// `GET /behaviors`
    pub async fn behaviors(&self) -> Result<Behaviors, ApiError> {
        self.read(
            "behaviors",
            Self::get(paths::behaviors(&self.account()), READ),
        )
        .await
    }

    /// `PUT /behaviors` with only the given behaviors (the API merges by key).
    pub async fn put_behaviors(
        &self,
        changes: BTreeMap<String, BehaviorUpdate>,
    ) -> Result<UpdateBehaviors, ApiError> {
        let path = paths::behaviors(&self.account());
        let body = Self::json(&UpdateBehaviors { behaviors: changes })?;
        let call = Self::change(Method::Put, path, body);
        self.write(call, &["behaviors", "summary", "user:"]).await
    }

    /// `GET /integrations`
    pub async fn integrations(&self) -> Result<Vec<Integration>, ApiError> {
        self.read(
            "integrations",
            Self::get(paths::integrations(&self.account()), READ),
        )
        .await
    }

    /// `POST /integrations`
    pub async fn create_integration(
        &self,
        body: &CreateIntegration,
    ) -> Result<Integration, ApiError> {
        let path = paths::integrations(&self.account());
        let call = Self::change(Method::Post, path, Self::json(body)?);
        self.write(call, &["integration"]).await
    }

    /// `GET /integrations/{id}`
    pub async fn integration(&self, id: &str) -> Result<Integration, ApiError> {
        uuid("integration ID", id)?;
        let call = Self::get(paths::integration(&self.account(), id), READ);
        self.read(&format!("integration:{id}"), call).await
    }

    /// `GET /integrations/reference_id/{reference_id}` (never cached: it is a search).
    pub async fn integration_by_reference(
        &self,
        reference_id: &str,
    ) -> Result<Integration, ApiError> {
        let call = Self::get(
            paths::integration_by_reference(&self.account(), reference_id),
            READ,
        );
        self.send(call).await.map(|page| page.result)
    }

    /// `PUT /integrations/{id}`: overwrites active, tenant URL and reference id.
    pub async fn update_integration(
        &self,
        id: &str,
        body: &UpdateIntegration,
    ) -> Result<Integration, ApiError> {
        uuid("integration ID", id)?;
        let path = paths::integration(&self.account(), id);
        let call = Self::change(Method::Put, path, Self::json(body)?);
        self.write(call, &["integration"]).await
    }

    /// `DELETE /integrations/{id}`
    pub async fn delete_integration(&self, id: &str) -> Result<(), ApiError> {
        uuid("integration ID", id)?;
        let path = paths::integration(&self.account(), id);
        let call = Self::change(Method::Delete, path, None);
        self.write::<Empty>(call, &["integration"]).await.map(drop)
    }

    /// `GET {base}/ssf/.well-known/sse-configuration/{id}`: the integration's SSF configuration,
    /// through the proxy (which forwards it to Cloudflare's SSF host) or the demo emulator.
    ///
    /// Sent without the token: the document is public (Okta reads it without one), the proxy
    /// strips credentials on this path anyway, and a GET without `Authorization` needs no CORS
    /// preflight. Never cached: "Check" must really fetch it.
    pub async fn ssf_configuration(&self, id: &str) -> Result<SsfConfiguration, ApiError> {
        uuid("integration ID", id)?;
        let mut call = Self::get(paths::ssf_configuration(id), READ);
        call.auth = false;
        self.send_document(call).await
    }
}
