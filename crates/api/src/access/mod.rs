//! Cloudflare Access, the part the console uses: applications, their policies, reusable
//! policies and their rules (`docs/contract-access.md`). Decoded tolerantly: any rule type,
//! application type, decision or member this build does not know is kept as read and sent back
//! byte for byte. Also the update body of a reusable policy and what a risk level alone decides
//! about each application.

pub mod applications;
pub mod evaluate;
mod fields;
pub mod policies;
pub mod rules;
pub mod update;

pub use applications::{AppType, Application};
pub use evaluate::{verdict, verdicts, Cause, RuleAt, Verdict};
pub use fields::RawFields;
pub use policies::{Decision, Policy, Position};
pub use rules::{Rule, RuleKind, ScoreLevel};
pub use update::{update_body, PolicyUpdate, RuleLists, UpdateError, UPDATE_MEMBERS};

/// The token permission the Access reads need, as the dashboard names it (API token group
/// "Access: Apps and Policies Read"; Edit also reads).
pub const READ_PERMISSION: &str = "Access: Apps and Policies Read";
/// The token permission `PUT /access/policies/{id}` needs, as the dashboard names it (API
/// token group "Access: Apps and Policies Write").
pub const EDIT_PERMISSION: &str = "Access: Apps and Policies Edit";
