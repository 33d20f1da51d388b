//! One cell of the matrix: what the level's risk score decides about the application ("Kept
//! out", "Let in", "Depends on identity", "Unknown"), and the policy and rule that decide, as
//! text; all of it in the cell's `title` too, and beyond the first reason behind a disclosure.

use leptos::prelude::*;
use zt_risk_api::access::ScoreLevel;

use crate::access::words::{kind_label, reasons};
use crate::access::{Kind, Matrix, Row};

/// The cell's class, which colours it.
fn class(kind: Kind) -> &'static str {
    match kind {
        Kind::Out | Kind::Closed => "cell out",
        Kind::In => "cell in",
        Kind::Identity => "cell identity",
        Kind::Unknown => "cell unknown",
    }
}

/// The `<td>` of `row` at `level`.
pub fn cell(matrix: &Matrix, row: &Row, level: ScoreLevel) -> impl IntoView {
    let kind = row.kind(level);
    let mut reasons = reasons(matrix, row, level).into_iter();
    let first = reasons.next().unwrap_or_default();
    let rest: Vec<String> = reasons.collect();
    let title = std::iter::once(first.clone())
        .chain(rest.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    let more = (!rest.is_empty()).then(|| {
        let summary = format!("{} more", rest.len());
        view! {
            <details>
                <summary>{summary}</summary>
                <ul>{rest.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </details>
        }
    });
    view! {
        <td class=class(kind) data-label=level.label() title=title>
            <span class="verdict">{kind_label(kind)}</span>
            <span class="cause">{first}</span>
            {more}
        </td>
    }
}
