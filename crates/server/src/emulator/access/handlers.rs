//! One function per Access operation: read the account's Access data (or change it), shape the
//! v4 response; the lists paged with `result_info`.

use std::sync::Arc;

use axum::response::Response;
use serde::Serialize;

use super::data::PolicyView;
use super::validate;
use crate::emulator::handlers::now;
use crate::emulator::paging::{self, Paging, DEFAULT_PER_PAGE};
use crate::emulator::{validate::uuid, Emulator};
use crate::envelope::{self, ApiError, INVALID};
use crate::ops::{Matched, Op};
use crate::query;

pub async fn run(
    emulator: &Emulator,
    account: &str,
    matched: &Matched,
    raw_query: Option<&str>,
    body: &[u8],
) -> Result<Response, ApiError> {
    let id = matched.id.as_deref().unwrap_or_default();
    match matched.op {
        Op::ListApps => {
            let paging = window(raw_query)?;
            let snapshot = emulator.snapshot(account).await?;
            let access = &snapshot.store.access;
            let apps = access.apps.iter().map(|a| access.app_view(a)).collect();
            Ok(page(apps, &paging))
        }
        Op::GetApp => {
            uuid("app_id", id)?;
            let snapshot = emulator.snapshot(account).await?;
            let access = &snapshot.store.access;
            let app = access.app(id).ok_or_else(app_not_found)?;
            Ok(envelope::ok(access.app_view(app)))
        }
        Op::ListAppPolicies => {
            uuid("app_id", id)?;
            let paging = window(raw_query)?;
            let snapshot = emulator.snapshot(account).await?;
            let access = &snapshot.store.access;
            let app = access.app(id).ok_or_else(app_not_found)?;
            Ok(page(access.app_policies(app), &paging))
        }
        Op::ListPolicies => {
            let paging = window(raw_query)?;
            let snapshot = emulator.snapshot(account).await?;
            let access = &snapshot.store.access;
            let policies = access
                .policies
                .iter()
                .map(|p| access.reusable_view(p))
                .collect();
            Ok(page(policies, &paging))
        }
        Op::GetPolicy => {
            uuid("policy_id", id)?;
            let snapshot = emulator.snapshot(account).await?;
            let access = &snapshot.store.access;
            let policy = access.policy(id).ok_or_else(policy_not_found)?;
            Ok(envelope::ok(access.reusable_view(policy)))
        }
        Op::UpdatePolicy => {
            uuid("policy_id", id)?;
            let update = validate::update_policy(body)?;
            // The policy as saved, and how many applications use it.
            let updated = emulator
                .write(account, |store| {
                    let access = Arc::make_mut(&mut store.access);
                    let count = access.app_count(id);
                    Ok(access
                        .update_policy(id, update, now())
                        .map(|p| (p.clone(), count)))
                })
                .await?;
            let (policy, count) = updated.ok_or_else(policy_not_found)?;
            Ok(envelope::ok(PolicyView::reusable(&policy, count)))
        }
        _ => Err(ApiError::no_route()),
    }
}

fn app_not_found() -> ApiError {
    ApiError::not_found("Access application not found")
}

fn policy_not_found() -> ApiError {
    ApiError::not_found("Access reusable policy not found")
}

/// `page` and `per_page`; without them the first page of 20, so that the SDK's iteration (no
/// parameters, then `page=2`, `page=3`…) sees every item once.
fn window(raw_query: Option<&str>) -> Result<Paging, ApiError> {
    let pairs = query::parse(raw_query).ok_or_else(|| {
        ApiError::bad_request(INVALID, "The query string is not valid percent-encoding")
    })?;
    Ok(Paging {
        window: Some(paging::window(&pairs)?.unwrap_or((1, DEFAULT_PER_PAGE))),
        ..Paging::default()
    })
}

fn page<T: Serialize>(items: Vec<T>, paging: &Paging) -> Response {
    let (items, info) = paging::page(items, paging);
    envelope::ok_collection(items, info)
}
