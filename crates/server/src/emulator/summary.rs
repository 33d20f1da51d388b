//! `GET /summary` of one snapshot: the rows in the default order and the whole default
//! response body, built once per snapshot (at 50,000 users that is a 6 MB body), so repeated
//! requests cost a copy of a pointer. Paging and other orders sort a copy of the rows.

use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use zt_risk_api::{Envelope, UserRiskInfo};

use super::paging::{self, Paging};
use super::store::Store;
use crate::envelope;

/// `RiskSummary` over borrowed rows (the same JSON).
#[derive(Serialize)]
struct Rows<'a> {
    users: Vec<&'a UserRiskInfo>,
}

pub struct Summary {
    /// Riskiest first, then the most recent last event, then by user id.
    rows: Vec<UserRiskInfo>,
    /// The response to a request without parameters.
    body: Result<Bytes, String>,
}

impl Summary {
    pub fn new(store: &Store) -> Self {
        let mut rows = store.summary();
        rows.sort_by(|a, b| order(None, a, b, true));
        let (users, info) = paging::page(rows.iter().collect(), &Paging::default());
        let mut body = Envelope::ok(Rows { users });
        body.result_info = Some(info);
        let body = serde_json::to_vec(&body)
            .map(Bytes::from)
            .map_err(|e| e.to_string());
        Self { rows, body }
    }

    /// The response for `paging`: the prepared body when the request has no parameters.
    pub fn response(&self, paging: &Paging) -> Response {
        match &self.body {
            Ok(body) if *paging == Paging::default() => (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/json")],
                body.clone(),
            )
                .into_response(),
            _ => {
                let mut rows: Vec<&UserRiskInfo> = self.rows.iter().collect();
                rows.sort_by(|a, b| order(paging.order_by, a, b, paging.descending));
                let (users, info) = paging::page(rows, paging);
                envelope::ok_collection(Rows { users }, info)
            }
        }
    }
}

/// The order of `order_by` (the default: level, then last event) in `descending` order, ties
/// broken by user id (ascending) so that every order is total.
fn order(
    order_by: Option<&str>,
    a: &UserRiskInfo,
    b: &UserRiskInfo,
    descending: bool,
) -> std::cmp::Ordering {
    let primary = match order_by {
        Some("timestamp") => a.last_event.cmp(&b.last_event),
        Some("event_count") => a.event_count.cmp(&b.event_count),
        _ => a
            .max_risk_level
            .cmp(&b.max_risk_level)
            .then(a.last_event.cmp(&b.last_event)),
    };
    paging::directed(primary, descending).then_with(|| a.user_id.cmp(&b.user_id))
}
