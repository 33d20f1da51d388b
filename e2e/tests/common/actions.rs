//! What an admin does on the console: click, type, pick, wait for text; plus screenshots and
//! the browser's console log for diagnosis.

use std::path::PathBuf;

use fantoccini::elements::Element;
use fantoccini::Locator;
use serde_json::{json, Value};

use super::console::BY_ROLE;
use super::procs::{self, screenshot_dir};
use super::Console;

impl Console {
    /// Waits for the button named `label` to be enabled, then clicks it.
    pub async fn click_button(&self, label: &str) {
        self.click_button_in("", label).await;
    }

    /// Clicks the button named `label` inside the open modal dialog.
    pub async fn click_dialog_button(&self, label: &str) {
        self.click_button_in("dialog[open]", label).await;
    }

    /// Waits for the button named `label` inside the first `scope` match ("" = the page) to be
    /// enabled, then clicks it.
    pub async fn click_button_in(&self, scope: &str, label: &str) {
        self.wait_for(
            format!("an enabled button {label:?} in {scope:?} to click"),
            || async {
                let args = vec![json!("button"), json!(label), json!(scope)];
                let Some(el) = self.script_element(BY_ROLE, args).await? else {
                    return Ok(None);
                };
                if !el.is_enabled().await? {
                    return Ok(None);
                }
                el.click().await.map(Some)
            },
        )
        .await
    }

    /// Clicks the link named `label`.
    pub async fn click_link(&self, label: &str) {
        self.wait_for(format!("a link {label:?} to click"), || async {
            match self
                .script_element(BY_ROLE, vec![json!("link"), json!(label)])
                .await?
            {
                Some(el) => el.click().await.map(Some),
                None => Ok(None),
            }
        })
        .await
    }

    /// Replaces the value of the input labelled `label` by typing `value`, as a user would.
    pub async fn fill(&self, label: &str, value: &str) {
        let input = self.labelled(label).await;
        input.click().await.expect("focus the input");
        // Ctrl+A, Backspace: clears with real input events, then types the new value.
        input
            .send_keys("\u{E009}a\u{E000}\u{E003}")
            .await
            .expect("clear the input");
        if !value.is_empty() {
            input.send_keys(value).await.expect("type into the input");
        }
        let now = input
            .prop("value")
            .await
            .expect("read value")
            .unwrap_or_default();
        assert_eq!(
            now, value,
            "the input {label:?} did not take the typed value"
        );
    }

    /// Picks the option with visible text `option` in the select labelled `label`.
    pub async fn select(&self, label: &str, option: &str) {
        let select = self.labelled(label).await;
        select
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("select {label:?} has no option {option:?}: {e}"));
    }

    /// Waits for a visible element matching `selector` whose text contains `text`.
    pub async fn wait_text(&self, selector: &str, text: &str) -> Element {
        self.wait_for(format!("`{selector}` containing {text:?}"), || async {
            for el in self.client.find_all(Locator::Css(selector)).await? {
                if el.is_displayed().await? && el.text().await?.contains(text) {
                    return Ok(Some(el));
                }
            }
            Ok(None)
        })
        .await
    }

    /// Waits until no visible element matching `selector` contains `text`.
    pub async fn wait_no_text(&self, selector: &str, text: &str) {
        self.wait_for(format!("no `{selector}` containing {text:?}"), || async {
            for el in self.client.find_all(Locator::Css(selector)).await? {
                if el.is_displayed().await? && el.text().await?.contains(text) {
                    return Ok(None);
                }
            }
            Ok(Some(()))
        })
        .await
    }

    /// Prints the browser console's messages (wasm panics, failed requests) to stderr.
    pub async fn print_browser_log(&self) {
        match self.client.issue_cmd(procs::browser_log()).await {
            Ok(Value::Array(entries)) => {
                eprintln!("[e2e] browser console ({} messages):", entries.len());
                for e in entries {
                    let level = e["level"].as_str().unwrap_or("?");
                    let message: String = e["message"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .take(600)
                        .collect();
                    eprintln!("  {level}: {message}");
                }
            }
            other => eprintln!("[e2e] no browser console log: {other:?}"),
        }
    }

    /// Severe browser console messages that mean the console is broken whatever the page showed:
    /// a Rust panic, an uncaught exception, `config.json` not found.
    pub async fn fatal_browser_errors(&self) -> Option<String> {
        let Ok(Value::Array(entries)) = self.client.issue_cmd(procs::browser_log()).await else {
            return None;
        };
        let fatal: Vec<String> = entries
            .iter()
            .filter(|e| e["level"] == "SEVERE")
            .filter_map(|e| e["message"].as_str())
            .filter(|m| {
                m.contains("panicked") || m.contains("Uncaught") || m.contains("config.json")
            })
            .map(|m| m.chars().take(400).collect())
            .collect();
        (!fatal.is_empty()).then(|| fatal.join("\n  "))
    }

    /// Saves a screenshot as `<name>.png` under `target/e2e-screenshots/` and prints its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        match self.client.screenshot().await {
            Ok(png) => match std::fs::write(&path, png) {
                Ok(()) => println!("[e2e] screenshot: {}", path.display()),
                Err(e) => eprintln!("[e2e] cannot write {}: {e}", path.display()),
            },
            Err(e) => eprintln!("[e2e] screenshot {name} failed: {e}"),
        }
        path
    }
}

/// `GET /summary` from the page, with the demo's `config.json` connection: the users as the API
/// has them now (to check what the console did against the server itself).
const SUMMARY: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const c = await (await fetch('/config.json')).json();
  const base = c.api_base_url.replace(/\/+$/, '');
  const r = await fetch(base + '/accounts/' + encodeURIComponent(c.account_id) + '/zt_risk_scoring/summary',
    { headers: { Authorization: 'Bearer ' + c.demo_token } });
  done((await r.json()).result.users);
})().catch(e => done({ error: String(e) }));
"#;

impl Console {
    /// The summary's users as JSON objects, read from the API through the page's origin.
    pub async fn summary_users(&self) -> Vec<Value> {
        match self.client.execute_async(SUMMARY, vec![]).await {
            Ok(Value::Array(users)) => users,
            other => panic!("GET /summary from the page failed: {other:?}"),
        }
    }
}
