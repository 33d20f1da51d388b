//! The emulator's request validation, from any request: every body check (behaviors, an
//! integration created or updated, an Access policy update) and the paging query either accept
//! or answer a 4xx v4 error whose items have a code ≥ 1000 and a JSON pointer that names a place
//! in the body (a value there, or a missing member of an object there). Never a panic.
//!
//! Input: `query NUL body`, or only a body when there is no NUL byte.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zt_risk_fuzz::points_into;
use zt_risk_server::emulator::access::validate::update_policy;
use zt_risk_server::emulator::{paging, validate};
use zt_risk_server::envelope::ApiError;
use zt_risk_server::query;

fn check<T>(result: Result<T, ApiError>, body: Option<&serde_json::Value>) {
    let Err(e) = result else {
        return;
    };
    assert!(e.status.is_client_error(), "{}", e.status);
    assert!(!e.errors.is_empty());
    for m in &e.errors {
        assert!(m.code >= 1000, "{m:?}");
        let pointer = m.pointer().expect("every problem points at its field");
        if let Some(body) = body {
            assert!(points_into(body, pointer), "{pointer:?} is not in the body");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (raw_query, body) = match data.iter().position(|b| *b == 0) {
        Some(i) => (std::str::from_utf8(&data[..i]).ok(), &data[i + 1..]),
        None => (None, data),
    };
    let value = serde_json::from_slice::<serde_json::Value>(body).ok();
    match validate::object(body) {
        Ok(map) => {
            check(validate::update_behaviors(&map), value.as_ref());
            check(validate::create_integration(&map), value.as_ref());
            check(validate::update_integration(&map), value.as_ref());
        }
        Err(e) => check(Err::<(), _>(e), value.as_ref()),
    }
    check(update_policy(body), value.as_ref());
    if let Some(id) = raw_query {
        check(validate::uuid("user_id", id), None);
    }
    if let Some(pairs) = query::parse(raw_query) {
        if let Ok(p) = paging::parse(&pairs, &["timestamp", "event_count", "max_risk_level"]) {
            let items: Vec<usize> = (0..body.len().min(64)).collect();
            let n = items.len();
            let (page, info) = paging::page(items, &p);
            assert!(page.len() <= n);
            assert_eq!(info.count, Some(page.len() as u64));
        }
    }
});
