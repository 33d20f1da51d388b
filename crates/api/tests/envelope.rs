//! The v4 envelope: failure bodies decode into their errors whatever the operation's result type,
//! optional parts may be missing, and what the server sends has the contract's shape.

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use zt_risk_api::{
    ApiMessage, Behaviors, Empty, Envelope, ErrorSource, Integration, ResultInfo, RiskEvents,
    RiskSummary, UpdateBehaviors,
};

fn decode<T: DeserializeOwned>(value: &Value) -> Envelope<T> {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| {
        panic!(
            "{value} does not decode as Envelope<{}>: {e}",
            std::any::type_name::<T>()
        )
    })
}

/// Decodes `body` as the envelope of each operation's result type and hands back the errors,
/// checking they agree and that no result came with them.
fn errors_for_every_operation(body: &Value) -> Vec<ApiMessage> {
    fn one<T: DeserializeOwned + std::fmt::Debug>(body: &Value) -> Vec<ApiMessage> {
        let envelope: Envelope<T> = decode(body);
        assert!(!envelope.success);
        assert!(envelope.result.is_none(), "{:?}", envelope.result);
        envelope.errors
    }
    let all = [
        one::<RiskSummary>(body),
        one::<RiskEvents>(body),
        one::<Empty>(body),
        one::<Behaviors>(body),
        one::<UpdateBehaviors>(body),
        one::<Vec<Integration>>(body),
        one::<Integration>(body),
    ];
    for errors in &all[1..] {
        assert_eq!(errors, &all[0]);
    }
    all[0].clone()
}

#[test]
fn authentication_error_from_the_contract_readme() {
    let body = json!({
        "success": false,
        "errors": [{"code": 10000, "message": "Authentication error"}],
        "messages": [],
        "result": null
    });
    let errors = errors_for_every_operation(&body);
    assert_eq!(errors, vec![ApiMessage::new(10000, "Authentication error")]);
}

#[test]
fn every_error_field_is_kept() {
    let body = json!({
        "success": false,
        "errors": [
            {
                "code": 1001,
                "message": "tenant_url must be an https URL",
                "documentation_url": "https://developers.cloudflare.com/api/",
                "source": {"pointer": "/tenant_url"}
            },
            {"code": 1002, "message": "reference_id is taken", "source": {"pointer": "/reference_id"}}
        ],
        "messages": [],
        "result": null
    });
    let errors = errors_for_every_operation(&body);
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].code, 1001);
    assert_eq!(errors[0].message, "tenant_url must be an https URL");
    assert_eq!(
        errors[0].documentation_url.as_deref(),
        Some("https://developers.cloudflare.com/api/")
    );
    assert_eq!(errors[0].pointer(), Some("/tenant_url"));
    assert_eq!(errors[1].documentation_url, None);
    assert_eq!(errors[1].pointer(), Some("/reference_id"));
}

#[test]
fn missing_messages_errors_and_result_default() {
    let no_messages = json!({
        "success": false,
        "errors": [{"code": 7003, "message": "No route for the URI"}],
        "result": null
    });
    assert_eq!(
        errors_for_every_operation(&no_messages),
        vec![ApiMessage::new(7003, "No route for the URI")]
    );
    let envelope: Envelope<Integration> = decode(&no_messages);
    assert!(envelope.messages.is_empty());

    let bare = json!({"success": false});
    assert!(errors_for_every_operation(&bare).is_empty());
    let envelope: Envelope<RiskSummary> = decode(&bare);
    assert!(envelope.messages.is_empty());
    assert_eq!(envelope.result_info, None);
}

#[test]
fn failure_without_result_key() {
    let body = json!({
        "success": false,
        "errors": [{"code": 10000, "message": "Authentication error"}],
        "messages": []
    });
    assert_eq!(errors_for_every_operation(&body).len(), 1);
}

