//! The seed side of the example tests: the `#### Response` examples pulled out of the seed
//! markdown, and the fixture copy of each (`tests/fixtures/seed/<operation>.json`).

/// The text of the seed example fixture of one operation, e.g. `summary_get`.
pub fn fixture(name: &str) -> String {
    super::fixture_text(&format!("seed/{name}.json"))
}

/// One `#### Response` JSON block of the seed markdown and the operation it documents.
#[derive(Debug, Clone)]
pub struct SeedExample {
    /// The `## ...` heading above it.
    pub heading: String,
    /// Lower-case HTTP method from the `**get** `/accounts/...`` line.
    pub method: String,
    /// The path below `/accounts/{account_id}/zt_risk_scoring`, e.g. `/integrations/{integration_id}`.
    pub path: String,
    pub json: String,
}

const PATH_PREFIX: &str = "/accounts/{account_id}/zt_risk_scoring";

/// Extracts every ```json block that directly follows a `#### Response` heading.
pub fn seed_examples(markdown: &str) -> Vec<SeedExample> {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut endpoint: Option<(String, String)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if let Some(h) = line.strip_prefix("## ") {
            heading = h.trim().to_owned();
            endpoint = None;
        } else if let Some(found) = endpoint_of(line) {
            endpoint = Some(found);
        } else if line.trim() == "#### Response" {
            let open = lines[i + 1..].iter().position(|l| !l.trim().is_empty());
            let open = open.map(|o| i + 1 + o);
            if let Some(open) = open.filter(|&o| lines[o].trim() == "```json") {
                let len = lines[open + 1..]
                    .iter()
                    .position(|l| l.trim() == "```")
                    .expect("unterminated ```json block in the seed");
                let (method, path) = endpoint
                    .clone()
                    .unwrap_or_else(|| panic!("response under {heading:?} has no endpoint line"));
                out.push(SeedExample {
                    heading: heading.clone(),
                    method,
                    path,
                    json: lines[open + 1..open + 1 + len].join("\n"),
                });
                i = open + 1 + len;
            }
        }
        i += 1;
    }
    out
}

/// `**get** `/accounts/{account_id}/zt_risk_scoring/summary`` → `("get", "/summary")`.
fn endpoint_of(line: &str) -> Option<(String, String)> {
    for method in ["get", "post", "put", "delete"] {
        let marker = format!("**{method}** `{PATH_PREFIX}");
        if let Some(at) = line.find(&marker) {
            let rest = &line[at + marker.len()..];
            let end = rest.find('`')?;
            return Some((method.to_owned(), rest[..end].to_owned()));
        }
    }
    None
}
