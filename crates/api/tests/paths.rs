//! Request paths: one per operation, matching the contract's operations, and the SSF
//! configuration path. (Each id as one segment no parser can resolve away: `path_segments.rs`.)

mod common;

use std::collections::BTreeSet;

use common::ids::{ACCOUNT, INTEGRATION, PREFIX, REFERENCE, USER};
use serde_json::Value;
use zt_risk_api::paths::{self, Method, PathError};

/// The 11 operations: method, contract path template, and the path this crate builds.
fn operations() -> Vec<(Method, &'static str, Result<String, PathError>)> {
    use Method::*;
    vec![
        (Get, "/summary", paths::summary(ACCOUNT)),
        (Get, "/{user_id}", paths::user(ACCOUNT, USER)),
        (Post, "/{user_id}/reset", paths::reset(ACCOUNT, USER)),
        (Get, "/behaviors", paths::behaviors(ACCOUNT)),
        (Put, "/behaviors", paths::behaviors(ACCOUNT)),
        (Get, "/integrations", paths::integrations(ACCOUNT)),
        (Post, "/integrations", paths::integrations(ACCOUNT)),
        (
            Get,
            "/integrations/reference_id/{reference_id}",
            paths::integration_by_reference(ACCOUNT, REFERENCE),
        ),
        (
            Get,
            "/integrations/{integration_id}",
            paths::integration(ACCOUNT, INTEGRATION),
        ),
        (
            Put,
            "/integrations/{integration_id}",
            paths::integration(ACCOUNT, INTEGRATION),
        ),
        (
            Delete,
            "/integrations/{integration_id}",
            paths::integration(ACCOUNT, INTEGRATION),
        ),
    ]
}

#[test]
fn each_operation_path() {
    for (method, template, built) in operations() {
        let expected = format!(
            "{PREFIX}{}",
            template
                .replace("{user_id}", USER)
                .replace("{integration_id}", INTEGRATION)
                .replace("{reference_id}", REFERENCE)
        );
        assert_eq!(
            built.as_deref(),
            Ok(expected.as_str()),
            "{} {template}",
            method.as_str()
        );
    }
}

#[test]
fn methods_spell_as_http_does() {
    let spelled: Vec<&str> = [Method::Get, Method::Post, Method::Put, Method::Delete]
        .into_iter()
        .map(Method::as_str)
        .collect();
    assert_eq!(spelled, ["GET", "POST", "PUT", "DELETE"]);
}

#[test]
fn operations_match_the_contract() {
    let Some(path) = common::shared_file("contract/zt_risk_scoring.openapi.json") else {
        return;
    };
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut in_contract = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let rel = path
            .strip_prefix("/accounts/{account_id}/zt_risk_scoring")
            .unwrap_or_else(|| panic!("unexpected path {path}"));
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                in_contract.insert((method.to_ascii_uppercase(), rel.to_owned()));
            }
        }
    }
    let here: BTreeSet<(String, String)> = operations()
        .into_iter()
        .map(|(m, t, _)| (m.as_str().to_owned(), t.to_owned()))
        .collect();
    assert_eq!(here.len(), 11);
    assert_eq!(here, in_contract);
}

#[test]
fn ssf_configuration_path_encodes_its_id() {
    let id = "11111111-2222-4333-8444-555555555555";
    assert_eq!(
        paths::ssf_configuration(id),
        Ok(format!("/ssf/.well-known/sse-configuration/{id}"))
    );
    assert_eq!(
        paths::ssf_configuration("a/../b?x#y"),
        Ok("/ssf/.well-known/sse-configuration/a%2F..%2Fb%3Fx%23y".to_owned())
    );
    assert!(paths::ssf_configuration("..").is_err());
    assert!(paths::ssf_configuration("").is_err());
}
