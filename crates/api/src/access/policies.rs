//! Access policies as `GET /access/policies[/{id}]` (reusable) and `GET /access/apps/{id}/policies`
//! (an application's, reusable or its own) return them: every member kept as read, with typed
//! views of what the console reads. Unknown decisions and members are kept, never refused.

use std::fmt;

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;

use super::fields::{raw_backed, RawFields};
use super::rules::Rule;

/// What Access does with a user a policy matches (the SDK's `Decision`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Decision {
    Allow,
    /// "Block" in the dashboard.
    Deny,
    /// "Service Auth" in the dashboard.
    NonIdentity,
    Bypass,
    /// A value this build does not know.
    Unknown(String),
}

impl Decision {
    pub fn from_wire(s: &str) -> Self {
        match s {
            "allow" => Self::Allow,
            "deny" => Self::Deny,
            "non_identity" => Self::NonIdentity,
            "bypass" => Self::Bypass,
            other => Self::Unknown(other.to_owned()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Self::Allow => "allow",
            Self::Deny => "deny",
            Self::NonIdentity => "non_identity",
            Self::Bypass => "bypass",
            Self::Unknown(s) => s,
        }
    }

    /// The dashboard's name for it.
    pub fn label(&self) -> String {
        match self {
            Self::Allow => "Allow".into(),
            Self::Deny => "Block".into(),
            Self::NonIdentity => "Service Auth".into(),
            Self::Bypass => "Bypass".into(),
            Self::Unknown(s) => format!("Unknown ({s})"),
        }
    }
}

/// Where a rule sits in a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Position {
    /// Any one must match (OR).
    Include,
    /// None may match (NOT).
    Exclude,
    /// All must match (AND).
    Require,
}

impl Position {
    pub const ALL: [Position; 3] = [Self::Include, Self::Exclude, Self::Require];

    /// The member name (`include`, `exclude`, `require`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Include => "include",
            Self::Exclude => "exclude",
            Self::Require => "require",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Include => "Include",
            Self::Exclude => "Exclude",
            Self::Require => "Require",
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One policy as read. Encoding writes back every member as it came (see [`RawFields`]); the
/// accessors are views of it, read once.
///
/// Decoding fails only when what evaluation depends on has a shape the API never sends
/// (`include` not an array, `decision` not a string): guessing would be worse than saying the
/// policies could not be read.
#[derive(Debug, Clone)]
pub struct Policy {
    fields: RawFields,
    id: Option<String>,
    name: Option<String>,
    decision: Option<Decision>,
    include: Vec<Rule>,
    exclude: Vec<Rule>,
    require: Vec<Rule>,
    precedence: Option<i64>,
    reusable: Option<bool>,
    app_count: Option<u64>,
}

impl Policy {
    /// Reads the views out of `fields`.
    pub fn from_fields(fields: RawFields) -> Result<Self, serde_json::Error> {
        let rules = |name| {
            fields
                .parse::<Vec<Rule>>(name)
                .map(Option::unwrap_or_default)
        };
        Ok(Self {
            id: fields.lenient("id"),
            name: fields.lenient("name"),
            decision: fields
                .parse::<String>("decision")?
                .map(|d| Decision::from_wire(&d)),
            include: rules("include")?,
            exclude: rules("exclude")?,
            require: rules("require")?,
            precedence: fields.lenient("precedence"),
            reusable: fields.lenient("reusable"),
            app_count: fields.lenient("app_count"),
            fields,
        })
    }

    /// Every member as read.
    pub fn fields(&self) -> &RawFields {
        &self.fields
    }

    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// `None` when the policy has no decision (the SDK makes it optional in responses).
    pub fn decision(&self) -> Option<&Decision> {
        self.decision.as_ref()
    }

    /// The rules at `position` (none when absent or `null`).
    pub fn rules(&self, position: Position) -> &[Rule] {
        match position {
            Position::Include => &self.include,
            Position::Exclude => &self.exclude,
            Position::Require => &self.require,
        }
    }

    /// The order of an application's policy (application policies only).
    pub fn precedence(&self) -> Option<i64> {
        self.precedence
    }

    /// `Some(true)` on reusable policies as `GET /access/policies` returns them. Application
    /// policy lists do not say which of theirs are reusable: match their ids against that list.
    pub fn reusable(&self) -> Option<bool> {
        self.reusable
    }

    /// How many applications use this reusable policy.
    pub fn app_count(&self) -> Option<u64> {
        self.app_count
    }
}

raw_backed!(Policy);

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = RawFields::deserialize(deserializer)?;
        Self::from_fields(fields).map_err(D::Error::custom)
    }
}
