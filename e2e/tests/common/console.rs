//! `Console`: a browser session on the console, and how to find things in it the way an
//! admin does: by role and accessible name, by visible label, by visible text.

use std::fmt::Display;
use std::future::Future;
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::error::CmdError;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// How long a wait polls before failing.
pub const WAIT: Duration = Duration::from_secs(10);

/// Finds the first visible element with `role` (explicit, or implicit for common tags) whose
/// accessible name (aria-labelledby, aria-label, <label>, text) is exactly `name`.
pub(super) const BY_ROLE: &str = r#"
const [role, name, scope] = arguments;
const root = scope ? document.querySelector(scope) : document;
if (!root) return null;
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
const nameOf = el => {
  const lb = el.getAttribute('aria-labelledby');
  if (lb) return norm(lb.split(/\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' '));
  const al = el.getAttribute('aria-label');
  if (al) return norm(al);
  if (el.labels && el.labels.length) return norm(el.labels[0].textContent);
  if (el.tagName === 'TABLE' && el.caption) return norm(el.caption.textContent);
  return norm(el.textContent);
};
const implicit = {
  button: 'button:not([role])', link: 'a[href]:not([role])', combobox: 'select',
  textbox: 'input:not([type]),input[type=text],input[type=url],input[type=search],input[type=email],textarea',
  searchbox: 'input[type=search]', checkbox: 'input[type=checkbox]', table: 'table', dialog: 'dialog',
};
const sel = `[role="${role}"]` + (implicit[role] ? ',' + implicit[role] : '');
return [...root.querySelectorAll(sel)]
  .find(el => nameOf(el) === name && el.getClientRects().length > 0) || null;
"#;

/// The control labelled by the visible <label> whose text is exactly arguments[0].
const BY_LABEL: &str = r#"
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
const label = [...document.querySelectorAll('label')].find(l => norm(l.textContent) === arguments[0]);
return (label && label.control && label.control.getClientRects().length > 0) ? label.control : null;
"#;

/// A browser session on the console.
#[derive(Clone)]
pub struct Console {
    pub client: Client,
    /// The server's origin, e.g. `http://127.0.0.1:41234`.
    pub base: String,
    /// Where the browser saves downloads (a fresh directory per test).
    pub downloads: std::path::PathBuf,
}

impl Console {
    /// The path of the first finished download ending in `.{ext}`, waited for. Chromium writes
    /// to a `.crdownload` file and may create the final name empty beforehand (to reserve it),
    /// so a download is finished once no `.crdownload` is left and the file is not empty.
    pub async fn downloaded(&self, ext: &str) -> std::path::PathBuf {
        self.wait_for(format!("a finished .{ext} download"), || async {
            let files: Vec<_> = std::fs::read_dir(&self.downloads)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            let busy = files
                .iter()
                .any(|p| p.extension().is_some_and(|x| x == "crdownload"));
            let done = files.into_iter().find(|p| {
                p.extension().is_some_and(|x| x == ext)
                    && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
            });
            Ok(done.filter(|_| !busy))
        })
        .await
    }

    /// Polls `f` every 100 ms until it yields `Some`, for up to [`WAIT`]; WebDriver errors
    /// (stale elements, elements not there yet) count as "not yet". Fails naming `what`.
    pub async fn wait_for<T, Fut>(&self, what: impl Display, mut f: impl FnMut() -> Fut) -> T
    where
        Fut: Future<Output = Result<Option<T>, CmdError>>,
    {
        let deadline = Instant::now() + WAIT;
        let mut last_error = None;
        loop {
            match f().await {
                Ok(Some(v)) => return v,
                Ok(None) => {}
                Err(e) => last_error = Some(e.to_string()),
            }
            if Instant::now() > deadline {
                let url = self.client.current_url().await.map(|u| u.to_string());
                let text = self.body_text().await;
                let excerpt: String = text.chars().take(800).collect();
                panic!(
                    "timed out after {WAIT:?} waiting for {what}\n  at {url:?}\n  last error: \
                     {last_error:?}\n  page text: {excerpt}"
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The page's visible text (empty if there is none yet).
    pub async fn body_text(&self) -> String {
        let text = self.client.execute(
            "return document.body ? document.body.innerText : ''",
            vec![],
        );
        text.await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// Opens `path` (e.g. "/users") and waits until the console has rendered its frame.
    pub async fn open(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
        self.css("main#main h1").await;
    }

    /// The current path (and query), e.g. "/users?q=x".
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits until the path satisfies `pred`, returning it.
    pub async fn wait_path(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_for(format!("the URL to be {what}"), || async {
            let path = self.path().await;
            Ok(pred(&path).then_some(path))
        })
        .await
    }

    pub(super) async fn displayed(
        &self,
        found: Result<Element, CmdError>,
    ) -> Result<Option<Element>, CmdError> {
        match found {
            Ok(el) if el.is_displayed().await? => Ok(Some(el)),
            Ok(_) => Ok(None),
            Err(e) if e.is_no_such_element() => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Waits for a visible element matching the CSS selector.
    pub async fn css(&self, selector: &str) -> Element {
        self.wait_for(format!("a visible `{selector}`"), || async {
            self.displayed(self.client.find(Locator::Css(selector)).await)
                .await
        })
        .await
    }

    /// Waits for a visible element matching the XPath.
    pub async fn xpath(&self, xpath: &str) -> Element {
        self.wait_for(format!("a visible element at {xpath}"), || async {
            self.displayed(self.client.find(Locator::XPath(xpath)).await)
                .await
        })
        .await
    }

    /// Whether a visible element matches the CSS selector right now.
    pub async fn is_visible(&self, selector: &str) -> bool {
        matches!(
            self.displayed(self.client.find(Locator::Css(selector)).await)
                .await,
            Ok(Some(_))
        )
    }

    pub(super) async fn script_element(
        &self,
        script: &str,
        args: Vec<Value>,
    ) -> Result<Option<Element>, CmdError> {
        let found = self.client.execute(script, args).await?;
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str);
        Ok(id.map(|id| {
            Element::from_element_id(self.client.clone(), ElementRef::from(id.to_owned()))
        }))
    }

    /// Waits for a visible element with this role and exact accessible name.
    pub async fn role(&self, role: &str, name: &str) -> Element {
        self.wait_for(format!("a visible {role} named {name:?}"), || async {
            self.script_element(BY_ROLE, vec![json!(role), json!(name)])
                .await
        })
        .await
    }

    /// Whether a visible element with this role and name exists right now.
    pub async fn has_role(&self, role: &str, name: &str) -> bool {
        matches!(
            self.script_element(BY_ROLE, vec![json!(role), json!(name)])
                .await,
            Ok(Some(_))
        )
    }

    /// Waits for the control whose visible <label> is exactly `label`.
    pub async fn labelled(&self, label: &str) -> Element {
        self.wait_for(format!("a control labelled {label:?}"), || async {
            self.script_element(BY_LABEL, vec![json!(label)]).await
        })
        .await
    }
}
