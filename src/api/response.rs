//! Turns a raw `HttpResponse` into the envelope's result or one `ApiError`: the only place
//! statuses and bodies are interpreted.

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use zt_risk_api::{ApiMessage, Envelope, ResultInfo};

use super::error::{body_kind, ApiError};
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
///
/// Only decoding the result is generic: the envelope is read once, non-generically, with its
/// `result` kept as raw JSON text, so there is one envelope decoder in the binary however many
/// result types there are (measured: −3,112 B brotli). Status and body checks are plain functions.
pub fn interpret<T: DeserializeOwned>(
    response: &HttpResponse,
    permission: &'static str,
) -> Result<Page<T>, ApiError> {
    let (raw, result_info) = envelope(response, permission)?;
    // `null` is a valid result for operations whose result is empty (reset, delete).
    let text = raw.as_deref().map_or("null", RawValue::get);
    serde_json::from_str(text)
        .map(|result| Page {
            result,
            result_info,
        })
        .map_err(|e| match raw {
            Some(_) => ApiError::Decode(e.to_string()),
            None => ApiError::Decode("the response has no result".into()),
        })
}

/// [`interpret`] for a write: a 2xx without a body (`204 No Content`, or an empty 200) is a
/// success that says nothing (`None`); the caller re-reads what it shows.
pub fn interpret_write<T: DeserializeOwned>(
    response: &HttpResponse,
    permission: &'static str,
) -> Result<Option<T>, ApiError> {
    if (200..300).contains(&response.status) && response.body.trim().is_empty() {
        return Ok(None);
    }
    interpret(response, permission).map(|page| Some(page.result))
}

/// [`interpret`] for a result that can be megabytes (`GET /summary` of a large tenant): a 2xx
/// success is decoded in one pass, envelope and result together, instead of finding the raw
/// `result` first and decoding it second (measured at 50,000 users: a third of the decoding
/// time). Anything else is read by [`interpret`], so errors are explained the same way. Kept to
/// the few results that can be large: each type it is used with adds an envelope decoder.
pub fn interpret_large<T: DeserializeOwned>(
    response: &HttpResponse,
    permission: &'static str,
) -> Result<Page<T>, ApiError> {
    if (200..300).contains(&response.status) {
        if let Ok(Envelope {
            success: true,
            result: Some(result),
            result_info,
            ..
        }) = serde_json::from_str::<Envelope<T>>(&response.body)
        {
            return Ok(Page {
                result,
                result_info,
            });
        }
    }
    interpret(response, permission)
}

/// The envelope's raw `result` (absent or `null`: `None`) and paging of a successful response.
fn envelope(
    response: &HttpResponse,
    permission: &'static str,
) -> Result<(Option<Box<RawValue>>, Option<ResultInfo>), ApiError> {
    match document::<Envelope<Box<RawValue>>>(response, permission)? {
        Envelope {
            success: false,
            errors,
            ..
        } => Err(ApiError::Rejected {
            status: response.status,
            errors,
        }),
        Envelope {
            result,
            result_info,
            ..
        } => Ok((result, result_info)),
    }
}

/// Interprets `response` as a plain JSON document (no envelope), such as the SSF configuration;
/// failures are read as for any operation.
pub fn document<T: DeserializeOwned>(
    response: &HttpResponse,
    permission: &'static str,
) -> Result<T, ApiError> {
    if !(200..300).contains(&response.status) {
        return Err(failure(response, permission));
    }
    let body = json_body(response)?;
    serde_json::from_str(body).map_err(|e| undecodable(response, body, &e))
}

fn not_json(response: &HttpResponse) -> ApiError {
    ApiError::NotJson {
        status: response.status,
        status_text: response.status_text.clone(),
        content_type: response.content_type.clone(),
    }
}

/// The body, if it looks like JSON (an object or an array).
fn json_body(response: &HttpResponse) -> Result<&str, ApiError> {
    let body = response.body.trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        Ok(body)
    } else {
        Err(not_json(response))
    }
}

/// A 2xx body that did not decode: not JSON at all, or JSON of the wrong shape.
fn undecodable(response: &HttpResponse, body: &str, error: &serde_json::Error) -> ApiError {
    // `IgnoredAny` only checks the syntax, without building a `Value`.
    if serde_json::from_str::<serde::de::IgnoredAny>(body).is_err() {
        not_json(response)
    } else {
        ApiError::Decode(error.to_string())
    }
}

