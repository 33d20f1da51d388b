//! Turns a raw `HttpResponse` into the envelope's result or one `ApiError`: the only place
//! statuses and bodies are interpreted.

use serde::de::DeserializeOwned;
use zt_risk_api::{ApiMessage, Envelope, ResultInfo};

use super::error::ApiError;
use super::transport::HttpResponse;

/// A successful result and its paging information.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub result: T,
    pub result_info: Option<ResultInfo>,
}

/// Only the error parts of an envelope, for decoding failures whatever their `result` holds.
#[derive(serde::Deserialize)]
struct FailureBody {
    #[serde(default)]
    errors: Vec<ApiMessage>,
}

/// Interprets `response`; `permission` names the token permission the operation needs.
pub fn interpret<T: DeserializeOwned>(
    response: &HttpResponse,
    permission: &'static str,
) -> Result<Page<T>, ApiError> {
    let status = response.status;
    let not_json = || ApiError::NotJson {
        status,
        status_text: response.status_text.clone(),
        content_type: response.content_type.clone(),
    };
    let body = response.body.trim_start();
    if !(body.starts_with('{') || body.starts_with('[')) {
        return Err(not_json());
    }
    if (200..300).contains(&status) {
        let envelope: Envelope<T> = serde_json::from_str(body).map_err(|e| {
            if serde_json::from_str::<serde_json::Value>(body).is_err() {
                not_json()
            } else {
                ApiError::Decode(e.to_string())
            }
        })?;
        return match envelope {
            Envelope {
                success: true,
                result: Some(result),
                result_info,
                ..
            } => Ok(Page {
                result,
                result_info,
            }),
            Envelope {
                success: false,
                errors,
                ..
            } => Err(ApiError::Rejected { status, errors }),
            // `null` is a valid result for operations whose result is empty (reset, delete).
            Envelope {
                result: None,
                result_info,
                ..
            } => serde_json::from_value(serde_json::Value::Null)
                .map(|result| Page {
                    result,
                    result_info,
                })
                .map_err(|_| ApiError::Decode("the response has no result".into())),
        };
    }
    let errors = serde_json::from_str::<FailureBody>(body)
        .map_err(|_| not_json())?
        .errors;
    Err(match status {
        401 | 403 => ApiError::Unauthorized {
            status,
            errors,
            permission,
        },
        404 => ApiError::NotFound { errors },
        429 => ApiError::RateLimited {
            retry_after: response
                .retry_after
                .as_deref()
                .and_then(|s| s.trim().parse().ok()),
            errors,
        },
        500..=599 => ApiError::Server { status, errors },
        _ => ApiError::Rejected { status, errors },
    })
}
