//! The user page's applications: the Access applications the user's current level keeps them
//! out of by the risk score, each with the policy and rule that decide; how many others depend
//! on who they are or could not be checked; a link to the matrix at their level. A token
//! without Access permission reads one line here; the rest of the page works.

use leptos::prelude::*;
use leptos_router::components::A;
use zt_risk_api::access::ScoreLevel;
use zt_risk_api::RiskLevel;

use crate::access::matrix::app_name;
use crate::access::words::{reasons, unknown_sentence};
use crate::access::{Kind, Matrix};
use crate::components::WithAccess;
use crate::pages::access::view_state::view_of;
use crate::routes::Page;
use crate::text::plural;

/// "a High-risk user", "an unscored user".
fn as_who(level: ScoreLevel) -> String {
    match level {
        ScoreLevel::Unscored => "an unscored user".to_owned(),
        other => format!("a {}-risk user", other.label()),
    }
}

fn kept_out(matrix: Memo<Matrix>, level: ScoreLevel, name: &str) -> AnyView {
    let name = name.to_owned();
    let href = Page::Access.with_query(&view_of(Some(level), None).to_query());
    let content = move || {
        matrix.with(|m| {
            let out: Vec<_> = m.rows_of(level, Kind::Out).collect();
            let lead = match out.len() {
                0 => format!(
                    "As {}, {name} is kept out of no application by their risk score.",
                    as_who(level)
                ),
                n => format!(
                    "As {}, {name} is kept out of {} by their risk score:",
                    as_who(level),
                    plural(n, "application", "applications")
                ),
            };
            let items = out
                .iter()
                .map(|row| {
                    let app = app_name(m.app(row)).to_owned();
                    let why = reasons(m, row, level).join("; ");
                    view! { <li><strong>{app}</strong>" — "{why}</li> }
                })
                .collect_view();
            let identity = match m.count(level, Kind::Identity) {
                0 => String::new(),
                n => format!(
                    "For {} it depends on who they are. ",
                    plural(n, "other application", "other applications")
                ),
            };
            let others = format!("{identity}{}", unknown_sentence(m.unknown_count()));
            view! {
                <p>{lead}</p>
                <ul class="kept-out">{items}</ul>
                <p class="hint">{others}</p>
            }
        })
    };
    view! {
        {content}
        <p><A href=href>{format!("Every application for {} users", level.label())}</A></p>
    }
    .into_any()
}

/// The section for a user at `level` (`None`: not scored), named `name`.
#[component]
pub fn UserAccess(
    /// The user's current level.
    level: Option<RiskLevel>,
    /// How the page names the user.
    name: String,
) -> impl IntoView {
    let body = match ScoreLevel::of_user(level.as_ref()) {
        Some(level) => {
            let render = Callback::new(move |matrix| kept_out(matrix, level, &name));
            view! { <WithAccess render/> }.into_any()
        }
        None => {
            let raw = level.map(|l| l.as_str().to_owned()).unwrap_or_default();
            view! {
                <p class="hint">{format!("This user's risk level (\u{201c}{raw}\u{201d}) is not one Access rules name, so which applications it keeps them out of cannot be told.")}</p>
            }
            .into_any()
        }
    };
    view! {
        <section class="user-access" aria-labelledby="user-access-title">
            <h2 id="user-access-title">"Applications"</h2>
            {body}
        </section>
    }
}
