//! The typed Access operations (`docs/contract-access.md`): the applications, an application's
//! policies and the reusable policies, each list read page after page until `result_info` says
//! it is complete; one reusable policy, and its update. Reads go through the read cache; the
//! update forgets every Access read (applications embed their policies).
//!
//! A token without "Access: Apps and Policies" gets 403 here while the risk scoring operations
//! keep working: the error names the Access permission the operation needs.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use zt_risk_api::access::{Application, Policy, PolicyUpdate, EDIT_PERMISSION, READ_PERMISSION};
use zt_risk_api::paging::PageRequest;
use zt_risk_api::paths::{self, Method, PathError};

use super::client::{Api, Call};
use super::error::ApiError;
use super::ops::uuid;
use crate::state::cache::{key, Key, Stale};

/// Items asked for per page: the most the API is known to take (`docs/contract-access.md`),
/// so 1,000 applications are one request.
pub const PER_PAGE: u64 = 1000;

/// Pages followed before a list counts as endless (a server that never says it is done).
const MAX_PAGES: u64 = 500;

impl Api {
    /// Every item of a paged list, following `result_info` from page 1 (`PageRequest::next`).
    async fn every_page<T: DeserializeOwned>(
        &self,
        path: impl Fn(PageRequest) -> Result<String, PathError>,
    ) -> Result<Vec<T>, ApiError> {
        let mut items = Vec::new();
        let mut request = Some(PageRequest::first(PER_PAGE));
        while let Some(page) = request {
            if page.page > MAX_PAGES {
                return Err(ApiError::Decode(format!(
                    "the list did not end after {MAX_PAGES} pages"
                )));
            }
            let answer = self
                .send::<Vec<T>>(Self::get(path(page), READ_PERMISSION))
                .await?;
            request = page.next(answer.result.len(), answer.result_info.as_ref());
            items.extend(answer.result);
        }
        Ok(items)
    }

    /// Every page of the list at `path`, through the cache under `key`.
    async fn read_list<K, T>(
        &self,
        key: K,
        path: impl Fn(&str, PageRequest) -> Result<String, PathError>,
    ) -> Result<Arc<Vec<T>>, ApiError>
    where
        K: Key<Value = Arc<Vec<T>>>,
        T: DeserializeOwned,
    {
        let account = self.account();
        let fetch = async {
            let items = self.every_page(|page| path(&account, page)).await?;
            Ok(Arc::new(items))
        };
        self.read(key, fetch).await
    }

    /// `GET /access/apps`, every page: the applications with their policies embedded (when the
    /// API embeds them: see `Application::policies`).
    pub async fn access_apps(&self) -> Result<Arc<Vec<Application>>, ApiError> {
        self.read_list(key::AccessApps, |account, page| {
            paths::access_apps(account, Some(page))
        })
        .await
    }

    /// `GET /access/apps/{app_id}/policies`, every page: the application's own policies and the
    /// reusable ones it uses.
    pub async fn app_policies(&self, app_id: &str) -> Result<Arc<Vec<Policy>>, ApiError> {
        uuid("application ID", app_id)?;
        self.read_list(key::AppPolicies(app_id), |account, page| {
            paths::access_app_policies(account, app_id, Some(page))
        })
        .await
    }

    /// `GET /access/policies`, every page: the reusable policies (the only ones the console can
    /// change).
    pub async fn reusable_policies(&self) -> Result<Arc<Vec<Policy>>, ApiError> {
        self.read_list(key::ReusablePolicies, |account, page| {
            paths::access_policies(account, Some(page))
        })
        .await
    }

    /// `GET /access/policies/{policy_id}`: one reusable policy.
    pub async fn reusable_policy(&self, policy_id: &str) -> Result<Policy, ApiError> {
        uuid("policy ID", policy_id)?;
        let call = Self::get(
            paths::access_policy(&self.account(), policy_id),
            READ_PERMISSION,
        );
        self.read(key::ReusablePolicy(policy_id), self.fetch(call))
            .await
    }

    /// `PUT /access/policies/{policy_id}`: overwrites the reusable policy with `body`
    /// (`zt_risk_api::access::update_body`). Returns the policy as saved; read back when the
    /// API answers without it.
    pub async fn update_policy(
        &self,
        policy_id: &str,
        body: &PolicyUpdate,
    ) -> Result<Policy, ApiError> {
        uuid("policy ID", policy_id)?;
        let call = Call {
            method: Method::Put,
            path: paths::access_policy(&self.account(), policy_id),
            body: Self::json(body)?,
            permission: EDIT_PERMISSION,
            auth: true,
        };
        match self.write(call, &[Stale::Access]).await? {
            Some(saved) => Ok(saved),
            None => self.clone().uncached().reusable_policy(policy_id).await,
        }
    }
}
