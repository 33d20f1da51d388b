//! v4 envelopes as HTTP responses: `{success, errors, messages, result}`, for the emulator and
//! the server's own errors. It must not decide *when* to fail.
//!
//! The code table is `zt_risk_proxy_core::codes` (shared with both proxies), re-exported here.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use zt_risk_api::{ApiMessage, Envelope, ResultInfo};

pub use zt_risk_proxy_core::codes::*;

/// A failed request: the status and one or more v4 error items.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub errors: Vec<ApiMessage>,
    /// Extra `Allow` header for 405 answers.
    pub allow: Option<&'static str>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            errors: vec![ApiMessage::new(code, message)],
            allow: None,
        }
    }

    /// The same error pointing at a request field (a JSON pointer such as `/tenant_url`).
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        let pointer = pointer.into();
        self.errors = self
            .errors
            .into_iter()
            .map(|m| m.at(pointer.clone()))
            .collect();
        self
    }

    pub fn unauthenticated() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, AUTH, "Authentication error")
    }

    pub fn no_route() -> Self {
        Self::new(StatusCode::NOT_FOUND, NO_ROUTE, "No route for the URI")
    }

    pub fn method_not_allowed(allow: &'static str) -> Self {
        let mut e = Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            METHOD,
            format!("Method not allowed for this route; allowed: {allow}"),
        );
        e.allow = Some(allow);
        e
    }

    pub fn bad_request(code: i64, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, NOT_FOUND, message)
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            TOO_LARGE,
            format!("Request body is larger than {limit} bytes"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body: Envelope<()> = Envelope::failure(self.errors);
        let mut response = json_response(self.status, &body);
        if let Some(allow) = self.allow {
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}

/// `200` with `{success: true, result}`.
pub fn ok<T: Serialize>(result: T) -> Response {
    json_response(StatusCode::OK, &Envelope::ok(result))
}

/// `200` with `{success: true, result, result_info}` (collection responses).
pub fn ok_collection<T: Serialize>(result: T, info: ResultInfo) -> Response {
    let mut envelope = Envelope::ok(result);
    envelope.result_info = Some(info);
    json_response(StatusCode::OK, &envelope)
}

/// Serialises `body` as JSON; serialising our own types cannot fail for known values, and if it
/// ever does the client gets a v4-shaped 500 rather than a dropped connection.
pub fn json_response<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            bytes,
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "application/json")],
            format!(
                r#"{{"success":false,"errors":[{{"code":1000,"message":"cannot encode response: {}"}}],"messages":[],"result":null}}"#,
                e.to_string().replace(['"', '\\'], "'")
            ),
        )
            .into_response(),
    }
}
