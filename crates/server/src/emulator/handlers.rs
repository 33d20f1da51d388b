//! One function per operation: decode the request, call the store, shape the v4 response.
//! Every operation acts on the data set of the request's account.

use std::cmp::Ordering;

use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, SubsecRound, Utc};
use zt_risk_api::{Behaviors, RiskEvents};

use super::store::StoreError;
use super::validate;
use super::{paging, Emulator};
use crate::envelope::{self, ApiError, CONFLICT, INVALID, UNKNOWN_BEHAVIOR};
use crate::ops::{Matched, Op};
use crate::query;

/// Now, to the millisecond like Cloudflare's timestamps (some clients reject nanoseconds).
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

/// The v4 error for a refused store change.
pub fn store_error(error: StoreError) -> ApiError {
    match error {
        StoreError::NotFound => ApiError::not_found("Not found"),
        StoreError::UnknownBehavior(id) => ApiError::bad_request(
            UNKNOWN_BEHAVIOR,
            format!("Unknown behavior id {id:?}; GET /behaviors lists the valid ids"),
        )
        .at(format!(
            "/behaviors/{}",
            id.replace('~', "~0").replace('/', "~1")
        )),
        StoreError::ReferenceTaken(reference) => ApiError::new(
            StatusCode::CONFLICT,
            CONFLICT,
            format!("Another integration already uses reference_id {reference:?}"),
        )
        .at("/reference_id"),
    }
}

pub async fn run(
    emulator: &Emulator,
    account: &str,
    matched: &Matched,
    raw_query: Option<&str>,
    body: &[u8],
) -> Result<Response, ApiError> {
    let id = matched.id.as_deref().unwrap_or_default();
    match matched.op {
        Op::Summary => summary(emulator, account, raw_query).await,
        Op::User => user(emulator, account, id, raw_query).await,
        Op::Reset => {
            validate::uuid("user_id", id)?;
            emulator
                .write(account, |s| s.reset(id, now()))
                .await
                .map_err(named("User"))?;
            Ok(envelope::ok(serde_json::json!({})))
        }
        Op::GetBehaviors => {
            let snapshot = emulator.snapshot(account).await?;
            Ok(envelope::ok(Behaviors {
                behaviors: snapshot.store.behaviors.clone(),
            }))
        }
        Op::PutBehaviors => {
            let update = validate::update_behaviors(&validate::object(body)?)?;
            let result = emulator
                .write(account, |s| s.update_behaviors(&update))
                .await?;
            Ok(envelope::ok(result))
        }
        Op::ListIntegrations => {
            let snapshot = emulator.snapshot(account).await?;
            Ok(envelope::ok(&snapshot.store.integrations))
        }
        Op::CreateIntegration => {
            let create = validate::create_integration(&validate::object(body)?)?;
            let new_id = uuid::Uuid::new_v4().to_string();
            let reference = create
                .reference_id
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
            let created = emulator
                .write(account, |s| {
                    s.create_integration(new_id, create.tenant_url, reference, now())
                })
                .await?;
            Ok(envelope::ok(created))
        }
        Op::IntegrationByReference => {
            let snapshot = emulator.snapshot(account).await?;
            let found = snapshot.store.integration_by_reference(id);
            found.map(envelope::ok).ok_or_else(|| {
                ApiError::not_found(format!("No integration has reference_id {id:?}"))
            })
        }
        Op::GetIntegration => {
            validate::uuid("integration_id", id)?;
            let snapshot = emulator.snapshot(account).await?;
            let found = snapshot.store.integration(id);
            found
                .map(envelope::ok)
                .ok_or_else(|| ApiError::not_found("Integration not found"))
        }
        Op::UpdateIntegration => {
            validate::uuid("integration_id", id)?;
            let u = validate::update_integration(&validate::object(body)?)?;
            let updated = emulator
                .write(account, |s| {
                    s.update_integration(id, u.active, u.tenant_url, u.reference_id)
                })
                .await
                .map_err(named("Integration"))?;
            Ok(envelope::ok(updated))
        }
        Op::DeleteIntegration => {
            validate::uuid("integration_id", id)?;
            emulator
                .write(account, |s| s.delete_integration(id))
                .await
                .map_err(named("Integration"))?;
            Ok(envelope::ok(serde_json::json!({})))
        }
        Op::ListApps
        | Op::GetApp
        | Op::ListAppPolicies
        | Op::ListPolicies
        | Op::GetPolicy
        | Op::UpdatePolicy => super::access::run(emulator, account, matched, raw_query, body).await,
    }
}

/// Replaces the generic "Not found" with "`what` not found".
fn named(what: &'static str) -> impl Fn(ApiError) -> ApiError {
    move |e| {
        if e.status == StatusCode::NOT_FOUND {
            ApiError::not_found(format!("{what} not found"))
        } else {
            e
        }
    }
}

fn pairs(raw: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    query::parse(raw).ok_or_else(|| {
        ApiError::bad_request(INVALID, "The query string is not valid percent-encoding")
    })
}

async fn summary(
    emulator: &Emulator,
    account: &str,
    raw_query: Option<&str>,
) -> Result<Response, ApiError> {
    let paging = paging::parse(
        &pairs(raw_query)?,
        &["timestamp", "event_count", "max_risk_level"],
    )?;
    let snapshot = emulator.snapshot(account).await?;
    Ok(snapshot.summary().await.response(&paging))
}

async fn user(
    emulator: &Emulator,
    account: &str,
    id: &str,
    raw_query: Option<&str>,
) -> Result<Response, ApiError> {
    validate::uuid("user_id", id)?;
    let paging = paging::parse(&pairs(raw_query)?, &["timestamp", "risk_level"])?;
    let found: Option<RiskEvents> = emulator.snapshot(account).await?.store.user(id);
    let mut detail = found.ok_or_else(|| ApiError::not_found("User not found"))?;
    let events = std::mem::take(&mut detail.events);
    let mut events = events;
    events.sort_by(|a, b| {
        let primary = match paging.order_by {
            Some("risk_level") => a.risk_level.cmp(&b.risk_level),
            _ => Ordering::Equal,
        }
        .then(a.timestamp.cmp(&b.timestamp));
        paging::directed(primary, paging.descending)
    });
    let (events, info) = paging::page(events, &paging);
    detail.events = events;
    Ok(envelope::ok_collection(detail, info))
}
