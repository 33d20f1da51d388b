//! v4 envelopes as HTTP responses: `{success, errors, messages, result}`, for the emulator and
//! the proxy's own refusals. Owns the error code table; it must not decide *when* to fail.
//!
//! | code  | status | meaning |
//! |-------|--------|---------|
//! | 10000 | 401/403| Authentication error (missing or wrong credentials, account not allowed) |
//! | 7003  | 404    | No route for the URI (and Cloudflare's "Could not route to …" for bad account ids) |
//! | 7001  | 405    | Method not allowed for this route |
//! | 1001  | 400    | Body is not valid JSON |
//! | 1002  | 400    | A required field is missing |
//! | 1003  | 400    | A field, path id or query parameter has the wrong type or an invalid value |
//! | 1004  | 404    | The user or integration does not exist |
//! | 1005  | 400    | `PUT /behaviors` names a behavior id that does not exist |
//! | 1006  | 409    | Another integration already uses this `reference_id` |
//! | 1007  | 413    | Request body too large |
//! | 1008  | 403    | (proxy) Origin not allowed |
//! | 1009  | 403    | (proxy) Account not allowed by this proxy |
//! | 1010  | 502    | (proxy) Upstream unreachable |
//! | 1011  | 504    | (proxy) Upstream timed out |
//! | 1012  | 500    | (emulator) State could not be saved; nothing was changed |

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use zt_risk_api::{ApiMessage, Envelope, ResultInfo};

pub const AUTH: i64 = 10000;
pub const NO_ROUTE: i64 = 7003;
pub const METHOD: i64 = 7001;
pub const BAD_JSON: i64 = 1001;
pub const MISSING: i64 = 1002;
pub const INVALID: i64 = 1003;
pub const NOT_FOUND: i64 = 1004;
pub const UNKNOWN_BEHAVIOR: i64 = 1005;
pub const CONFLICT: i64 = 1006;
pub const TOO_LARGE: i64 = 1007;
pub const ORIGIN: i64 = 1008;
pub const ACCOUNT: i64 = 1009;
pub const UPSTREAM_DOWN: i64 = 1010;
pub const UPSTREAM_TIMEOUT: i64 = 1011;
pub const STATE: i64 = 1012;

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