#[test]
fn source_without_pointer_and_unknown_fields_are_tolerated() {
    let body = json!({
        "success": false,
        "errors": [{"code": 1000, "message": "m", "source": {}, "extra": [1, 2]}],
        "messages": [{"code": 1000, "message": "note", "source": {"parameter": "x"}}],
        "result": null,
        "something_new": true
    });
    let envelope: Envelope<Integration> = decode(&body);
    assert_eq!(
        envelope.errors[0].source,
        Some(ErrorSource { pointer: None })
    );
    assert_eq!(envelope.errors[0].pointer(), None);
    assert_eq!(envelope.messages[0].message, "note");
}

#[test]
fn messages_come_with_a_success_too() {
    let body = json!({
        "success": true,
        "errors": [],
        "messages": [{"code": 1000, "message": "Integration created"}],
        "result": {}
    });
    let envelope: Envelope<Empty> = decode(&body);
    assert!(envelope.success);
    assert_eq!(
        envelope.messages,
        vec![ApiMessage::new(1000, "Integration created")]
    );
}

#[test]
fn reset_and_delete_results_may_be_empty_object_or_null() {
    let object: Envelope<Empty> =
        decode(&json!({"success": true, "errors": [], "messages": [], "result": {}}));
    assert_eq!(object.result, Some(json!({})));
    let null: Envelope<Empty> =
        decode(&json!({"success": true, "errors": [], "messages": [], "result": null}));
    assert!(null.success);
    assert_eq!(null.result, None);
}

#[test]
fn result_info_fields_are_each_optional() {
    let body = json!({
        "success": true, "errors": [], "messages": [],
        "result": {"users": []},
        "result_info": {"count": 0}
    });
    let envelope: Envelope<RiskSummary> = decode(&body);
    assert_eq!(
        envelope.result_info,
        Some(ResultInfo {
            count: Some(0),
            ..ResultInfo::default()
        })
    );

    let null_info = json!({
        "success": true, "errors": [], "messages": [],
        "result": {"users": []},
        "result_info": null
    });
    assert_eq!(decode::<RiskSummary>(&null_info).result_info, None);
}

#[test]
fn a_body_that_is_not_an_envelope_is_refused() {
    for body in [
        json!({}),
        json!({"result": {"users": []}}),
        json!([]),
        json!("Bad Gateway"),
        json!({"success": "false"}),
        json!({"success": false, "errors": [{"message": "no code"}]}),
        json!({"success": false, "errors": [{"code": 1000}]}),
    ] {
        assert!(
            serde_json::from_value::<Envelope<Empty>>(body.clone()).is_err(),
            "{body} should not decode"
        );
    }
}

#[test]
fn success_is_encoded_in_the_contract_shape() {
    let sent = serde_json::to_value(Envelope::ok(RiskSummary { users: vec![] })).unwrap();
    assert_eq!(
        sent,
        json!({"success": true, "errors": [], "messages": [], "result": {"users": []}})
    );

    let mut with_info = Envelope::ok(RiskSummary { users: vec![] });
    with_info.result_info = Some(ResultInfo {
        count: Some(0),
        page: Some(1),
        ..ResultInfo::default()
    });
    assert_eq!(
        serde_json::to_value(with_info).unwrap()["result_info"],
        json!({"count": 0, "page": 1})
    );
}

#[test]
fn failure_is_encoded_in_the_contract_shape() {
    let sent = Envelope::<Integration>::failure(vec![
        ApiMessage::new(10000, "Authentication error"),
        ApiMessage::new(1001, "Enter an https URL").at("/tenant_url"),
    ]);
    assert_eq!(
        serde_json::to_string(&sent).unwrap(),
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"},{"code":1001,"message":"Enter an https URL","source":{"pointer":"/tenant_url"}}],"messages":[],"result":null}"#
    );
    let back: Envelope<Integration> = serde_json::from_value(serde_json::to_value(&sent).unwrap())
        .expect("what the server sends, the console reads");
    assert_eq!(back, sent);
}
