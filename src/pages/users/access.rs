//! Beside the users list: for each risk level, the Access applications its users are kept out
//! of by their risk score, each level a link to those applications in the matrix. Its code is
//! a chunk of its own (`pages::lazy::users_access`); the list neither waits for it nor changes
//! with it, and a token without Access permission reads one line here.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::access::ScoreLevel;

use crate::access::matrix::app_name;
use crate::access::{Kind, Matrix};
use crate::components::WithAccess;
use crate::pages::access::view_state::view_of;
use crate::routes::Page;
use crate::text::{plural, thousands};

/// Names listed per level; the rest are counted.
const LISTED: usize = 5;

/// "Grafana, Jenkins, Payroll, AWS Console, HR Portal and 4 more", or "none".
pub fn names(matrix: &Matrix, rows: &[usize]) -> String {
    if rows.is_empty() {
        return "none".to_owned();
    }
    let shown: Vec<&str> = rows
        .iter()
        .take(LISTED)
        .map(|&i| app_name(&matrix.apps[i]))
        .collect();
    match rows.len().saturating_sub(LISTED) {
        0 => shown.join(", "),
        more => format!("{} and {} more", shown.join(", "), thousands(more)),
    }
}

/// The levels in the order the Users page lists them: riskiest first.
const ORDER: [ScoreLevel; 4] = [
    ScoreLevel::High,
    ScoreLevel::Medium,
    ScoreLevel::Low,
    ScoreLevel::Unscored,
];

/// One line per level.
fn levels(matrix: Memo<Matrix>) -> AnyView {
    let lines = move || {
        matrix.with(|m| {
            ORDER
                .into_iter()
                .map(|level| {
                    let rows: Vec<usize> = m.rows_of(level, Kind::Out).map(|r| r.app).collect();
                    let href =
                        Page::Access.with_query(&view_of(Some(level), Some(Kind::Out)).to_query());
                    let link = format!(
                        "{}: {}",
                        level.label(),
                        plural(rows.len(), "application", "applications")
                    );
                    view! { <li><A href=href>{link}</A>" — "{names(m, &rows)}</li> }
                })
                .collect_view()
        })
    };
    view! { <ul class="access-levels-list">{lines}</ul> }.into_any()
}

/// The section.
#[component]
pub fn LevelsKeptOut() -> impl IntoView {
    view! {
        <section class="access-levels" aria-labelledby="access-levels-title">
            <h2 id="access-levels-title">"Applications kept out by risk level"</h2>
            <WithAccess render=Callback::new(levels)/>
        </section>
    }
}
