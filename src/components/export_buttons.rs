//! "Export CSV" and "Export JSON" for a view: the file is built in the browser a chunk at a
//! time (the page stays responsive, a progress bar shows big exports), named with the account
//! and a UTC time, and offered as a download. A failure is shown beside the buttons.

use std::sync::Arc;

use leptos::prelude::*;

use crate::export::{build_table, download, file_name, Format, Table, CHUNK_ROWS};
use crate::session::use_session;
use crate::text::thousands;

/// The export buttons of a view. `rows` is called when a button is pressed, so the file holds
/// the view as it is then (every matching row, not only the page shown).
///
/// ```ignore
/// <ExportButtons rows=Callback::new(move |()| Arc::new(UserRows { .. }) as Arc<dyn Table>)/>
/// ```
#[component]
pub fn ExportButtons(
    /// The rows to write, taken at the click.
    rows: Callback<(), Arc<dyn Table>>,
) -> impl IntoView {
    let session = use_session();
    // (rows written, rows in all) while a file is being built.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let error = RwSignal::new(None::<String>);
    let export = move |format: Format| {
        let table = rows.run(());
        let total = table.len();
        let account = session.connection().account_id;
        error.set(None);
        progress.set(Some((0, total)));
        leptos::task::spawn_local(async move {
            // Stops building if the page was left (the signal is gone).
            let shown = |done| progress.try_set(Some((done, total))).is_none();
            let name = file_name(table.what(), &account, chrono::Utc::now(), format);
            let outcome = match build_table(&*table, format, &shown).await {
                Ok(Some(blob)) => download(&blob, &name),
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            };
            progress.try_set(None);
            if let Err(e) = outcome {
                error.try_set(Some(format!("The export failed: {e}")));
            }
        });
    };
    let busy = move || progress.read().is_some();
    let button = move |format: Format| {
        view! {
            <button type="button" class="button secondary" disabled=busy aria-busy=move || busy().to_string()
                on:click=move |_| export(format)>{format!("Export {}", format.label())}</button>
        }
    };
    let bar = move || {
        progress.get().filter(|(_, total)| *total > CHUNK_ROWS).map(|(done, total)| {
            let words = format!("{} of {} rows written", thousands(done), thousands(total));
            view! {
                <progress max=total value=done aria-label="Export progress" aria-valuetext=words.clone()></progress>
                <span role="status">{words}</span>
            }
        })
    };
    view! {
        <div class="export" role="group" aria-label="Export">
            {button(Format::Csv)}
            {button(Format::Json)}
            {bar}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}
