//! Taking a file from the admin: a labelled file picker inside a zone that also accepts a
//! dropped file. The size is checked before anything is read (`import::check_size`); what the
//! text means is the caller's business. `ImportProblems` lists why a file was refused.

use chrono::Utc;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};
use zt_risk_api::import::{check_size, Problem};

use super::Alert;
use crate::export::{self, Format};
use crate::session::use_session;

/// The file's text, or why it was not read (too big, unreadable).
async fn read(file: File) -> Result<String, Vec<Problem>> {
    check_size(file.size() as u64).map_err(|p| vec![p])?;
    let unreadable = || {
        vec![Problem {
            pointer: String::new(),
            message: "The file could not be read as text.".into(),
        }]
    };
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| unreadable())?;
    text.as_string().ok_or_else(unreadable)
}

/// A file input labelled `label`, in a zone a file can be dropped on. Only the first file is
/// taken; `on_text` gets its text or the problems that stopped it.
#[component]
pub fn FileDrop(
    /// The input's id.
    id: &'static str,
    /// The input's visible label ("Import a behaviors file").
    label: &'static str,
    /// Called with the file's text, or why it was not read.
    on_text: Callback<Result<String, Vec<Problem>>>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    let take = move |file: Option<File>| {
        if let Some(file) = file {
            leptos::task::spawn_local(async move { on_text.run(read(file).await) });
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        take(
            ev.data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0)),
        );
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<HtmlInputElement>(&ev);
        take(input.files().and_then(|f| f.get(0)));
        // Choosing the same file again must count as a new choice.
        input.set_value("");
    };
    // The zone is named by its hint.
    let hint = format!("{id}-drop");
    let zone_name = hint.clone();
    view! {
        <div class="drop-zone" class:over=over role="group" aria-labelledby=zone_name
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false) on:drop=on_drop>
            <label for=id>{label}</label>
            <input type="file" id=id accept=".json,application/json" on:change=on_change/>
            <p class="hint" id=hint>"Drop a JSON file here, or choose one. Nothing is sent until you review and apply it."</p>
        </div>
    }
}

/// A page's "export, then import a checked file" section: heading, what the file holds, the
/// Export button, the file zone and why the last file was refused; `children` follow (a
/// report of the last import, for example). Export saves the JSON that `export` gives as
/// `zt-risk-<kind>-<account>-<UTC time>.json`, or shows why there is none.
#[component]
pub fn ImportExport(
    /// The heading's id (the section is labelled by it).
    heading_id: &'static str,
    /// The heading.
    title: &'static str,
    /// What the file holds and what importing it does.
    intro: &'static str,
    /// The file input's id.
    file_id: &'static str,
    /// What the file names its contents ("behaviors").
    kind: &'static str,
    /// The JSON to export, or why there is none yet.
    export: Callback<(), Result<String, String>>,
    /// The chosen file's text, or why it was not read.
    on_text: Callback<Result<String, Vec<Problem>>>,
    /// Why the last export or import failed (empty: nothing to show).
    problems: RwSignal<Vec<Problem>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let session = use_session();
    let on_export = move |_| {
        let account = session.connection().account_id;
        let name = export::file_name(kind, &account, Utc::now(), Format::Json);
        let outcome = export
            .run(())
            .and_then(|text| export::save_text(&name, Format::Json, &text));
        problems.set(outcome.err().map(Problem::whole_file).unwrap_or_default());
    };
    view! {
        <section class="transfer" aria-labelledby=heading_id>
            <h2 id=heading_id>{title}</h2>
            <p>{intro}</p>
            <div class="actions">
                <button type="button" class="button secondary" on:click=on_export>"Export"</button>
            </div>
            <FileDrop id=file_id label="Import a file" on_text/>
            {move || (!problems.with(Vec::is_empty)).then(|| view! { <ImportProblems problems=problems.get()/> })}
            {children.map(|c| c())}
        </section>
    }
}

/// Why a file was refused: each problem with its JSON pointer.
#[component]
pub fn ImportProblems(
    /// The problems found.
    problems: Vec<Problem>,
) -> impl IntoView {
    view! {
        <Alert title="The file was not imported">
            <ul class="error-codes">
                {problems.into_iter().map(|p| {
                    let at = if p.pointer.is_empty() { "(the whole file)".to_owned() } else { p.pointer };
                    view! { <li><code>{at}</code>" "{p.message}</li> }
                }).collect_view()}
            </ul>
        </Alert>
    }
}
