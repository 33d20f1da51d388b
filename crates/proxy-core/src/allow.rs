//! The allow-list beyond the route table: account ids (32 hex, optionally from a fixed list),
//! UUID path ids, and the only query parameters that exist (paging on summary, user detail and
//! the three Access lists).
//! Produces the canonical upstream path and query; nothing from the request is passed raw.

use zt_risk_api::validate;

use crate::codes;
use crate::config::ConfigError;
use crate::query;
use crate::reply::Refusal;
use crate::route::{Matched, Op};

/// Accounts this proxy serves: any (well-formed) or exactly these.
#[derive(Debug, Clone, Default)]
pub struct Accounts(Vec<String>);

impl Accounts {
    pub fn new(ids: &[String]) -> Result<Self, ConfigError> {
        ids.iter()
            .map(|id| {
                validate::account_id(id).map_err(|e| ConfigError::Account {
                    value: id.clone(),
                    reason: e.message,
                })
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
) -> Result<(String, Option<String>), Refusal> {
    let account = matched.account.as_str();
    if !canonical_account(account) {
        return Err(Refusal::no_route());
    }
    if !accounts.0.is_empty() && !accounts.0.iter().any(|a| a == account) {
        return Err(Refusal::new(
            403,
            codes::ACCOUNT,
            "This proxy does not serve that account",
        ));
    }
    let id = matched.id.as_deref().unwrap_or_default();
    match matched.op {
        Op::User | Op::Reset => uuid("user_id", id)?,
        Op::GetIntegration | Op::UpdateIntegration | Op::DeleteIntegration => {
            uuid("integration_id", id)?
        }
        Op::GetApp | Op::ListAppPolicies => uuid("app_id", id)?,
        Op::GetPolicy | Op::UpdatePolicy => uuid("policy_id", id)?,
        Op::IntegrationByReference if validate::required_reference_id(id).as_deref() != Ok(id) => {
            return Err(Refusal::invalid("reference_id is not valid").at("/reference_id"))
        }
        _ => {}
    }
    let path = matched
        .canonical_path()
        .map_err(|e| Refusal::invalid(e.to_string()))?;
    Ok((path, forwarded_query(matched.op, raw_query)?))
}

/// Whether `id` is an account id exactly as [`validate::account_id`] returns valid ones (32
/// lowercase hex digits): the same test as `account_id(id) == Ok(id)`, without its copy.
fn canonical_account(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `Ok` for a UUID path id, else a 400 pointing at `field`.
pub fn uuid(field: &'static str, value: &str) -> Result<(), Refusal> {
    if validate::is_uuid(value) {
        return Ok(());
    }
    let pointer = match field {
        "user_id" => "/user_id",
        "integration_id" => "/integration_id",
        "app_id" => "/app_id",
        "policy_id" => "/policy_id",
        _ => "/id",
    };
    Err(Refusal::invalid(format!("{field} must be a UUID")).at(pointer))
}

/// Re-encodes the query parameters the operation takes ([`Op::query_params`]); anything else
/// is refused.
fn forwarded_query(op: Op, raw: Option<&str>) -> Result<Option<String>, Refusal> {
    let pairs = query::parse(raw)
        .ok_or_else(|| Refusal::invalid("The query string is not valid percent-encoding"))?;
    let mut out = String::new();
    for (key, value) in &pairs {
        let ok = op.query_params().contains(&key.as_str())
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
            return Err(Refusal::invalid(format!(
                "Query parameter {key:?} is not forwarded by this proxy"
            )));
        }
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    }
    Ok((!out.is_empty()).then_some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::match_route;

    const A: &str = "0123456789abcdef0123456789abcdef";

    fn plan_for(
        method: &str,
        path: &str,
        query: Option<&str>,
        accounts: &Accounts,
    ) -> Result<(String, Option<String>), Refusal> {
        let m = match_route(method, path).map_err(|_| Refusal::no_route())?;
        plan(&m, accounts, query)
    }

    #[test]
    fn canonical_accounts_are_what_the_validator_returns() {
        for id in [
            A,
            "0123456789ABCDEF0123456789abcdef",
            " 0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0",
            "",
            "é123456789abcdef0123456789abcde",
        ] {
            assert_eq!(
                canonical_account(id),
                validate::account_id(id).as_deref() == Ok(id),
                "{id:?}"
            );
        }
    }

    #[test]
    fn canonical_paths_and_strict_queries() {
        let any = Accounts::default();
        let s = format!("/client/v4/accounts/{A}/zt_risk_scoring/summary");
        assert_eq!(
            plan_for("GET", &s, Some("page=2&order_by=event_count"), &any),
            Ok((
                format!("/accounts/{A}/zt_risk_scoring/summary"),
                Some("page=2&order_by=event_count".into())
            ))
        );
        assert_eq!(plan_for("GET", &s, Some(""), &any).map(|p| p.1), Ok(None));
        for q in [
            "x=1",
            "page=1%0d%0a",
            "page=-1",
            "page=",
            "order_by=A",
            "page=%zz",
            "per_page=1234567890",
        ] {
            assert_eq!(
                plan_for("GET", &s, Some(q), &any).map_err(|e| e.status),
                Err(400),
                "{q}"
            );
        }
        let b = format!("/accounts/{A}/zt_risk_scoring/behaviors");
        assert!(plan_for("GET", &b, Some("page=1"), &any).is_err());
        let u = format!("/accounts/{A}/zt_risk_scoring/not-a-uuid");
        assert_eq!(
            plan_for("GET", &u, None, &any).map_err(|e| e.pointer),
            Err(Some("/user_id"))
        );
        let i = format!("/accounts/{A}/zt_risk_scoring/integrations/*");
        assert_eq!(
            plan_for("DELETE", &i, None, &any).map_err(|e| e.status),
            Err(400)
        );
        let r = format!("/accounts/{A}/zt_risk_scoring/integrations/reference_id/%20x");
        assert_eq!(
            plan_for("GET", &r, None, &any).map_err(|e| e.status),
            Err(400)
        );
        let upper = "/accounts/0123456789ABCDEF0123456789ABCDEF/zt_risk_scoring/summary";
        assert_eq!(
            plan_for("GET", upper, None, &any).map_err(|e| e.status),
            Err(404)
        );
        assert!(plan_for("GET", "/accounts/ABC/zt_risk_scoring/summary", None, &any).is_err());
        let only = Accounts::new(&["f".repeat(32)]).unwrap_or_default();
        assert_eq!(
            plan_for("GET", &s, None, &only).map_err(|e| e.code),
            Err(codes::ACCOUNT)
        );
        assert!(Accounts::new(&["xyz".into()]).is_err());
    }

    #[test]
    fn access_ids_are_uuids_and_lists_take_only_page_and_per_page() {
        let any = Accounts::default();
        let id = "0f8b2a1e-9a4c-4d2e-8f1a-2b3c4d5e6f70";
        let base = format!("/client/v4/accounts/{A}/access");
        let canonical = format!("/accounts/{A}/access");
        for (method, tail) in [
            ("GET", "apps".to_owned()),
            ("GET", format!("apps/{id}")),
            ("GET", format!("apps/{id}/policies")),
            ("GET", "policies".to_owned()),
            ("GET", format!("policies/{id}")),
            ("PUT", format!("policies/{id}")),
        ] {
            let planned = plan_for(method, &format!("{base}/{tail}"), None, &any);
            assert_eq!(planned, Ok((format!("{canonical}/{tail}"), None)), "{tail}");
        }
        for (tail, pointer) in [
            ("apps/not-a-uuid", "/app_id"),
            ("apps/*/policies", "/app_id"),
            ("policies/1", "/policy_id"),
            ("apps/0F8B2A1E-9A4C-4D2E-8F1A-2B3C4D5E6F7", "/app_id"),
        ] {
            assert_eq!(
                plan_for("GET", &format!("{base}/{tail}"), None, &any).map_err(|e| e.pointer),
                Err(Some(pointer)),
                "{tail}"
            );
        }
        for list in [
            "apps".to_owned(),
            format!("apps/{id}/policies"),
            "policies".to_owned(),
        ] {
            let target = format!("{base}/{list}");
            assert_eq!(
                plan_for("GET", &target, Some("page=3&per_page=50"), &any).map(|p| p.1),
                Ok(Some("page=3&per_page=50".into())),
                "{list}"
            );
            for q in [
                "order_by=name",
                "search=x",
                "name=a",
                "page=1&domain=x",
                "per_page=-1",
            ] {
                assert_eq!(
                    plan_for("GET", &target, Some(q), &any).map_err(|e| e.status),
                    Err(400),
                    "{list}?{q}"
                );
            }
        }
        for one in [format!("apps/{id}"), format!("policies/{id}")] {
            let target = format!("{base}/{one}");
            assert!(
                plan_for("GET", &target, Some("page=1"), &any).is_err(),
                "{one}"
            );
        }
    }
}
