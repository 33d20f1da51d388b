//! Access rules (the SDK's `AccessRule` union: one object per rule, named by its one member):
//! the few the console reads are typed, every rule keeps its exact JSON text, and any other
//! rule (device posture, IP ranges, service tokens, types added after this build…) is kept as
//! it came and sent back byte for byte.

use std::fmt;

use serde::de::{Deserializer, IgnoredAny};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::RiskLevel;

/// A level a `user_risk_score` rule can name: the three risk levels and `unscored` (a user
/// with no current score).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreLevel {
    Low,
    Medium,
    High,
    Unscored,
}

impl ScoreLevel {
    /// Every level, in the order the console shows them.
    pub const ALL: [ScoreLevel; 4] = [Self::Low, Self::Medium, Self::High, Self::Unscored];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Unscored => "unscored",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "Low",
            Self::Medium => "Medium",
            Self::High => "High",
            Self::Unscored => "Unscored",
        }
    }

    /// The level a user with risk level `level` has (`None`: not scored). An unknown level has
    /// no score level: what Access does with it cannot be told.
    pub fn of_user(level: Option<&RiskLevel>) -> Option<Self> {
        match level {
            None => Some(Self::Unscored),
            Some(RiskLevel::Low) => Some(Self::Low),
            Some(RiskLevel::Medium) => Some(Self::Medium),
            Some(RiskLevel::High) => Some(Self::High),
            Some(RiskLevel::Unknown(_)) => None,
        }
    }
}

impl fmt::Display for ScoreLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule is, as far as this build understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleKind {
    /// `{"user_risk_score": {"user_risk_score": [levels]}}`
    UserRiskScore(Vec<ScoreLevel>),
    /// `{"email": {"email": "…"}}`
    Email(String),
    /// `{"email_domain": {"domain": "…"}}`
    EmailDomain(String),
    /// `{"group": {"id": "…"}}` (an Access group)
    Group(String),
    /// `{"everyone": {}}`
    Everyone,
    /// Any other rule, or a known type in a shape this build does not read (a risk level it
    /// does not know, say); the name of its type when it is an object with one member.
    Other(Option<String>),
}

/// The typed rules, in their wire shapes (members beside the ones read are ignored).
#[derive(Deserialize)]
enum Known {
    #[serde(rename = "user_risk_score")]
    UserRiskScore { user_risk_score: Vec<ScoreLevel> },
    #[serde(rename = "email")]
    Email { email: String },
    #[serde(rename = "email_domain")]
    EmailDomain { domain: String },
    #[serde(rename = "group")]
    Group { id: String },
    #[serde(rename = "everyone")]
    Everyone {},
}

/// One rule: its exact JSON text and what it means.
#[derive(Debug, Clone)]
pub struct Rule {
    raw: Box<RawValue>,
    kind: RuleKind,
}

impl Rule {
    /// Reads a rule from its JSON text; any JSON value is a rule (unknown ones are `Other`).
    pub fn from_raw(raw: Box<RawValue>) -> Self {
        let kind = match serde_json::from_str::<Known>(raw.get()) {
            Ok(Known::UserRiskScore { user_risk_score }) => {
                RuleKind::UserRiskScore(user_risk_score)
            }
            Ok(Known::Email { email }) => RuleKind::Email(email),
            Ok(Known::EmailDomain { domain }) => RuleKind::EmailDomain(domain),
            Ok(Known::Group { id }) => RuleKind::Group(id),
            Ok(Known::Everyone {}) => RuleKind::Everyone,
            Err(_) => RuleKind::Other(type_name(raw.get())),
        };
        Self { raw, kind }
    }

    /// `{"user_risk_score": {"user_risk_score": levels}}`, levels in the order given.
    pub fn user_risk_score(levels: &[ScoreLevel]) -> Self {
        let list: Vec<&str> = levels.iter().map(|l| l.as_str()).collect();
        let text = format!(
            r#"{{"user_risk_score":{{"user_risk_score":{}}}}}"#,
            serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
        );
        Self::parse(&text)
    }

    /// `{"everyone": {}}`
    pub fn everyone() -> Self {
        Self::parse(r#"{"everyone":{}}"#)
    }

    /// `{"email": {"email": email}}`
    pub fn email(email: &str) -> Self {
        Self::parse(&format!(
            r#"{{"email":{{"email":{}}}}}"#,
            serde_json::Value::from(email)
        ))
    }

    /// `{"email_domain": {"domain": domain}}`
    pub fn email_domain(domain: &str) -> Self {
        Self::parse(&format!(
            r#"{{"email_domain":{{"domain":{}}}}}"#,
            serde_json::Value::from(domain)
        ))
    }

    /// `{"group": {"id": id}}`
    pub fn group(id: &str) -> Self {
        Self::parse(&format!(
            r#"{{"group":{{"id":{}}}}}"#,
            serde_json::Value::from(id)
        ))
    }

    /// A rule from JSON text made here (always valid JSON); an invalid text becomes `null`,
    /// an unknown rule, rather than a panic.
    fn parse(text: &str) -> Self {
        let raw = RawValue::from_string(text.to_owned())
            .unwrap_or_else(|_| RawValue::from_string("null".into()).unwrap_or_default());
        Self::from_raw(raw)
    }

    pub fn kind(&self) -> &RuleKind {
        &self.kind
    }

    /// The rule's JSON text, exactly as read (or as made).
    pub fn raw(&self) -> &str {
        self.raw.get()
    }

    /// The levels of a `user_risk_score` rule this build reads; `None` for any other rule.
    pub fn risk_levels(&self) -> Option<&[ScoreLevel]> {
        match &self.kind {
            RuleKind::UserRiskScore(levels) => Some(levels),
            _ => None,
        }
    }

    /// The rule's type as the API names it (`email`, `device_posture`…), if it has one.
    pub fn type_name(&self) -> Option<&str> {
        match &self.kind {
            RuleKind::UserRiskScore(_) => Some("user_risk_score"),
            RuleKind::Email(_) => Some("email"),
            RuleKind::EmailDomain(_) => Some("email_domain"),
            RuleKind::Group(_) => Some("group"),
            RuleKind::Everyone => Some("everyone"),
            RuleKind::Other(name) => name.as_deref(),
        }
    }
}

/// The name of the one member of an object, if `text` is one.
fn type_name(text: &str) -> Option<String> {
    let members: std::collections::BTreeMap<String, IgnoredAny> =
        serde_json::from_str(text).ok()?;
    let mut names = members.into_keys();
    match (names.next(), names.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The rule in words, for people ("Risk score is High or Medium", "device_posture rule").
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            RuleKind::UserRiskScore(levels) => {
                let labels: Vec<&str> = levels.iter().map(|l| l.label()).collect();
                write!(f, "Risk score is {}", labels.join(" or "))
            }
            RuleKind::Email(email) => write!(f, "Email is {email}"),
            RuleKind::EmailDomain(domain) => write!(f, "Email ends in @{domain}"),
            RuleKind::Group(id) => write!(f, "Member of group {id}"),
            RuleKind::Everyone => f.write_str("Everyone"),
            RuleKind::Other(Some(name)) => write!(f, "{name} rule"),
            RuleKind::Other(None) => f.write_str("Unrecognised rule"),
        }
    }
}

/// Equal when the JSON text is the same.
impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.raw.get() == other.raw.get()
    }
}

impl Eq for Rule {}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(Self::from_raw)
    }
}
