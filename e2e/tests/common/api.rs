//! Reading the API from the page, as the console's own connection does (the demo's
//! `config.json`: the proxy and the demo token), to check what the console did against the
//! server itself rather than against what the console shows.

use serde_json::{json, Value};

use super::Console;

/// `GET {api_base_url}/accounts/{account_id}{arguments[0]}` with the demo token; the envelope's
/// `result`, or `{"error": …}`.
const GET: &str = r#"
const [path, done] = arguments;
(async () => {
  const c = await (await fetch('/config.json')).json();
  const base = c.api_base_url.replace(/\/+$/, '');
  const r = await fetch(base + '/accounts/' + encodeURIComponent(c.account_id) + path,
    { headers: { Authorization: 'Bearer ' + c.demo_token } });
  const body = await r.json();
  done(body.success ? body.result : { error: JSON.stringify(body.errors) });
})().catch(e => done({ error: String(e) }));
"#;

/// `POST {api_base_url}/accounts/{account_id}{arguments[0]}` without a body, like GET above.
const POST: &str = r#"
const [path, done] = arguments;
(async () => {
  const c = await (await fetch('/config.json')).json();
  const base = c.api_base_url.replace(/\/+$/, '');
  const r = await fetch(base + '/accounts/' + encodeURIComponent(c.account_id) + path,
    { method: 'POST', headers: { Authorization: 'Bearer ' + c.demo_token } });
  const body = await r.json();
  done(body.success ? (body.result ?? {}) : { error: JSON.stringify(body.errors) });
})().catch(e => done({ error: String(e) }));
"#;

impl Console {
    /// The result of `POST /accounts/{account_id}{path}` (no body) through the page's
    /// connection, not through the console's screens (a console page must be open).
    pub async fn api_post(&self, path: &str) -> Value {
        match self.client.execute_async(POST, vec![json!(path)]).await {
            Ok(value) if value.get("error").is_none() => value,
            other => panic!("POST {path} from the page failed: {other:?}"),
        }
    }

    /// The result of `GET /accounts/{account_id}{path}` through the page's connection (a
    /// console page must be open).
    pub async fn api_get(&self, path: &str) -> Value {
        match self.client.execute_async(GET, vec![json!(path)]).await {
            Ok(value) if value.get("error").is_none() => value,
            other => panic!("GET {path} from the page failed: {other:?}"),
        }
    }
}
