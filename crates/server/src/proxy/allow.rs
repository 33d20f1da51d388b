//! The proxy's allow-list beyond the route table: account ids (32 hex, optionally from a fixed
//! list), UUID path ids, and the only query parameters that exist (paging on two operations).
//! Produces the canonical upstream path and query; nothing from the request is passed raw.

use axum::http::StatusCode;
use zt_risk_api::validate;

use crate::envelope::{ApiError, ACCOUNT, INVALID};
use crate::ops::{Matched, Op};
use crate::query;

/// Accounts this proxy serves: any (well-formed) or exactly these.
#[derive(Debug, Clone, Default)]
pub struct Accounts(Vec<String>);

impl Accounts {
    pub fn new(ids: &[String]) -> Result<Self, String> {
        ids.iter()
            .map(|id| {
                validate::account_id(id).map_err(|e| format!("--account {id:?}: {}", e.message))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }
}

/// Checks the matched request and returns `(upstream path, upstream query)`.
pub fn plan(
    matched: &Matched,
    accounts: &Accounts,
    raw_query: Option<&str>,
) -> Result<(String, Option<String>), ApiError> {
    let account = validate::account_id(&matched.account)
        .ok()
        .filter(|a| *a == matched.account)
        .ok_or_else(ApiError::no_route)?;
    if !accounts.0.is_empty() && !accounts.0.contains(&account) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ACCOUNT,
            "This proxy does not serve that account",
        ));
    }
    let id = matched.id.as_deref().unwrap_or_default();
    match matched.op {
        Op::User | Op::Reset => uuid("user_id", id)?,
        Op::GetIntegration | Op::UpdateIntegration | Op::DeleteIntegration => {
            uuid("integration_id", id)?
        }
        Op::IntegrationByReference if validate::required_reference_id(id).as_deref() != Ok(id) => {
            return Err(
                ApiError::bad_request(INVALID, "reference_id is not valid").at("/reference_id")
            )
        }
        _ => {}
    }
    let path = matched
        .canonical_path()
        .map_err(|e| ApiError::bad_request(INVALID, e.to_string()))?;
    Ok((path, forwarded_query(matched.op, raw_query)?))
}

fn uuid(field: &str, value: &str) -> Result<(), ApiError> {
    if validate::is_uuid(value) {
        return Ok(());
    }
    Err(ApiError::bad_request(INVALID, format!("{field} must be a UUID")).at(format!("/{field}")))
}

/// Re-encodes the paging parameters of summary and user detail; anything else is refused.
fn forwarded_query(op: Op, raw: Option<&str>) -> Result<Option<String>, ApiError> {
    let pairs = query::parse(raw).ok_or_else(|| {
        ApiError::bad_request(INVALID, "The query string is not valid percent-encoding")
    })?;
    let mut out = Vec::new();
    for (key, value) in &pairs {
        let ok = op.pages()
            && match key.as_str() {
                "page" | "per_page" => {
                    !value.is_empty()
                        && value.len() <= 9
                        && value.bytes().all(|b| b.is_ascii_digit())
                }
                "order_by" | "direction" => {
                    !value.is_empty()
                        && value.len() <= 32
                        && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                }
                _ => false,
            };
        if !ok {
            return Err(ApiError::bad_request(
                INVALID,
                format!("Query parameter {key:?} is not forwarded by this proxy"),
            ));
        }
        out.push(format!("{key}={value}"));
    }
    Ok((!out.is_empty()).then(|| out.join("&")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Method;

    const A: &str = "0123456789abcdef0123456789abcdef";

    fn plan_for(
        path: &str,
        query: Option<&str>,
        accounts: &Accounts,
    ) -> Result<(String, Option<String>), ApiError> {
        let m = crate::ops::match_route(&Method::GET, path).map_err(|_| ApiError::no_route())?;
        plan(&m, accounts, query)
    }

    #[test]
    fn canonical_paths_and_strict_queries() {
        let any = Accounts::default();
        let ok = plan_for(
            &format!("/client/v4/accounts/{A}/zt_risk_scoring/summary"),
            Some("page=2"),
            &any,
        );
        assert_eq!(
            ok.ok(),
            Some((
                format!("/accounts/{A}/zt_risk_scoring/summary"),
                Some("page=2".into())
            ))
        );
        assert!(plan_for(
            &format!("/accounts/{A}/zt_risk_scoring/summary"),
            Some("x=1"),
            &any
        )
        .is_err());
        assert!(plan_for(
            &format!("/accounts/{A}/zt_risk_scoring/behaviors"),
            Some("page=1"),
            &any
        )
        .is_err());
        assert!(plan_for(
            &format!("/accounts/{A}/zt_risk_scoring/not-a-uuid"),
            None,
            &any
        )
        .is_err());
        assert!(plan_for("/accounts/ABC/zt_risk_scoring/summary", None, &any).is_err());
        let only = Accounts::new(&["f".repeat(32)]).unwrap_or_default();
        assert!(plan_for(
            &format!("/accounts/{A}/zt_risk_scoring/summary"),
            None,
            &only
        )
        .is_err());
    }
}
