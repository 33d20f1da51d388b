//! The matrix: a table of applications (row headers) × risk levels (column headers), sorted by
//! name, filtered and paged as the URL says; an application whose policies could not be read
//! says why and offers Retry in its row.

use leptos::prelude::*;

use super::cell::cell;
use super::filters::Toolbar;
use super::view_state::{matching, AccessFilters};
use crate::access::matrix::app_name;
use crate::access::{AccessLoad, Matrix, Policies, Row};
use crate::components::{EmptyState, PageInfo, Pager, SortHeader};
use crate::routes::Page;
use crate::state::url_view::use_url_view;

/// The row header: the application's name, its type (a type this build does not know is shown
/// by its raw name) and domain, and Retry when its policies could not be read.
fn row_header(matrix: &Matrix, row: &Row, load: AccessLoad) -> impl IntoView {
    let app = matrix.app(row);
    let name = app_name(app).to_owned();
    let facts: Vec<String> = [
        app.app_type().map(|t| t.label()),
        app.domain().map(str::to_owned),
    ]
    .into_iter()
    .flatten()
    .collect();
    let index = row.app;
    let retry = matches!(row.policies, Policies::Missing(_)).then(|| {
        let what = format!(" {name}");
        view! {
            <button type="button" class="button secondary small" on:click=move |_| load.retry(index)>
                "Retry"<span class="visually-hidden">{what}</span>
            </button>
        }
    });
    view! {
        <th scope="row">
            <span class="app-name">{name}</span>
            <span class="hint">{facts.join(" · ")}</span>
            {retry}
        </th>
    }
}

/// The filtered, paged matrix with its toolbar.
#[component]
pub fn MatrixView(
    /// The loaded matrix.
    matrix: Memo<Matrix>,
    /// Its loader (for Retry).
    load: AccessLoad,
) -> impl IntoView {
    let url = use_url_view::<AccessFilters>(Page::Access);
    let rows = Memo::new(move |_| {
        let view = url.view.read();
        matrix.with(|m| matching(m, &view.filters, view.sort))
    });
    let info = Memo::new(move |_| PageInfo::of(rows.with(Vec::len), url.view.read().page));
    let levels = Memo::new(move |_| url.view.read().filters.levels());
    let sort = Signal::derive(move || url.view.read().sort);
    let on_sort = Callback::new(move |column| url.sort(column));
    let on_page = Callback::new(move |page| url.to_page(page));
    let head = move || {
        levels
            .get()
            .into_iter()
            .map(|l| view! { <th scope="col">{l.label()}</th> })
            .collect_view()
    };
    let body = move || {
        let (start, end) = info.with(|i| (i.start, i.end));
        let levels = levels.get();
        matrix.with(|m| {
            rows.with(|r| {
                r.get(start..end)
                    .unwrap_or_default()
                    .iter()
                    .map(|&i| {
                        let row = &m.rows[i];
                        let cells = levels.iter().map(|l| cell(m, row, *l)).collect_view();
                        view! { <tr>{row_header(m, row, load)}{cells}</tr> }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="access-matrix-section" aria-labelledby="access-matrix-title">
            <h2 id="access-matrix-title">"Applications × risk levels"</h2>
            <Toolbar url/>
            <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! {
                <EmptyState title="No application matches">
                    <p>"No application matches the search and filters, or the account has no Access application."</p>
                </EmptyState>
            }>
                <div class="table-wrap">
                    <table class="access-matrix">
                        <caption>"What each risk level alone decides, by application"</caption>
                        <thead>
                            <tr>
                                <SortHeader column=super::view_state::Column::Name label="Application" sort on_sort/>
                                {head}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                <Pager info on_page/>
            </Show>
        </section>
    }
}