/// The error for a non-2xx response. The status decides what it means, so an edge's or a
/// proxy's HTML 401, 429 or 5xx page keeps the permission hint, `Retry-After` and Retry; a JSON
/// body only adds the API's error items. Other statuses with a foreign body say nothing about
/// the API (a 404 page for a wrong proxy path, say): those are "not JSON".
fn failure(response: &HttpResponse, permission: &'static str) -> ApiError {
    let status = response.status;
    let explained = json_body(response)
        .ok()
        .and_then(|body| serde_json::from_str::<FailureBody>(body).ok());
    let is_json = explained.is_some();
    let errors = explained.map(|f| f.errors).unwrap_or_default();
    match status {
        401 | 403 => ApiError::Unauthorized {
            status,
            errors,
            permission,
        },
        429 => ApiError::RateLimited {
            retry_after: response
                .retry_after
                .as_deref()
                .and_then(|s| s.trim().parse().ok()),
            errors,
        },
        500..=599 => ApiError::Server {
            status,
            errors,
            proxy_page: (!is_json).then(|| body_kind(response.content_type.as_deref())),
        },
        _ if !is_json => not_json(response),
        404 => ApiError::NotFound { errors },
        _ => ApiError::Rejected { status, errors },
    }
}

#[cfg(test)]
mod tests {
    use zt_risk_api::RiskSummary;

    use super::{interpret, interpret_large, interpret_write};
    use crate::api::transport::HttpResponse;

    fn response(status: u16, content_type: &str, body: &str) -> HttpResponse {
        HttpResponse {
            status,
            status_text: String::new(),
            content_type: Some(content_type.into()),
            retry_after: Some("7".into()),
            body: body.into(),
        }
    }

    const USER: &str = r#"{"user_id":"u1","name":"Ann","email":"ann@example.com","max_risk_level":"high","event_count":2,"last_event":"2026-11-28T12:00:00Z"}"#;

    #[test]
    fn the_one_pass_decoder_reads_every_response_as_the_two_pass_one() {
        let json = "application/json";
        let ok = format!(
            r#"{{"success":true,"errors":[],"messages":[],"result":{{"users":[{USER}]}}}}"#
        );
        let paged = format!(
            r#"{{"result":{{"users":[{USER}]}},"result_info":{{"page":1,"per_page":50,"count":1,"total_count":1}},"success":true,"errors":[],"messages":[]}}"#
        );
        let rejected = r#"{"success":false,"errors":[{"code":7003,"message":"No route"}],"messages":[],"result":null}"#;
        let responses = [
            response(200, json, &ok),
            response(200, json, &paged),
            response(200, json, rejected),
            response(
                200,
                json,
                r#"{"success":true,"errors":[],"messages":[],"result":null}"#,
            ),
            response(
                200,
                json,
                r#"{"success":true,"errors":[],"messages":[],"result":{"users":"x"}}"#,
            ),
            response(
                200,
                json,
                r#"{"success":true,"result":{"users":[{"user_id":"u1"}]}}"#,
            ),
            response(200, "text/html", "<html>a proxy's page</html>"),
            response(200, json, "{\"success\":true,"),
            response(401, "text/html", "<html>401</html>"),
            response(403, json, rejected),
            response(429, json, rejected),
            response(502, "text/html", "<html>Bad gateway</html>"),
            response(404, json, rejected),
        ];
        let mut successes = 0;
        for r in &responses {
            let large = interpret_large::<RiskSummary>(r, "Zero Trust: PII Read");
            assert_eq!(
                large,
                interpret::<RiskSummary>(r, "Zero Trust: PII Read"),
                "{} {}",
                r.status,
                r.body
            );
            successes += usize::from(large.is_ok());
        }
        assert_eq!(
            successes, 2,
            "the two success envelopes decode, nothing else does"
        );
    }

    #[test]
    fn a_write_with_no_body_succeeds_and_anything_else_reads_as_before() {
        let perm = "Zero Trust Write";
        let empty = |status: u16, body: &str| HttpResponse {
            status,
            status_text: String::new(),
            content_type: None,
            retry_after: None,
            body: body.into(),
        };
        for ok in [empty(204, ""), empty(200, ""), empty(202, " \n")] {
            assert_eq!(interpret_write::<zt_risk_api::Empty>(&ok, perm), Ok(None));
        }
        let created = response(
            200,
            "application/json",
            r#"{"success":true,"errors":[],"messages":[],"result":{}}"#,
        );
        assert!(matches!(
            interpret_write::<zt_risk_api::Empty>(&created, perm),
            Ok(Some(_))
        ));
        let error = empty(500, "");
        assert!(interpret_write::<zt_risk_api::Empty>(&error, perm).is_err());
        let html = response(200, "text/html", "<html>a proxy's page</html>");
        assert!(interpret_write::<zt_risk_api::Empty>(&html, perm).is_err());
    }
}
