//! Running an integrations import: each planned step in turn (a handful of requests, so one
//! after another rather than through the rate-limit runner), and the report of each result.

use leptos::prelude::*;
use zt_risk_api::import::{Backup, Step};
use zt_risk_api::{CreateIntegration, IntegrationType, UpdateIntegration};

use crate::api::{Api, ApiError};

/// What happened to one integration of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
    Failed(String),
}

impl Outcome {
    /// The words of the report: "Created", "Failed: …".
    pub fn text(&self) -> String {
        match self {
            Self::Created => "Created".into(),
            Self::Updated => "Updated".into(),
            Self::Unchanged => "Unchanged".into(),
            Self::Failed(why) => format!("Failed: {why}"),
        }
    }
}

/// What a step does, in the review: "Create", "Update active, tenant URL", "No change".
pub fn describe(step: &Step) -> String {
    match step {
        Step::Create => "Create".into(),
        Step::Update { changed, .. } => {
            let fields: Vec<&str> = changed
                .iter()
                .map(|f| if *f == "tenant_url" { "tenant URL" } else { f })
                .collect();
            format!("Update {}", fields.join(", "))
        }
        Step::Unchanged => "No change".into(),
    }
}

/// Creates (then deactivates, if the file says so) or updates one integration.
async fn run_one(api: &Api, backup: &Backup, step: &Step) -> Result<Outcome, ApiError> {
    match step {
        Step::Unchanged => Ok(Outcome::Unchanged),
        Step::Update { id, body, .. } => {
            api.update_integration(id, body).await?;
            Ok(Outcome::Updated)
        }
        Step::Create => {
            let body = CreateIntegration {
                integration_type: IntegrationType::Okta,
                tenant_url: backup.tenant_url.clone(),
                reference_id: backup.reference_id.clone(),
            };
            let created = api.create_integration(&body).await?;
            // A new integration is active; an inactive one in the file needs a second step.
            if !backup.active {
                let off = UpdateIntegration {
                    active: false,
                    tenant_url: created.tenant_url,
                    reference_id: Some(created.reference_id),
                };
                if let Err(e) = api.update_integration(&created.id, &off).await {
                    return Ok(Outcome::Failed(format!("created, but still active: {e}")));
                }
            }
            Ok(Outcome::Created)
        }
    }
}

/// Runs every step in order; a failure is reported and the run goes on.
pub async fn run(api: Api, plan: Vec<(Backup, Step)>) -> Vec<(Backup, Step, Outcome)> {
    let mut report = Vec::with_capacity(plan.len());
    for (backup, step) in plan {
        let outcome = run_one(&api, &backup, &step)
            .await
            .unwrap_or_else(|e| Outcome::Failed(e.to_string()));
        report.push((backup, step, outcome));
    }
    report
}

/// The table of the import's plan (`outcome` None) or of its results.
pub fn table(caption: &'static str, rows: Vec<(Backup, String)>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr><th scope="col">"Tenant URL"</th><th scope="col">"Reference ID"</th><th scope="col">"Result"</th></tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(b, what)| view! {
                        <tr>
                            <td>{b.tenant_url}</td>
                            <td><code>{b.reference_id.unwrap_or_else(|| "(generated)".into())}</code></td>
                            <td>{what}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
