//! The figures above the matrix, in words: per level, how many users the summary holds at it and
//! how many applications their risk score keeps them out of ("112 High users are kept out of 4
//! applications by their risk score"), each a link to those applications in the matrix; then
//! the applications closed to everyone and those that could not be checked.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::access::ScoreLevel;

use super::view_state::view_of;
use crate::access::words::{kept_out_sentence, unknown_sentence};
use crate::access::{Kind, Matrix};
use crate::pages::users::view_state::counts;
use crate::routes::Page;
use crate::state::{summary_users, use_reloadable};
use crate::text::plural;

/// A link to the matrix showing `level`'s cells of `kind` (all levels when `None`).
fn link(level: Option<ScoreLevel>, kind: Kind, text: String) -> impl IntoView {
    let href = Page::Access.with_query(&view_of(level, Some(kind)).to_query());
    view! { <A href=href>{text}</A> }
}

/// The figures of `matrix`, with user counts from the summary once it is in.
#[component]
pub fn Figures(
    /// The loaded matrix.
    matrix: Memo<Matrix>,
) -> impl IntoView {
    let (summary, _) = use_reloadable(summary_users);
    // Users per level; `None` until the summary is in (or if it cannot be read).
    let users = move || {
        summary.get().and_then(Result::ok).map(|users| {
            let n = counts(&users);
            [Some(n.low), Some(n.medium), Some(n.high), None]
        })
    };
    let lines = move || {
        let users = users().unwrap_or_default();
        matrix.with(|m| {
            ScoreLevel::ALL
                .into_iter()
                .zip(users)
                .map(|(level, n)| {
                    let text = kept_out_sentence(level, n, m.count(level, Kind::Out));
                    view! { <li>{link(Some(level), Kind::Out, text)}</li> }
                })
                .collect_view()
        })
    };
    let closed = move || {
        let n = matrix.with(Matrix::closed_count);
        (n > 0).then(|| {
            let text = format!(
                "{} no one in, whatever their risk.",
                plural(n, "application lets", "applications let")
            );
            view! { <li>{link(None, Kind::Closed, text)}</li> }
        })
    };
    let unknown = move || {
        let n = matrix.with(Matrix::unknown_count);
        (n > 0).then(|| view! { <li>{link(None, Kind::Unknown, unknown_sentence(n))}</li> })
    };
    let note = move || match summary.get() {
        Some(Err(error)) => Some(format!(
            "Users per level are not shown: the summary could not be read ({}).",
            error.title()
        )),
        _ => None,
    };
    view! {
        <section class="access-figures" aria-labelledby="access-figures-title">
            <h2 id="access-figures-title">"Kept out by risk"</h2>
            <ul>{lines}{closed}{unknown}</ul>
            <p class="hint">
                "Unscored users have no current risk score and are not in the summary, so they are not counted. "
                {note}
            </p>
        </section>
    }
}
