//! Export and import of the behaviors as the `PUT /behaviors` body
//! (`{"behaviors": {"<id>": {"enabled": …, "risk_level": …}}}`), so a file can live in git and
//! be sent with curl or an SDK unchanged. An import is checked first (`import::behaviors_file`),
//! then becomes a draft shown in the review; it never sends anything by itself.

use leptos::prelude::*;
use zt_risk_api::import::{behaviors_file, Problem};
use zt_risk_api::Behaviors;

use super::draft::BehaviorsDraft;
use super::save::Saving;
use crate::components::ImportExport;

/// The saved settings as a pretty-printed `PUT /behaviors` body. A level this console does not
/// know is written as the server gave it (an import would then point at it).
fn body(behaviors: &Behaviors) -> String {
    let settings: serde_json::Map<String, serde_json::Value> = behaviors
        .behaviors
        .iter()
        .map(|(id, b)| {
            let setting =
                serde_json::json!({"enabled": b.enabled, "risk_level": b.risk_level.as_str()});
            (id.clone(), setting)
        })
        .collect();
    let body = serde_json::json!({ "behaviors": settings });
    serde_json::to_string_pretty(&body).unwrap_or_else(|_| body.to_string())
}

/// The Export button and the import zone, for the behaviors as last read from the server.
#[component]
pub fn Transfer(
    /// The behaviors as last read (what Export writes, and the ids an import may name).
    catalog: RwSignal<Option<Behaviors>>,
    /// The unsaved edits an import adds to.
    draft: RwSignal<BehaviorsDraft>,
    /// The review an import opens.
    saving: Saving,
) -> impl IntoView {
    let problems = RwSignal::new(Vec::<Problem>::new());
    let export = Callback::new(move |()| {
        catalog
            .with_untracked(|c| c.as_ref().map(body))
            .ok_or_else(|| "The behaviors are not loaded yet.".to_owned())
    });
    let on_text = Callback::new(move |text: Result<String, Vec<Problem>>| {
        let checked = text.and_then(|text| {
            catalog.with_untracked(|c| {
                behaviors_file(&text, |id| {
                    c.as_ref().is_some_and(|c| c.behaviors.contains_key(id))
                })
            })
        });
        match checked {
            Ok(settings) => {
                problems.set(Vec::new());
                draft.update(|d| d.import(settings));
                saving.review();
            }
            Err(found) => problems.set(found),
        }
    });
    view! {
        <ImportExport heading_id="transfer-heading" title="Import and export" file_id="import-behaviors"
            intro="Export the saved settings as JSON in the shape PUT /behaviors takes: keep the file in git, send it with curl or an SDK, or import it here. An import is checked, then shown for review before anything is sent."
            kind="behaviors" export on_text problems/>
    }
}
