//! `PUT /access/policies/{id}`: a full overwrite of a reusable policy, rules stored as given
//! (unknown types too, byte for byte), seen at once by the applications that use it; and bad
//! bodies refused with every problem and its pointer.

mod common;

use common::*;
use serde_json::Value;
use zt_risk_api::access::{update_body, Policy, Rule, RuleLists, ScoreLevel};

/// The reusable policy named `name`, as read, and its id.
async fn reusable(addr: std::net::SocketAddr, name: &str) -> (String, Value) {
    let (policies, _) = access_ok(addr, "/policies").await;
    let found = policies
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == name))
        .cloned()
        .unwrap_or_else(|| panic!("no reusable policy {name}"));
    (found["id"].as_str().unwrap_or_default().to_owned(), found)
}

#[tokio::test]
async fn an_update_through_the_console_types_keeps_every_other_rule() {
    let addr = emulator().await;
    let (id, _) = reusable(addr, "Everyone at the company").await;
    let read = access(addr, "GET", &format!("/policies/{id}"), None)
        .await
        .body;
    let policy: zt_risk_api::Envelope<Policy> = serde_json::from_str(&read).expect("policy");
    let policy = policy.result.expect("result");
    let mut rules = RuleLists::of(&policy);
    rules
        .exclude
        .push(Rule::user_risk_score(&[ScoreLevel::High]));
    let body = serde_json::to_string(&update_body(&policy, &rules).expect("body")).expect("json");
    let r = access(addr, "PUT", &format!("/policies/{id}"), Some(&body)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after: zt_risk_api::Envelope<Policy> = serde_json::from_str(&r.body).expect("policy");
    let after = after.result.expect("result");
    assert_eq!(RuleLists::of(&after), rules);
    assert_eq!(after.name(), policy.name());
    let settings = |p: &Policy| -> Vec<(String, String)> {
        [
            "session_duration",
            "approval_required",
            "isolation_required",
        ]
        .iter()
        .map(|k| {
            (
                k.to_string(),
                p.fields()
                    .get(k)
                    .map(|v| v.get().to_owned())
                    .unwrap_or_default(),
            )
        })
        .collect()
    };
    assert_eq!(settings(&after), settings(&policy));
    assert_ne!(
        after.fields().get("updated_at").map(|v| v.get().to_owned()),
        policy
            .fields()
            .get("updated_at")
            .map(|v| v.get().to_owned())
    );
    // Read back, and seen by the applications that use it (Wiki uses only this one).
    let (again, _) = access_ok(addr, &format!("/policies/{id}")).await;
    assert_eq!(
        again["exclude"],
        serde_json::json!([{"user_risk_score": {"user_risk_score": ["high"]}}])
    );
    let (apps, _) = access_ok(addr, "/apps").await;
    let wiki = apps
        .as_array()
        .and_then(|a| a.iter().find(|a| a["name"] == "Wiki"))
        .cloned();
    assert_eq!(
        wiki.map(|w| w["policies"][0]["exclude"].clone()),
        Some(again["exclude"].clone())
    );
}

#[tokio::test]
async fn unknown_rule_types_are_stored_as_given() {
    let addr = emulator().await;
    let (id, _) = reusable(addr, "Security team").await;
    let odd = r#"{ "device_posture" : {"integration_uid":"x", "z":[3,1]} }"#;
    let future = r#"{"quantum_badge":{"tier":7}}"#;
    let body = format!(
        r#"{{"name":"Security team","decision":"allow","include":[{odd},{{"group":{{"id":"g"}}}}],"require":[{future}],"session_duration":"8h","unknown_member":1}}"#
    );
    let r = access(addr, "PUT", &format!("/policies/{id}"), Some(&body)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    for text in [
        &r.body,
        &access(addr, "GET", &format!("/policies/{id}"), None)
            .await
            .body,
    ] {
        assert!(text.contains(odd), "byte for byte: {text}");
        assert!(text.contains(future), "{text}");
        assert!(text.contains(r#""exclude":[]"#), "a full overwrite: {text}");
        assert!(text.contains(r#""session_duration":"8h""#), "{text}");
        assert!(!text.contains("unknown_member"), "{text}");
    }
}

#[tokio::test]
async fn only_reusable_policies_can_be_updated() {
    let addr = emulator().await;
    let body = r#"{"name":"n","decision":"allow","include":[{"everyone":{}}]}"#;
    let missing = "00000000-0000-4000-8000-000000000000";
    access(addr, "PUT", &format!("/policies/{missing}"), Some(body))
        .await
        .v4_error(404, 1004);
    let (apps, _) = access_ok(addr, "/apps").await;
    let intranet = apps
        .as_array()
        .and_then(|a| a.iter().find(|a| a["name"] == "Intranet"))
        .cloned();
    let own = intranet.map(|a| {
        a["policies"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    });
    access(
        addr,
        "PUT",
        &format!("/policies/{}", own.unwrap_or_default()),
        Some(body),
    )
    .await
    .v4_error(404, 1004);
    let v = access(addr, "PUT", "/policies/not-a-uuid", Some(body))
        .await
        .v4_error(400, 1003);
    assert_eq!(v["errors"][0]["source"]["pointer"], "/policy_id");
}

#[tokio::test]
async fn bad_bodies_are_400_with_every_problem_and_its_pointer() {
    let addr = emulator().await;
    let (id, before) = reusable(addr, "Employees").await;
    let target = format!("/policies/{id}");
    let ok = r#""name":"n","decision":"allow""#;
    for (body, code, pointers) in [
        ("".to_owned(), 1001, vec![""]),
        ("{".to_owned(), 1001, vec![""]),
        ("[]".to_owned(), 1003, vec![""]),
        (
            "{}".to_owned(),
            1002,
            vec!["/decision", "/name", "/include"],
        ),
        (
            r#"{"name":"n","decision":"maybe","include":[]}"#.to_owned(),
            1003,
            vec!["/decision"],
        ),
        (
            r#"{"name":" ","decision":"deny","include":[]}"#.to_owned(),
            1003,
            vec!["/name"],
        ),
        (
            format!(r#"{{{ok},"include":{{"everyone":{{}}}}}}"#),
            1003,
            vec!["/include"],
        ),
        (
            format!(r#"{{{ok},"include":[],"exclude":null}}"#),
            1003,
            vec!["/exclude"],
        ),
        (
            format!(r#"{{{ok},"include":["everyone"]}}"#),
            1003,
            vec!["/include/0"],
        ),
        (
            format!(r#"{{{ok},"include":[{{}}]}}"#),
            1003,
            vec!["/include/0"],
        ),
        (
            format!(r#"{{{ok},"include":[{{"email":{{"email":"a"}},"group":{{"id":"g"}}}}]}}"#),
            1003,
            vec!["/include/0"],
        ),
        (
            format!(
                r#"{{{ok},"include":[],"exclude":[{{"user_risk_score":{{"user_risk_score":["high","extreme"]}}}}]}}"#
            ),
            1003,
            vec!["/exclude/0/user_risk_score/user_risk_score/1"],
        ),
        (
            format!(
                r#"{{{ok},"include":[],"require":[{{"user_risk_score":{{"levels":["high"]}}}}]}}"#
            ),
            1002,
            vec!["/require/0/user_risk_score/user_risk_score"],
        ),
        (
            format!(r#"{{{ok},"include":[{{"email":{{"email":""}}}}]}}"#),
            1003,
            vec!["/include/0/email/email"],
        ),
        (
            format!(r#"{{{ok},"include":[{{"email_domain":{{}}}}]}}"#),
            1002,
            vec!["/include/0/email_domain/domain"],
        ),
        (
            format!(r#"{{{ok},"include":[{{"group":{{"id":5}}}}]}}"#),
            1003,
            vec!["/include/0/group/id"],
        ),
        (
            format!(r#"{{{ok},"include":[{{"everyone":true}}]}}"#),
            1003,
            vec!["/include/0/everyone"],
        ),
        (
            format!(r#"{{{ok},"include":[],"session_duration":"1d"}}"#),
            1003,
            vec!["/session_duration"],
        ),
        (
            format!(r#"{{{ok},"include":[],"approval_required":"no"}}"#),
            1003,
            vec!["/approval_required"],
        ),
        (
            format!(r#"{{{ok},"include":[],"mfa_config":[]}}"#),
            1003,
            vec!["/mfa_config"],
        ),
        (
            format!(r#"{{{ok},"include":[],"approval_groups":[{{"email_addresses":[1]}}]}}"#),
            1002,
            vec![
                "/approval_groups/0/approvals_needed",
                "/approval_groups/0/email_addresses",
            ],
        ),
    ] {
        let r = access(addr, "PUT", &target, Some(&body)).await;
        let v = r.v4_error(400, code);
        let got: Vec<&str> = v["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(|e| e["source"]["pointer"].as_str())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(got, pointers, "{body}");
    }
    let (_, after) = reusable(addr, "Employees").await;
    assert_eq!(after, before, "nothing was changed");
}
