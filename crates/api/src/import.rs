//! Checks configuration files before anything is done with them: a behaviors file (the
//! `PUT /behaviors` body) and an integrations backup (the list `GET /integrations` returns), and
//! plans what importing a backup does. Every problem names its place as a JSON pointer
//! (RFC 6901). Pure: no I/O; the console reads the file, this decides.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::validate::{reference_id, tenant_url};
use crate::{BehaviorUpdate, Integration, RiskLevel, UpdateIntegration};

/// The largest file accepted: 1 MB (1,048,576 bytes). Checked before the file is read.
pub const MAX_BYTES: u64 = 1 << 20;

/// One reason a file cannot be imported, at `pointer` ("" is the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pointer: String,
    pub message: String,
}

impl Problem {
    /// A problem with the whole file (or with doing anything with it), as the only one.
    pub fn whole_file(message: impl Into<String>) -> Vec<Problem> {
        vec![problem("", message)]
    }
}

fn problem(pointer: &str, message: impl Into<String>) -> Problem {
    Problem {
        pointer: pointer.to_owned(),
        message: message.into(),
    }
}

/// `base` extended by one reference token, escaped as RFC 6901 says (`~` → `~0`, `/` → `~1`).
pub fn pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", token.replace('~', "~0").replace('/', "~1"))
}

/// Refuses a file of `bytes` bytes over [`MAX_BYTES`], before it is read.
pub fn check_size(bytes: u64) -> Result<(), Problem> {
    if bytes > MAX_BYTES {
        return Err(problem(
            "",
            format!("The file is {bytes} bytes; files over 1 MB (1,048,576 bytes) are refused."),
        ));
    }
    Ok(())
}

fn parse(text: &str) -> Result<Value, Vec<Problem>> {
    serde_json::from_str(text)
        .map_err(|e| vec![problem("", format!("The file is not valid JSON: {e}."))])
}

/// The object at `at`, or a problem saying what was expected there.
fn object<'a>(
    value: &'a Value,
    at: &str,
    expected: &str,
    problems: &mut Vec<Problem>,
) -> Option<&'a Map<String, Value>> {
    let found = value.as_object();
    if found.is_none() {
        problems.push(problem(at, format!("Expected {expected}.")));
    }
    found
}

const BEHAVIOR_SHAPE: &str =
    r#"an object {"enabled": true or false, "risk_level": "low", "medium" or "high"}"#;

/// A behaviors file: `{"behaviors": {"<id>": {"enabled": bool, "risk_level": "low"|"medium"|"high"}}}`,
/// with only ids `known` to the account. Returns the settings, or every problem found.
pub fn behaviors_file(
    text: &str,
    known: impl Fn(&str) -> bool,
) -> Result<BTreeMap<String, BehaviorUpdate>, Vec<Problem>> {
    let root = parse(text)?;
    let mut problems = Vec::new();
    let mut settings = BTreeMap::new();
    let shape = r#"an object {"behaviors": {…}}, the PUT /behaviors body"#;
    let Some(root) = object(&root, "", shape, &mut problems) else {
        return Err(problems);
    };
    for key in root.keys().filter(|k| *k != "behaviors") {
        problems.push(problem(
            &pointer("", key),
            "Unexpected key: the file holds only \"behaviors\".",
        ));
    }
    let list = match root.get("behaviors") {
        Some(list) => object(
            list,
            "/behaviors",
            "an object of settings by behavior id",
            &mut problems,
        ),
        None => {
            problems.push(problem(
                "/behaviors",
                "Missing: the settings by behavior id.",
            ));
            None
        }
    };
    for (id, value) in list.into_iter().flatten() {
        let at = pointer("/behaviors", id);
        if !known(id) {
            problems.push(problem(
                &at,
                format!("This account has no behavior \"{id}\"."),
            ));
            continue;
        }
        let Some(fields) = object(value, &at, BEHAVIOR_SHAPE, &mut problems) else {
            continue;
        };
        for key in fields
            .keys()
            .filter(|k| *k != "enabled" && *k != "risk_level")
        {
            problems.push(problem(
                &pointer(&at, key),
                "Unexpected key: only \"enabled\" and \"risk_level\" can be set.",
            ));
        }
        let enabled = fields.get("enabled").and_then(Value::as_bool);
        if enabled.is_none() {
            problems.push(problem(&pointer(&at, "enabled"), "Expected true or false."));
        }
        let level = fields
            .get("risk_level")
            .and_then(Value::as_str)
            .and_then(RiskLevel::parse_known);
        if level.is_none() {
            problems.push(problem(
                &pointer(&at, "risk_level"),
                "Expected \"low\", \"medium\" or \"high\".",
            ));
        }
        if let (Some(enabled), Some(risk_level)) = (enabled, level) {
            settings.insert(
                id.clone(),
                BehaviorUpdate {
                    enabled,
                    risk_level,
                },
            );
        }
    }
    if problems.is_empty() {
        Ok(settings)
    } else {
        Err(problems)
    }
}

