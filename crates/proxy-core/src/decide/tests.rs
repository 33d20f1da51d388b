//! The whole decision, request by request (the abuse suites in crates/server run the same
//! rules through both runtimes): the helpers the test modules share, which hold the tests by
//! what the proxy does with a request.

mod config;
mod forward;
mod refusals;

use super::*;

const A: &str = "0123456789abcdef0123456789abcdef";
const U: &str = "11111111-2222-4333-8444-555555555555";
const CONSOLE: &str = "https://console.example";

fn proxy(accounts: &[&str], serves_site: bool) -> Proxy {
    Proxy::new(&Config {
        upstream: "http://127.0.0.1:9/client/v4".into(),
        ssf_upstream: "http://127.0.0.1:10".into(),
        allowed_origins: vec![CONSOLE.into()],
        accounts: accounts.iter().map(|a| a.to_string()).collect(),
        serves_site,
        max_body: 1024,
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

fn base() -> String {
    format!("/client/v4/accounts/{A}/zt_risk_scoring")
}

fn forward(d: Decision) -> Forward {
    match d {
        Decision::Forward(f) => f,
        other => panic!("not forwarded: {other:?}"),
    }
}

fn refused(d: &Decision) -> (u16, i64) {
    match d {
        Decision::Refuse(r) => {
            let v: serde_json::Value = serde_json::from_str(&r.body).unwrap_or_default();
            (
                r.status,
                v["errors"][0]["code"].as_i64().unwrap_or_default(),
            )
        }
        other => panic!("not refused: {other:?}"),
    }
}

fn header<'a>(h: &'a HeaderPairs, name: &str) -> Option<&'a str> {
    h.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
}
