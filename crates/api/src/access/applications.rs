//! Access applications as `GET /access/apps[/{id}]` returns them (the SDK's union of
//! self-hosted, SaaS, browser SSH/VNC/RDP, App Launcher, bookmark, infrastructure, MCP… apps):
//! every member kept as read, typed views of what the console shows, the embedded policies.
//! Any application type is accepted; one the SDK does not list is `AppType::Unknown`.

use serde::de::Deserializer;
use serde::Deserialize;

use super::fields::{raw_backed, RawFields};
use super::policies::Policy;

/// The application type (the SDK's `ApplicationType`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AppType {
    SelfHosted,
    Saas,
    Ssh,
    Vnc,
    AppLauncher,
    Warp,
    Biso,
    Bookmark,
    DashSso,
    Infrastructure,
    Rdp,
    Mcp,
    McpPortal,
    ProxyEndpoint,
    /// A value this build does not know.
    Unknown(String),
}

/// Wire value and label of every known type.
const TYPES: [(AppType, &str, &str); 14] = [
    (AppType::SelfHosted, "self_hosted", "Self-hosted"),
    (AppType::Saas, "saas", "SaaS"),
    (AppType::Ssh, "ssh", "Browser SSH"),
    (AppType::Vnc, "vnc", "Browser VNC"),
    (AppType::AppLauncher, "app_launcher", "App Launcher"),
    (AppType::Warp, "warp", "Device enrollment"),
    (AppType::Biso, "biso", "Browser Isolation"),
    (AppType::Bookmark, "bookmark", "Bookmark"),
    (AppType::DashSso, "dash_sso", "Dashboard SSO"),
    (AppType::Infrastructure, "infrastructure", "Infrastructure"),
    (AppType::Rdp, "rdp", "Browser RDP"),
    (AppType::Mcp, "mcp", "MCP server"),
    (AppType::McpPortal, "mcp_portal", "MCP portal"),
    (
        AppType::ProxyEndpoint,
        "proxy_endpoint",
        "Gateway proxy endpoint",
    ),
];

impl AppType {
    pub fn from_wire(s: &str) -> Self {
        TYPES
            .iter()
            .find(|(_, wire, _)| *wire == s)
            .map_or_else(|| Self::Unknown(s.to_owned()), |(t, _, _)| t.clone())
    }

    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown(s) => s,
            known => TYPES
                .iter()
                .find(|(t, _, _)| t == known)
                .map_or("", |(_, wire, _)| wire),
        }
    }

    /// A label for people ("Self-hosted", or "Unknown (x)").
    pub fn label(&self) -> String {
        match self {
            Self::Unknown(s) => format!("Unknown ({s})"),
            known => TYPES
                .iter()
                .find(|(t, _, _)| t == known)
                .map_or_else(String::new, |(_, _, label)| (*label).to_owned()),
        }
    }
}

/// One application as read. Encoding writes back every member as it came.
#[derive(Debug, Clone)]
pub struct Application {
    fields: RawFields,
    id: Option<String>,
    name: Option<String>,
    domain: Option<String>,
    aud: Option<String>,
    app_type: Option<AppType>,
    policies: Option<Vec<Policy>>,
}

impl Application {
    /// Reads the views out of `fields`. Never fails: a member of an odd shape reads as absent,
    /// and embedded policies that cannot be read are `None` (unknown, not "no policies").
    pub fn from_fields(fields: RawFields) -> Self {
        Self {
            id: fields.lenient("id"),
            name: fields.lenient("name"),
            domain: fields.lenient("domain"),
            aud: fields.lenient("aud"),
            app_type: fields
                .lenient::<String>("type")
                .map(|t| AppType::from_wire(&t)),
            policies: fields.lenient("policies"),
            fields,
        }
    }

    pub fn fields(&self) -> &RawFields {
        &self.fields
    }

    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The primary hostname and path (self-hosted and browser apps; SaaS apps have none).
    pub fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// The audience tag.
    pub fn aud(&self) -> Option<&str> {
        self.aud.as_deref()
    }

    pub fn app_type(&self) -> Option<&AppType> {
        self.app_type.as_ref()
    }

    /// The policies embedded in the application, in the order returned; `None` when the
    /// response had none or they could not be read (then ask `GET /apps/{id}/policies`).
    pub fn policies(&self) -> Option<&[Policy]> {
        self.policies.as_deref()
    }
}

raw_backed!(Application);

impl<'de> Deserialize<'de> for Application {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawFields::deserialize(deserializer).map(Self::from_fields)
    }
}
