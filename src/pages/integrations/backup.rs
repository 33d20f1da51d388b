//! Backup of the integrations as JSON. Export writes the list as `GET /integrations` returns
//! it. Import checks a file first (`import::integrations_file`), then a review lists what it
//! will create (no integration has its reference ID) and update (one has: the changed fields);
//! nothing is ever deleted. Apply runs it (`backup_run.rs`) and reports each result, with
//! Retry for the failed ones.

use leptos::prelude::*;
use zt_risk_api::import::{integrations_file, plan, Backup, Problem, Step};
use zt_risk_api::Integration;

use super::backup_run::{describe, run, table, Outcome};
use crate::api::use_api;
use crate::components::{ConfirmDialog, ImportExport};

/// Export, import, the import's review and its report, for the integrations as loaded
/// (`None` while they are not). `on_done` reloads the list after an import ran.
#[component]
pub fn Backups(
    /// The integrations as last loaded.
    #[prop(into)]
    loaded: Signal<Option<Vec<Integration>>>,
    /// Called after an import ran.
    on_done: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let planned = RwSignal::new(Vec::<(Backup, Step)>::new());
    let open = RwSignal::new(false);
    let apply = Action::new_local(move |(): &()| {
        let (api, steps) = (api.clone(), planned.get_untracked());
        async move {
            let report = run(api, steps).await;
            open.set(false);
            let failed = report.iter().filter(|r| matches!(r.2, Outcome::Failed(_)));
            planned.set(failed.map(|(b, s, _)| (b.clone(), s.clone())).collect());
            on_done.run(());
            report
        }
    });
    let export = Callback::new(move |()| match loaded.get_untracked() {
        Some(list) => serde_json::to_string_pretty(&list)
            .map_err(|e| format!("The integrations cannot be exported: {e}")),
        None => Err("The integrations are not loaded yet.".to_owned()),
    });
    let on_text = Callback::new(move |text: Result<String, Vec<Problem>>| {
        let checked = text.and_then(|t| integrations_file(&t)).and_then(|backup| {
            let existing = loaded.get_untracked().ok_or_else(|| {
                Problem::whole_file("The integrations are not loaded: reload the list first.")
            })?;
            let steps = plan(&backup, &existing);
            Ok(backup.into_iter().zip(steps).collect())
        });
        match checked {
            Ok(steps) => {
                problems.set(Vec::new());
                planned.set(steps);
                apply.value().set(None);
                open.set(true);
            }
            Err(found) => problems.set(found),
        }
    });
    let review = move || {
        let rows = planned.with(|p| p.iter().map(|(b, s)| (b.clone(), describe(s))).collect());
        table("What the import does", rows)
    };
    let report = move || {
        let report = apply.value().get()?;
        let rows = report.into_iter().map(|(b, _, o)| (b, o.text())).collect();
        let retry = (!planned.with(Vec::is_empty)).then(|| view! {
            <button type="button" class="button" on:click=move |_| { apply.dispatch(()); }>"Retry failed"</button>
        });
        Some(view! { <div role="status">{table("Import results", rows)}{retry}</div> })
    };
    view! {
        <ImportExport heading_id="backup-heading" title="Backup" file_id="import-integrations"
            intro="Export the integrations as JSON. Importing such a file creates the integrations whose reference ID is missing here and updates those whose reference ID matches; it never deletes any. You review it before anything is sent."
            kind="integrations" export on_text problems>
            {report}
        </ImportExport>
        <ConfirmDialog open title="Review import".to_owned() confirm_label="Apply".to_owned() review=true
            pending=apply.pending() on_confirm=Callback::new(move |()| { apply.dispatch(()); })>
            {move || open.get().then(review)}
            <p>"Integrations that are not in the file stay as they are."</p>
        </ConfirmDialog>
    }
}