/// One integration of a backup, as it will be created or updated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub tenant_url: String,
    /// `None`: the API generates one on create.
    pub reference_id: Option<String>,
    /// Absent in the file: active.
    pub active: bool,
}

/// An integrations backup: a list of integrations as `GET /integrations` returns them. Only
/// `integration_type` ("Okta"), `tenant_url`, `reference_id` and `active` are read; the fields
/// the API assigns (id, account tag, dates, URLs) are ignored.
pub fn integrations_file(text: &str) -> Result<Vec<Backup>, Vec<Problem>> {
    let root = parse(text)?;
    let Some(items) = root.as_array() else {
        return Err(vec![problem(
            "",
            "Expected a list of integrations, as GET /integrations returns.",
        )]);
    };
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    let mut backups = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = pointer("", &i.to_string());
        let Some(fields) = object(item, &at, "an integration object", &mut problems) else {
            continue;
        };
        let field = |key: &str| (pointer(&at, key), fields.get(key).filter(|v| !v.is_null()));
        let mut bad =
            |key: &str, message: String| problems.push(problem(&pointer(&at, key), message));
        if field("integration_type").1.and_then(Value::as_str) != Some("Okta") {
            bad(
                "integration_type",
                "Only \"Okta\" integrations can be imported.".into(),
            );
        }
        let url = match field("tenant_url").1 {
            Some(Value::String(s)) => tenant_url(s).map_err(|e| e.message),
            _ => Err("Expected the Okta tenant URL as a string.".into()),
        };
        let reference = match field("reference_id").1 {
            None => Ok(None),
            Some(Value::String(s)) => reference_id(s).map_err(|e| e.message),
            Some(_) => Err("Expected the reference ID as a string.".into()),
        };
        let active = match field("active").1 {
            None => Ok(true),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| "Expected true or false.".to_owned()),
        };
        if let Ok(Some(r)) = &reference {
            if !seen.insert(r.clone()) {
                bad(
                    "reference_id",
                    "Another integration in this file has this reference ID.".into(),
                );
            }
        }
        match (url, reference, active) {
            (Ok(tenant_url), Ok(reference_id), Ok(active)) => backups.push(Backup {
                tenant_url,
                reference_id,
                active,
            }),
            (url, reference, active) => {
                for (key, e) in [
                    ("tenant_url", url.err()),
                    ("reference_id", reference.err()),
                    ("active", active.err()),
                ] {
                    if let Some(message) = e {
                        bad(key, message);
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(backups)
    } else {
        Err(problems)
    }
}

/// What importing one integration of a backup does.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// No integration has its reference ID: create it.
    Create,
    /// The integration `id` has its reference ID: overwrite it with `body`; `changed` names
    /// the fields that differ ("active", "tenant_url").
    Update {
        id: String,
        body: UpdateIntegration,
        changed: Vec<&'static str>,
    },
    /// The integration with its reference ID already matches.
    Unchanged,
}

/// Plans a backup against the `existing` integrations, matching by reference ID. Nothing is
/// ever deleted: integrations not in the backup are left alone.
pub fn plan(backup: &[Backup], existing: &[Integration]) -> Vec<Step> {
    backup
        .iter()
        .map(|b| {
            let Some(current) = existing
                .iter()
                .find(|i| b.reference_id.as_deref() == Some(i.reference_id.as_str()))
            else {
                return Step::Create;
            };
            let changed: Vec<&'static str> = [
                ("active", current.active != b.active),
                ("tenant_url", current.tenant_url != b.tenant_url),
            ]
            .into_iter()
            .filter_map(|(f, differs)| differs.then_some(f))
            .collect();
            if changed.is_empty() {
                return Step::Unchanged;
            }
            Step::Update {
                id: current.id.clone(),
                body: UpdateIntegration {
                    active: b.active,
                    tenant_url: b.tenant_url.clone(),
                    reference_id: b.reference_id.clone(),
                },
                changed,
            }
        })
        .collect()
}
