//! Every schema `example` of the OpenAPI contracts decodes into the matching type: the tests, and
//! the checks of each contract's own examples (the loader and the checks both contracts share are
//! in `common/openapi.rs`).
//!
//! The contracts carry few examples (all on scalars, messages, `result_info` and the failure
//! envelope), so whole envelopes are assembled from them. The examples are kept in
//! `tests/fixtures/openapi*_examples.json` (JSON pointer → value); the `*_match_*` tests check them
//! against `shared/contract/` when present, and `every_example_is_checked` fails when a new
//! example appears that no check reads.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::openapi::{
    check_failure, check_risk_level, check_success_common, decode, fixture_matches_contract,
    Examples,
};
use serde_json::json;
use zt_risk_api::validate::{account_id, is_uuid};
use zt_risk_api::{
    paths, Behavior, Behaviors, Envelope, ResultInfo, RiskEvent, RiskLevel, RiskSummary,
};

const CURRENT_FIXTURE: &str = "openapi_examples.json";
const CURRENT_CONTRACT: &str = "contract/zt_risk_scoring.openapi.json";
const OLDER_FIXTURE: &str = "openapi_2024_examples.json";
const OLDER_CONTRACT: &str = "contract/zt_risk_scoring.2024-08-06.openapi.json";

// ---- the current contract ----

fn check_current_result_info(ex: &Examples) {
    let mut body = check_success_common(ex);
    let info = "dlp_result_info/properties";
    body["result_info"] = json!({
        "count": ex.get(&format!("{info}/count")),
        "page": ex.get(&format!("{info}/page")),
        "per_page": ex.get(&format!("{info}/per_page")),
        "total_count": ex.get(&format!("{info}/total_count")),
    });
    let envelope: Envelope<RiskSummary> = decode(body);
    assert!(envelope.success);
    assert!(envelope.errors.is_empty() && envelope.messages.is_empty());
    assert_eq!(envelope.result, Some(RiskSummary { users: vec![] }));
    assert_eq!(
        envelope.result_info,
        Some(ResultInfo {
            count: Some(1),
            page: Some(1),
            per_page: Some(20),
            total_count: Some(2000),
            total_pages: None,
        })
    );
}

fn check_all_current(ex: &Examples) {
    check_risk_level(ex, "dlp_RiskLevel");
    check_failure(ex);
    check_current_result_info(ex);
}

#[test]
fn current_fixture_matches_the_contract() {
    fixture_matches_contract(CURRENT_FIXTURE, CURRENT_CONTRACT);
}

#[test]
fn current_risk_level_example() {
    check_risk_level(&Examples::load(CURRENT_FIXTURE), "dlp_RiskLevel");
}

#[test]
fn current_failure_example_no_route() {
    check_failure(&Examples::load(CURRENT_FIXTURE));
}

#[test]
fn current_success_envelope_with_result_info() {
    check_current_result_info(&Examples::load(CURRENT_FIXTURE));
}

// ---- the 2024-08-06 contract ----

fn check_older_ids(ex: &Examples) {
    let account = ex.get("dlp_identifier");
    let account = account.as_str().unwrap();
    assert_eq!(account_id(account).as_deref(), Ok(account));
    assert_eq!(
        paths::summary(account).unwrap(),
        format!("/accounts/{account}/zt_risk_scoring/summary")
    );

    let user = ex.get("dlp_user_id");
    let user = user.as_str().unwrap();
    assert!(is_uuid(user));
    assert!(paths::user(account, user)
        .unwrap()
        .ends_with(&format!("/{user}")));

    let integration = ex.get("dlp_uuid");
    let integration = integration.as_str().unwrap();
    assert!(is_uuid(integration));
    assert!(paths::integration(account, integration)
        .unwrap()
        .ends_with(&format!("/integrations/{integration}")));
}

fn check_older_timestamp(ex: &Examples) {
    let timestamp = ex.get("dlp_timestamp");
    let event: RiskEvent = decode(json!({
        "id": "e1", "name": "Impossible Travel", "risk_level": "high", "timestamp": timestamp,
    }));
    let expected: DateTime<Utc> = Utc.with_ymd_and_hms(2014, 1, 1, 5, 20, 0).unwrap()
        + chrono::Duration::microseconds(123_450);
    assert_eq!(event.timestamp, expected);
}

fn check_older_behavior_name(ex: &Examples) {
    let name = ex.get(
        "dlp_get_behaviors_response/allOf/1/properties/result/properties/behaviors\
         /additionalProperties/properties/name",
    );
    let behaviors: Behaviors = decode(json!({"behaviors": {"imp_travel": {
        "name": name, "description": "d", "enabled": false, "risk_level": "high",
    }}}));
    let expected = Behavior {
        name: "Impossible Travel".into(),
        description: "d".into(),
        enabled: false,
        risk_level: RiskLevel::High,
    };
    assert_eq!(behaviors.behaviors["imp_travel"], expected);
}

fn check_older_success(ex: &Examples) {
    let envelope: Envelope<RiskSummary> = decode(check_success_common(ex));
    assert!(envelope.success);
    assert_eq!(envelope.result_info, None);
}

fn check_all_older(ex: &Examples) {
    check_risk_level(ex, "dlp_risk_level");
    check_failure(ex);
    check_older_success(ex);
    check_older_ids(ex);
    check_older_timestamp(ex);
    check_older_behavior_name(ex);
}

#[test]
fn older_fixture_matches_the_contract() {
    fixture_matches_contract(OLDER_FIXTURE, OLDER_CONTRACT);
}

#[test]
fn older_risk_level_and_failure_examples() {
    let ex = Examples::load(OLDER_FIXTURE);
    check_risk_level(&ex, "dlp_risk_level");
    check_failure(&ex);
    check_older_success(&ex);
}

#[test]
fn older_id_examples_validate_and_build_paths() {
    check_older_ids(&Examples::load(OLDER_FIXTURE));
}

#[test]
fn older_timestamp_example_decodes() {
    check_older_timestamp(&Examples::load(OLDER_FIXTURE));
}

#[test]
fn older_behavior_name_example_decodes() {
    check_older_behavior_name(&Examples::load(OLDER_FIXTURE));
}

#[test]
fn every_example_is_checked() {
    let current = Examples::load(CURRENT_FIXTURE);
    check_all_current(&current);
    assert_eq!(current.unread(), Vec::<String>::new(), "{CURRENT_FIXTURE}");
    assert_eq!(current.all.len(), 10, "examples in the current contract");

    let older = Examples::load(OLDER_FIXTURE);
    check_all_older(&older);
    assert_eq!(older.unread(), Vec::<String>::new(), "{OLDER_FIXTURE}");
    assert_eq!(older.all.len(), 11, "examples in the 2024 contract");
}
