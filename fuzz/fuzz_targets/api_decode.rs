//! The v4 envelope around every result the console decodes, from any bytes: a value or a typed
//! error, never a panic. What is built from a decoded value is exercised too: the levels an
//! application's policies keep out, and a policy's update body: JSON text, which serde_json
//! reads back whenever it could read the whole answer. (Its rules are kept as the answer wrote
//! them; serde_json's raw values take a lone surrogate escape such as `"\ud800x"` that its
//! `Value` refuses, so an answer holding one gives a body the emulator refuses too, with a
//! 400. Cloudflare's JSON never holds one: docs/fuzzing.md.)

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use zt_risk_api::access::{self, Application, Policy, RuleLists};
use zt_risk_api::{
    Behaviors, Envelope, Integration, RiskEvents, RiskSummary, SsfConfiguration, UserRiskInfo,
};

fn decode<T: DeserializeOwned>(data: &[u8]) -> Option<T> {
    let envelope = serde_json::from_slice::<Envelope<T>>(data).ok()?;
    for message in envelope.errors.iter().chain(&envelope.messages) {
        let _ = message.pointer();
    }
    envelope.result
}

fn policy(policy: &Policy, strict: bool) {
    let _ = (
        policy.id(),
        policy.name(),
        policy.decision(),
        policy.precedence(),
    );
    let _ = access::verdicts(Some(std::slice::from_ref(policy)));
    if let Ok(body) = access::update_body(policy, &RuleLists::of(policy)) {
        let text = serde_json::to_string(&body).expect("an update body serializes");
        serde_json::from_str::<&serde_json::value::RawValue>(&text).expect("a body is JSON text");
        if strict {
            serde_json::from_str::<serde_json::Value>(&text).expect("a body serde_json reads");
        }
    }
}

fn application(app: &Application, strict: bool) {
    let _ = (app.id(), app.name(), app.domain(), app.app_type());
    let _ = access::verdicts(app.policies());
    for p in app.policies().into_iter().flatten() {
        policy(p, strict);
    }
}

fuzz_target!(|data: &[u8]| {
    // Whether serde_json reads the whole answer as a `Value` (no lone surrogate anywhere).
    let strict = serde_json::from_slice::<serde_json::Value>(data).is_ok();
    if let Some(summary) = decode::<RiskSummary>(data) {
        summary.users.iter().for_each(|u: &UserRiskInfo| {
            let _ = (u.display_name(), u.max_risk_level.rank());
        });
    }
    if let Some(events) = decode::<RiskEvents>(data) {
        let _ = events.display_name();
        let _ = serde_json::to_string(&events);
    }
    if let Some(behaviors) = decode::<Behaviors>(data) {
        let _ = behaviors.settings();
    }
    let _ = decode::<Integration>(data);
    let _ = decode::<Vec<Integration>>(data);
    let _ = decode::<SsfConfiguration>(data);
    let _ = decode::<serde_json::Value>(data);
    if let Some(app) = decode::<Application>(data) {
        application(&app, strict);
    }
    decode::<Vec<Application>>(data)
        .into_iter()
        .flatten()
        .for_each(|a| application(&a, strict));
    if let Some(p) = decode::<Policy>(data) {
        policy(&p, strict);
    }
    decode::<Vec<Policy>>(data)
        .into_iter()
        .flatten()
        .for_each(|p| policy(&p, strict));
});
