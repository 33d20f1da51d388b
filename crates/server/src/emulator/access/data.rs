//! One account's Access data as the emulator keeps it (and `--state` saves it): applications,
//! each using reusable policies or policies of its own, and the reusable policies. Rules are
//! kept as given, byte for byte. Also how they look on the wire (the SDK 5.9.0 shapes), and the
//! one change the emulator makes: a reusable policy's update. Pure: no HTTP, no files.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use zt_risk_api::access::Rule;

/// Everything Access holds for one account, in creation order (the order the lists return).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessData {
    pub apps: Vec<App>,
    /// The reusable policies.
    pub policies: Vec<PolicyData>,
}

/// An application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct App {
    pub id: String,
    pub name: String,
    /// `self_hosted`, `saas`…
    pub app_type: String,
    /// The public hostname (self-hosted applications).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    pub aud: String,
    pub session_duration: String,
    /// A SaaS application's SAML or OIDC settings, as the API shows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saas_app: Option<Value>,
    /// In precedence order: the first is precedence 1.
    pub policies: Vec<Link>,
}

/// One of an application's policies. Externally tagged: the state file reads it in one pass,
/// which the rules' raw JSON needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// A reusable policy, by id.
    Reusable(String),
    /// A policy of this application only.
    Own(PolicyData),
}

/// A policy's settable members and its timestamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyData {
    pub id: String,
    pub name: String,
    pub decision: String,
    pub include: Vec<Rule>,
    #[serde(default)]
    pub exclude: Vec<Rule>,
    #[serde(default)]
    pub require: Vec<Rule>,
    /// The other members an update takes (`approval_groups`, `mfa_config`, `session_duration`…),
    /// as last given.
    #[serde(default)]
    pub settings: Map<String, Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A valid update: everything `PUT /access/policies/{id}` overwrites.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyUpdate {
    pub name: String,
    pub decision: String,
    pub include: Vec<Rule>,
    pub exclude: Vec<Rule>,
    pub require: Vec<Rule>,
    pub settings: Map<String, Value>,
}

impl AccessData {
    pub fn app(&self, id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.id == id)
    }

    pub fn policy(&self, id: &str) -> Option<&PolicyData> {
        self.policies.iter().find(|p| p.id == id)
    }

    /// How many applications use reusable policy `id`.
    pub fn app_count(&self, id: &str) -> usize {
        self.apps
            .iter()
            .filter(|a| {
                a.policies
                    .iter()
                    .any(|l| matches!(l, Link::Reusable(r) if r == id))
            })
            .count()
    }

    /// Overwrites reusable policy `id` (a full overwrite, as the API does); `None` if there is
    /// no such reusable policy.
    pub fn update_policy(
        &mut self,
        id: &str,
        update: PolicyUpdate,
        now: DateTime<Utc>,
    ) -> Option<&PolicyData> {
        let policy = self.policies.iter_mut().find(|p| p.id == id)?;
        policy.name = update.name;
        policy.decision = update.decision;
        policy.include = update.include;
        policy.exclude = update.exclude;
        policy.require = update.require;
        policy.settings = update.settings;
        policy.updated_at = now;
        Some(policy)
    }

    /// An application on the wire, its policies embedded.
    pub fn app_view<'a>(&'a self, app: &'a App) -> AppView<'a> {
        let self_hosted = app.app_type == "self_hosted";
        AppView {
            id: &app.id,
            name: &app.name,
            app_type: &app.app_type,
            domain: app.domain.as_deref(),
            destinations: app.domain.as_deref().map(|uri| {
                [Destination {
                    kind: "public",
                    uri,
                }]
            }),
            aud: &app.aud,
            session_duration: self_hosted.then_some(app.session_duration.as_str()),
            app_launcher_visible: true,
            auto_redirect_to_identity: false,
            allowed_idps: [],
            saas_app: app.saas_app.as_ref(),
            policies: self.app_policies(app),
        }
    }

    /// An application's policies on the wire, with their precedence.
    pub fn app_policies<'a>(&'a self, app: &'a App) -> Vec<PolicyView<'a>> {
        app.policies
            .iter()
            .enumerate()
            .filter_map(|(i, link)| {
                let policy = match link {
                    Link::Reusable(id) => self.policy(id)?,
                    Link::Own(policy) => policy,
                };
                Some(PolicyView {
                    precedence: Some(i + 1),
                    ..PolicyView::of(policy)
                })
            })
            .collect()
    }

    /// A reusable policy on the wire.
    pub fn reusable_view<'a>(&'a self, policy: &'a PolicyData) -> PolicyView<'a> {
        PolicyView::reusable(policy, self.app_count(&policy.id))
    }
}

/// `{"type": "public", "uri": …}`, a self-hosted application's destination.
#[derive(Debug, Serialize)]
pub struct Destination<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    uri: &'a str,
}

/// An application as the API returns it (members of the SDK's application models).
#[derive(Debug, Serialize)]
pub struct AppView<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    app_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    destinations: Option<[Destination<'a>; 1]>,
    aud: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_duration: Option<&'a str>,
    app_launcher_visible: bool,
    auto_redirect_to_identity: bool,
    allowed_idps: [&'a str; 0],
    #[serde(skip_serializing_if = "Option::is_none")]
    saas_app: Option<&'a Value>,
    policies: Vec<PolicyView<'a>>,
}

/// A policy as the API returns it: reusable ones with `reusable` and `app_count`, an
/// application's with `precedence`. The rules are written as they were given.
#[derive(Debug, Serialize)]
pub struct PolicyView<'a> {
    id: &'a str,
    name: &'a str,
    decision: &'a str,
    include: &'a [Rule],
    exclude: &'a [Rule],
    require: &'a [Rule],
    #[serde(flatten)]
    settings: &'a Map<String, Value>,
    created_at: &'a DateTime<Utc>,
    updated_at: &'a DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    precedence: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reusable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    app_count: Option<usize>,
}

impl<'a> PolicyView<'a> {
    /// A reusable policy that `app_count` applications use.
    pub fn reusable(policy: &'a PolicyData, app_count: usize) -> Self {
        Self {
            reusable: Some(true),
            app_count: Some(app_count),
            ..Self::of(policy)
        }
    }

    fn of(policy: &'a PolicyData) -> Self {
        Self {
            id: &policy.id,
            name: &policy.name,
            decision: &policy.decision,
            include: &policy.include,
            exclude: &policy.exclude,
            require: &policy.require,
            settings: &policy.settings,
            created_at: &policy.created_at,
            updated_at: &policy.updated_at,
            precedence: None,
            reusable: None,
            app_count: None,
        }
    }
}
