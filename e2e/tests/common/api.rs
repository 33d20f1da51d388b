//! Reading (and, for a test's setup, changing) the API from the page, as the console's own
//! connection does (the demo's `config.json`: the proxy and the demo token), to check what the
//! console did against the server itself rather than against what the console shows.

use serde_json::{json, Value};

use super::Console;

/// `{arguments[1]} {api_base_url}/accounts/{account_id}{arguments[0]}` with the demo token and
/// no body; the envelope's `result` (`{}` for a null one), or `{"error": …}`.
const SEND: &str = r#"
const [path, method, done] = arguments;
(async () => {
  const c = await (await fetch('/config.json')).json();
  const base = c.api_base_url.replace(/\/+$/, '');
  const r = await fetch(base + '/accounts/' + encodeURIComponent(c.account_id) + path,
    { method, headers: { Authorization: 'Bearer ' + c.demo_token } });
  const body = await r.json();
  done(body.success ? (body.result ?? {}) : { error: JSON.stringify(body.errors) });
})().catch(e => done({ error: String(e) }));
"#;

impl Console {
    /// The result of `GET /accounts/{account_id}{path}` through the page's connection (a
    /// console page must be open).
    pub async fn api_get(&self, path: &str) -> Value {
        self.api_send("GET", path).await
    }

    /// The result of `POST /accounts/{account_id}{path}` (no body) through the page's
    /// connection, not through the console's screens (a console page must be open).
    pub async fn api_post(&self, path: &str) -> Value {
        self.api_send("POST", path).await
    }

    async fn api_send(&self, method: &str, path: &str) -> Value {
        let args = vec![json!(path), json!(method)];
        match self.client.execute_async(SEND, args).await {
            Ok(value) if value.get("error").is_none() => value,
            other => panic!("{method} {path} from the page failed: {other:?}"),
        }
    }
}
