//! `RunProgress`: a runner's progress bar, its status (rate limit countdown, cancelled, done),
//! Cancel, and the failures with their reasons and "Retry failed". The caller names the unit,
//! so loading events ("users") and bulk reset ("users reset") share it.

use leptos::prelude::*;

use crate::state::runner::{Phase, Progress, Runner};
use crate::text::thousands;

/// Failures listed by name; the rest are counted (a wrong token fails every user).
const LISTED: usize = 100;

/// The progress of `runner`, hidden until it first starts.
///
/// ```ignore
/// <RunProgress runner label="Resetting users" unit=("user reset", "users reset")/>
/// ```
#[component]
pub fn RunProgress(
    /// The run to show.
    runner: Runner,
    /// The progress bar's accessible name: "Loading events", "Resetting users".
    label: &'static str,
    /// What is counted, singular and plural: the bar reads "312 of 1,204 users".
    unit: (&'static str, &'static str),
) -> impl IntoView {
    let progress = runner.progress();
    let failures = runner.failures();
    let count = move || counted(progress.get(), unit);
    let width = move || {
        let p = progress.get();
        format!("{}%", p.processed() * 100 / p.total.max(1))
    };
    let can_cancel = move || progress.with(|p| p.is_active() && p.phase != Phase::Stopping);
    let failed_list = move || {
        failures.with(|f| {
            let more = f.len().saturating_sub(LISTED);
            let items = f.iter().take(LISTED).map(|f| {
                view! { <li><strong>{f.label.clone()}</strong>": "{f.reason.clone()}</li> }
            });
            (
                items.collect_view(),
                (more > 0).then(|| format!("and {} more", thousands(more))),
            )
        })
    };
    view! {
        <div class="run" hidden=move || progress.with(|p| p.phase == Phase::Ready)>
            <div class="progress" role="progressbar" aria-label=label aria-valuemin="0"
                aria-valuemax=move || progress.with(|p| p.total)
                aria-valuenow=move || progress.with(Progress::processed) aria-valuetext=count>
                <span style:width=width></span>
            </div>
            <p class="run-line">
                <span>{count}</span>" "
                <span role="status">{move || status(progress.get())}</span>
                <button type="button" class="button secondary" hidden=move || !can_cancel()
                    on:click=move |_| runner.cancel()>"Cancel"</button>
            </p>
            <div hidden=move || failures.with(Vec::is_empty)>
                <h3>{move || format!("Failed ({})", thousands(failures.with(Vec::len)))}</h3>
                <ul class="run-failures">{failed_list}</ul>
                <button type="button" class="button secondary" disabled=move || progress.with(Progress::is_active)
                    on:click=move |_| runner.retry_failed()>"Retry failed"</button>
            </div>
        </div>
    }
}

/// "312 of 1,204 users".
fn counted(p: Progress, (one, many): (&str, &str)) -> String {
    let unit = if p.total == 1 { one } else { many };
    format!(
        "{} of {} {unit}",
        thousands(p.processed()),
        thousands(p.total)
    )
}

/// What the live region says about the run.
fn status(p: Progress) -> String {
    match p.phase {
        Phase::Ready => String::new(),
        Phase::Running => "Working…".into(),
        Phase::Paused {
            resume_in,
            rate_limited: true,
        } => format!("Rate limited, resuming in {resume_in} s"),
        Phase::Paused { resume_in, .. } => {
            format!("Keeping to Cloudflare's rate limit, resuming in {resume_in} s")
        }
        Phase::Stopping => "Cancelling: the requests already sent are finishing…".into(),
        Phase::Cancelled => format!(
            "Cancelled: {} not sent. Requests already sent were completed.",
            thousands(p.not_sent)
        ),
        Phase::Finished if p.failed == 0 => "Done.".into(),
        Phase::Finished => format!("Done, {} failed.", thousands(p.failed)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_and_status_read_as_the_admin_expects() {
        let p = Progress {
            total: 1_204,
            done: 300,
            failed: 12,
            not_sent: 0,
            phase: Phase::Paused {
                resume_in: 7,
                rate_limited: true,
            },
        };
        assert_eq!(counted(p, ("user", "users")), "312 of 1,204 users");
        assert_eq!(status(p), "Rate limited, resuming in 7 s");
        let one = Progress { total: 1, ..p };
        assert_eq!(
            counted(one, ("user reset", "users reset")),
            "312 of 1 user reset"
        );
        let cancelled = Progress {
            not_sent: 892,
            phase: Phase::Cancelled,
            ..p
        };
        assert_eq!(
            status(cancelled),
            "Cancelled: 892 not sent. Requests already sent were completed."
        );
        let done = Progress {
            phase: Phase::Finished,
            ..p
        };
        assert_eq!(status(done), "Done, 12 failed.");
    }
}
