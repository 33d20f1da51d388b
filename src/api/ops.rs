//! The typed operations pages call: one function per API operation, no URLs anywhere else.

use std::collections::BTreeMap;

use zt_risk_api::paths::{self, Method};
use zt_risk_api::{
    BehaviorUpdate, Behaviors, CreateIntegration, Empty, Integration, RiskEvents, RiskSummary,
    UpdateBehaviors, UpdateIntegration,
};

use super::client::{Api, Call};
use super::error::ApiError;

const PII_READ: &str = "Zero Trust: PII Read";
const READ: &str = "Zero Trust Read";
const WRITE: &str = "Zero Trust Write";

impl Api {
    fn account(&self) -> String {
        self.connection().account_id
    }

    async fn call<T: serde::de::DeserializeOwned>(&self, call: Call) -> Result<T, ApiError> {
        self.send(call).await.map(|page| page.result)
    }

    fn json<B: serde::Serialize>(body: &B) -> Result<Option<String>, ApiError> {
        serde_json::to_string(body)
            .map(Some)
            .map_err(|e| ApiError::InvalidId(format!("This cannot be sent: {e}")))
    }

    /// `GET /summary`: users with risk events.
    pub async fn summary(&self) -> Result<RiskSummary, ApiError> {
        let path = paths::summary(&self.account());
        self.call(Call {
            method: Method::Get,
            path,
            body: None,
            permission: PII_READ,
        })
        .await
    }

    /// `GET /{user_id}`: one user's events.
    pub async fn user(&self, user_id: &str) -> Result<RiskEvents, ApiError> {
        let path = paths::user(&self.account(), user_id);
        self.call(Call {
            method: Method::Get,
            path,
            body: None,
            permission: PII_READ,
        })
        .await
    }

    /// `POST /{user_id}/reset`: clears a user's score.
    pub async fn reset(&self, user_id: &str) -> Result<(), ApiError> {
        let path = paths::reset(&self.account(), user_id);
        self.call::<Empty>(Call {
            method: Method::Post,
            path,
            body: None,
            permission: WRITE,
        })
        .await
        .map(drop)
    }

    /// `GET /behaviors`
    pub async fn behaviors(&self) -> Result<Behaviors, ApiError> {
        let path = paths::behaviors(&self.account());
        self.call(Call {
            method: Method::Get,
            path,
            body: None,
            permission: READ,
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
        self.call(Call {
            method: Method::Put,
            path,
            body,
            permission: WRITE,
        })
        .await
    }

    /// `GET /integrations`
    pub async fn integrations(&self) -> Result<Vec<Integration>, ApiError> {
        let path = paths::integrations(&self.account());
        self.call(Call {
            method: Method::Get,
            path,
            body: None,
            permission: READ,
        })
        .await
    }

    /// `POST /integrations`
    pub async fn create_integration(
        &self,
        body: &CreateIntegration,
    ) -> Result<Integration, ApiError> {
        let path = paths::integrations(&self.account());
        let body = Self::json(body)?;
        self.call(Call {
            method: Method::Post,
            path,
            body,
            permission: WRITE,
        })
        .await
    }

    /// `GET /integrations/{id}`
    pub async fn integration(&self, id: &str) -> Result<Integration, ApiError> {
        let path = paths::integration(&self.account(), id);
        self.call(Call {
            method: Method::Get,
            path,
            body: None,
            permission: READ,
        })
        .await
    }

    /// `GET /integrations/reference_id/{reference_id}`
    pub async fn integration_by_reference(
        &self,
        reference_id: &str,
    ) -> Result<Integration, ApiError> {
        let path = paths::integration_by_reference(&self.account(), reference_id);
        self.call(Call {
            method: Method::Get,
            path,
            body: None,
            permission: READ,
        })
        .await
    }

    /// `PUT /integrations/{id}`: overwrites active, tenant URL and reference id.
    pub async fn update_integration(
        &self,
        id: &str,
        body: &UpdateIntegration,
    ) -> Result<Integration, ApiError> {
        let path = paths::integration(&self.account(), id);
        let body = Self::json(body)?;
        self.call(Call {
            method: Method::Put,
            path,
            body,
            permission: WRITE,
        })
        .await
    }

    /// `DELETE /integrations/{id}`
    pub async fn delete_integration(&self, id: &str) -> Result<(), ApiError> {
        let path = paths::integration(&self.account(), id);
        self.call::<Empty>(Call {
            method: Method::Delete,
            path,
            body: None,
            permission: WRITE,
        })
        .await
        .map(drop)
    }
}
