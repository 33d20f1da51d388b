//! The typed operations pages call: one function per API operation, no URLs anywhere else.
//! Reads go through the short-lived cache; writes invalidate what they change.

use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;

use chrono::{DateTime, Utc};

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
use crate::memory::keeper::Keeper;
use crate::state::cache::{key, Key, Stale};

const PII_READ: &str = "Zero Trust: PII Read";
const READ: &str = "Zero Trust Read";
const WRITE: &str = "Zero Trust Write";

pub(super) fn uuid(what: &str, id: &str) -> Result<(), ApiError> {
    if is_uuid(id) {
        Ok(())
    } else {
        Err(ApiError::InvalidId(format!(
            "\"{id}\" is not a valid {what}: it should be a UUID."
        )))
    }
}

impl Api {
    pub(super) fn account(&self) -> String {
        self.connection().account_id
    }

    pub(super) fn get(path: Result<String, paths::PathError>, permission: &'static str) -> Call {
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

    /// A read, served from the cache when fresh: `fetch` runs only on a miss (or past the
    /// cache), and its result is kept under `key`.
    pub(super) async fn read<K: Key>(
        &self,
        key: K,
        fetch: impl Future<Output = Result<K::Value, ApiError>>,
    ) -> Result<K::Value, ApiError> {
        let account = self.account();
        let cache = self.cache.filter(|_| !self.bypass_cache);
        if let Some(hit) = cache.and_then(|c| c.get(&account, &key)) {
            return Ok(hit);
        }
        let value = fetch.await?;
        if let Some(cache) = self.cache {
            cache.put(&account, &key, value.clone());
        }
        Ok(value)
    }

    /// Records what was just read in the profile's memory, off the page's path (`record` runs
    /// in the browser's first idle period after the next painted frame, once the profile's
    /// database is open; nothing happens where the browser keeps nothing).
    fn remember<F: Future<Output = ()> + 'static>(
        &self,
        record: impl FnOnce(Rc<dyn Keeper>, DateTime<Utc>) -> F + 'static,
    ) {
        let Some(memory) = self.memory else {
            return;
        };
        let now = Utc::now();
        leptos::task::spawn_local(async move {
            crate::memory::idle().await;
            if let Some(profile) = memory.profile().await {
                record(Rc::clone(&profile), now).await;
                memory.report(&*profile);
            }
        });
    }

    /// The result of `call`.
    pub(super) async fn fetch<T: DeserializeOwned>(&self, call: Call) -> Result<T, ApiError> {
        Ok(self.send(call).await?.result)
    }

    /// A write; on success, forgets the cached reads it makes `stale`. `None`: the API
    /// answered with no body (`204`), so the caller reads back what it shows.
    pub(super) async fn write<T: DeserializeOwned>(
        &self,
        call: Call,
        stale: &[Stale<'_>],
    ) -> Result<Option<T>, ApiError> {
        let value = self.send_write(call).await?;
        if let Some(cache) = self.cache {
            cache.forget(&self.account(), stale);
        }
        Ok(value)
    }

    pub(super) fn json<B: serde::Serialize>(body: &B) -> Result<Option<String>, ApiError> {
        serde_json::to_string(body)
            .map(Some)
            .map_err(|e| ApiError::Unsendable(e.to_string()))
    }

    /// `GET /summary`: users with risk events. The one result that grows with the tenant
    /// (50,000 users are 6 MB of JSON): decoded while it arrives, and shared with the cache
    /// rather than copied into it.
    pub async fn summary(&self) -> Result<Arc<Vec<UserRiskInfo>>, ApiError> {
        let call = Self::get(paths::summary(&self.account()), PII_READ);
        self.read(key::Summary, async {
            let users = Arc::new(self.send_summary(call).await?.result.users);
            let kept = Arc::clone(&users);
            self.remember(
                move |profile, now| async move { profile.record_summary(kept, now).await },
            );
            Ok(users)
        })
        .await
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
        self.read(key::User(user_id), self.fetch(call)).await
    }

    /// `POST /{user_id}/reset`: clears a user's score.
    pub async fn reset(&self, user_id: &str) -> Result<(), ApiError> {
        uuid("user ID", user_id)?;
        let path = paths::reset(&self.account(), user_id);
        let call = Self::change(Method::Post, path, None);
        self.write::<Empty>(call, &[Stale::Summary, Stale::User(user_id)])
            .await
            .map(drop)
    }

    /// `GET /behaviors`
    pub async fn behaviors(&self) -> Result<Behaviors, ApiError> {
        let call = Self::get(paths::behaviors(&self.account()), READ);
        self.read(key::Behaviors, async {
            let behaviors: Behaviors = self.fetch(call).await?;
            let kept = behaviors.clone();
            self.remember(
                move |profile, now| async move { profile.record_behaviors(kept, now).await },
            );
            Ok(behaviors)
        })
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
        let stale = [Stale::Behaviors, Stale::Summary, Stale::EveryUser];
        match self.write(call, &stale).await? {
            Some(saved) => Ok(saved),
            None => {
                let behaviors = self.clone().uncached().behaviors().await?.settings();
                Ok(UpdateBehaviors { behaviors })
            }
        }
    }

    /// `GET /integrations`
    pub async fn integrations(&self) -> Result<Vec<Integration>, ApiError> {
        let call = Self::get(paths::integrations(&self.account()), READ);
        self.read(key::Integrations, self.fetch(call)).await
    }

    /// `POST /integrations`
    pub async fn create_integration(
        &self,
        body: &CreateIntegration,
    ) -> Result<Integration, ApiError> {
        let path = paths::integrations(&self.account());
        let call = Self::change(Method::Post, path, Self::json(body)?);
        match self.write(call, &[Stale::Integrations]).await? {
            Some(created) => Ok(created),
            None => self.find_created(body).await,
        }
    }

    /// The integration `body` created, when the API answered without it: the newest one in
    /// the list with its tenant URL (and reference ID, if it named one).
    async fn find_created(&self, body: &CreateIntegration) -> Result<Integration, ApiError> {
        let list = self.clone().uncached().integrations().await?;
        let reference = body
            .reference_id
            .as_deref()
            .filter(|r| !r.trim().is_empty());
        list.into_iter()
            .filter(|i| i.tenant_url == body.tenant_url)
            .filter(|i| reference.is_none_or(|r| i.reference_id == r))
            .max_by_key(|i| i.created_at)
            .ok_or_else(|| {
                ApiError::Unconfirmed(
                    "The API accepted the integration but returned nothing, and it is not in the list yet. Open Integrations to check before creating it again."
                        .into(),
                )
            })
    }

    /// `GET /integrations/{id}`
    pub async fn integration(&self, id: &str) -> Result<Integration, ApiError> {
        uuid("integration ID", id)?;
        let call = Self::get(paths::integration(&self.account(), id), READ);
        self.read(key::Integration(id), self.fetch(call)).await
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
        match self.write(call, &[Stale::Integrations]).await? {
            Some(updated) => Ok(updated),
            None => self.clone().uncached().integration(id).await,
        }
    }

    /// `DELETE /integrations/{id}`
    pub async fn delete_integration(&self, id: &str) -> Result<(), ApiError> {
        uuid("integration ID", id)?;
        let path = paths::integration(&self.account(), id);
        let call = Self::change(Method::Delete, path, None);
        self.write::<Empty>(call, &[Stale::Integrations])
            .await
            .map(drop)
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
