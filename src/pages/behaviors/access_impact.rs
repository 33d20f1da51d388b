//! The review's Access part: for each move of loaded users from one level to another that the
//! change causes, the Access applications they would lose (kept out after, not before) and gain
//! (`access::shift`). Like the count of users, it loads nothing by itself: "Check applications"
//! reads the Access data (through the read cache) when the admin asks.

use leptos::prelude::*;
use zt_risk_api::{Behaviors, RiskLevel};

use super::draft::BehaviorsDraft;
use crate::access::matrix::app_name;
use crate::access::shift::{access_change, moves, Move};
use crate::access::Matrix;
use crate::components::WithAccess;
use crate::state::use_events;
use crate::text::{plural, thousands};

/// "High", or "Unscored" for no level.
fn level_name(level: Option<&RiskLevel>) -> String {
    level.map_or_else(|| "Unscored".to_owned(), RiskLevel::label)
}

/// The names of `rows`, or "none".
fn listed(matrix: &Matrix, rows: &[usize]) -> String {
    if rows.is_empty() {
        return "none".to_owned();
    }
    let names: Vec<&str> = rows.iter().map(|&i| app_name(&matrix.apps[i])).collect();
    names.join(", ")
}

fn move_row(matrix: &Matrix, m: &Move) -> impl IntoView {
    let who = format!(
        "{}: {} → {}",
        plural(m.users, "user", "users"),
        level_name(m.from.as_ref()),
        level_name(m.to.as_ref())
    );
    let (lost, gained) = match access_change(matrix, m.from.as_ref(), m.to.as_ref()) {
        Some(change) => {
            let unknown = (change.unknown > 0)
                .then(|| format!(" ({} not checked)", thousands(change.unknown)));
            (
                format!(
                    "{}{}",
                    listed(matrix, &change.lost),
                    unknown.unwrap_or_default()
                ),
                listed(matrix, &change.gained),
            )
        }
        None => ("cannot be told".to_owned(), "cannot be told".to_owned()),
    };
    view! {
        <tr>
            <th scope="row">{who}</th>
            <td data-label="Kept out of">{lost}</td>
            <td data-label="No longer kept out of">{gained}</td>
        </tr>
    }
}

/// The applications each level move gains and loses, once asked for.
#[component]
pub fn AccessImpact(
    /// The unsaved edits.
    draft: RwSignal<BehaviorsDraft>,
    /// The server's settings as last read.
    catalog: RwSignal<Option<Behaviors>>,
) -> impl IntoView {
    let store = use_events();
    let asked = RwSignal::new(false);
    let level_moves = Memo::new(move |_| {
        let changes = draft.with(|d| d.changes());
        catalog.with(|c| {
            store.with(|e| {
                let users = e.users().iter().map(|u| &u.detail);
                c.as_ref()
                    .map(|c| moves(users, c, &changes))
                    .unwrap_or_default()
            })
        })
    });
    let render = Callback::new(move |matrix: Memo<Matrix>| {
        let rows = move || {
            matrix
                .with(|m| level_moves.with(|ms| ms.iter().map(|mv| move_row(m, mv)).collect_view()))
        };
        view! {
            <div class="table-wrap">
                <table class="access-impact">
                    <caption>"Access applications, by level move"</caption>
                    <thead><tr>
                        <th scope="col">"Users"</th>
                        <th scope="col">"Kept out of"</th>
                        <th scope="col">"No longer kept out of"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    });
    move || {
        if level_moves.with(Vec::is_empty) {
            return ().into_any();
        }
        if asked.get() {
            view! { <WithAccess render/> }.into_any()
        } else {
            view! {
                <p class="hint">"Which Access applications these users would lose or gain is read from Access when you ask."</p>
                <button type="button" class="button secondary" on:click=move |_| asked.set(true)>"Check applications"</button>
            }
            .into_any()
        }
    }
}
