//! The runner: every job that calls the API once per user or per item (loading events, bulk
//! reset) goes through it, so the whole console keeps to Cloudflare's limit of about 1,200
//! requests per 5 minutes per user.
//!
//! - At most [`MAX_IN_FLIGHT`] (4) requests are in flight.
//! - A 429 never fails a run: the item goes back to the front of the queue and the whole run
//!   pauses for `Retry-After`, or for a back-off (1 s, doubling per 429 in a row, capped at
//!   60 s) when the response has none; the progress shows "Rate limited, resuming in N s".
//! - Pacing: after the tab's first 429, the runner also keeps to the budget itself
//!   ([`Pacer`]: at most 1,200 sends in any 300 s, counted over every run of the tab). Until
//!   then it sends as fast as 4 in flight allow, so an unlimited proxy or the demo emulator
//!   runs at full speed; against Cloudflare a run of thousands of users, once past its first
//!   429, sends each request as a slot of the window frees instead of spending minutes in 429s.
//! - Any other error fails that item only, with its reason; "Retry failed" runs only those.
//! - Cancel stops everything not yet sent. Requests already in flight are not aborted: their
//!   replies still land (a reset that reached Cloudflare is reported as done).
//! - Progress is a signal ([`Runner::progress`], [`Runner::failures`]); the job stores each
//!   result itself as it arrives, so partial results are usable at once.
//!
//! The rules are plain Rust in `schedule` (tested natively); this file only drives them with
//! `spawn_local` and timers. A run stops when the reactive owner that created the runner is
//! disposed (a page's runner when the page unmounts; the events store's lives with the tab).

mod estimate;
mod schedule;

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

pub use estimate::{about, estimate_secs, estimate_words};
pub use schedule::{
    Failure, Outcome, Pacer, Phase, Progress, Schedule, Step, BUDGET, MAX_IN_FLIGHT, WINDOW_MS,
};

use crate::api::transport::LocalFuture;
use crate::api::ApiError;

/// One item's job: given the item's index, send its request and store its result.
pub type Job = Rc<dyn Fn(usize) -> LocalFuture<Result<(), ApiError>>>;

/// The tab's request log, shared by every run (the budget is per token, not per run);
/// provided once at the root.
#[derive(Clone, Copy)]
pub struct Pacing(StoredValue<Pacer, LocalStorage>);

impl Default for Pacing {
    fn default() -> Self {
        Self(StoredValue::new_local(Pacer::default()))
    }
}

struct Core {
    schedule: Schedule,
    job: Option<Job>,
    /// A wake-up timer is pending.
    timer: bool,
    /// Bumped by `start` and `reset`: replies to an earlier run are ignored.
    generation: u32,
}

/// A bounded, rate-limit-aware run of per-item API jobs, with progress as signals.
///
/// ```ignore
/// let runner = Runner::new();
/// let ids: Vec<String> = …;
/// runner.start(names, move |i| {
///     let (api, id) = (api.clone(), ids[i].clone());
///     Box::pin(async move { api.reset(&id).await })
/// });
/// view! { <RunProgress runner label="Resetting users" unit=("user reset", "users reset")/> }
/// ```
#[derive(Clone, Copy)]
pub struct Runner {
    pacing: Pacing,
    progress: RwSignal<Progress>,
    failures: RwSignal<Vec<Failure>>,
    core: StoredValue<Core, LocalStorage>,
}

impl Default for Runner {
    fn default() -> Self {
        Self::new()
    }
}

impl Runner {
    /// An idle runner, owned by the current reactive owner, pacing its sends with the
    /// context's [`Pacing`].
    pub fn new() -> Self {
        Self {
            pacing: expect_context(),
            progress: RwSignal::new(Progress::default()),
            failures: RwSignal::new(Vec::new()),
            core: StoredValue::new_local(Core {
                schedule: Schedule::default(),
                job: None,
                timer: false,
                generation: 0,
            }),
        }
    }

    /// Starts a run over items `0..labels.len()`; `labels` name them in the failures list and
    /// `job(i)` does item `i`'s request. Returns false (and does nothing) while a run is active.
    pub fn start(
        &self,
        labels: Vec<String>,
        job: impl Fn(usize) -> LocalFuture<Result<(), ApiError>> + 'static,
    ) -> bool {
        if self.progress.get_untracked().is_active() {
            return false;
        }
        self.core.update_value(|c| {
            c.schedule = Schedule::new(labels);
            c.job = Some(Rc::new(job));
            c.generation += 1;
        });
        self.pump();
        true
    }

    /// Cancels and forgets the run: back to [`Phase::Ready`], no failures. Replies still in
    /// flight are ignored (the events store clears itself this way on an account switch).
    pub fn reset(&self) {
        self.core.try_update_value(|c| {
            c.schedule = Schedule::default();
            c.job = None;
            c.generation += 1;
        });
        self.pump();
    }

    /// Stops sending; requests in flight finish and their results are kept.
    pub fn cancel(&self) {
        self.core.update_value(|c| c.schedule.cancel());
        self.pump();
    }

    /// Runs the failed items again (only them), once nothing is in flight.
    pub fn retry_failed(&self) {
        if self.core.try_update_value(|c| c.schedule.retry_failed()) == Some(true) {
            self.pump();
        }
    }

    /// The counters and phase (reactive).
    pub fn progress(&self) -> ReadSignal<Progress> {
        self.progress.read_only()
    }

    /// The items that failed, with their reasons (reactive).
    pub fn failures(&self) -> ReadSignal<Vec<Failure>> {
        self.failures.read_only()
    }

    /// Sends what the schedule allows, arms a wake-up for pauses, publishes the progress.
    fn pump(self) {
        let now = js_sys::Date::now();
        loop {
            let step = self.core.try_update_value(|c| {
                let step = self
                    .pacing
                    .0
                    .try_update_value(|pacer| c.schedule.next(now, pacer))
                    .unwrap_or(Step::Idle);
                let job = c.job.clone().map(|job| (job, c.generation));
                let arm = matches!(step, Step::Wait(_)) && !std::mem::replace(&mut c.timer, true);
                (step, job, arm)
            });
            match step {
                Some((Step::Send(item), Some((job, generation)), _)) => {
                    let request = job(item);
                    leptos::task::spawn_local(async move {
                        let outcome = outcome(request.await, self.pacing);
                        let end = js_sys::Date::now();
                        self.core.try_update_value(|c| {
                            if c.generation == generation {
                                c.schedule.finish(item, outcome, end);
                            }
                        });
                        self.pump();
                    });
                }
                Some((Step::Wait(ms), _, true)) => {
                    // At most a second, so the countdown the admin sees moves every second.
                    let wake = Duration::from_millis(ms.clamp(1.0, 1_000.0) as u64);
                    set_timeout(
                        move || {
                            self.core.try_update_value(|c| c.timer = false);
                            self.pump();
                        },
                        wake,
                    );
                    break;
                }
                Some(_) => break,
                None => return,
            }
        }
        self.publish(now);
    }

    fn publish(self, now: f64) {
        let Some((progress, failures)) = self.core.try_with_value(|c| {
            let changed =
                self.failures.try_with_untracked(Vec::len) != Some(c.schedule.failures().len());
            (
                c.schedule.progress(now),
                changed.then(|| c.schedule.failures().to_vec()),
            )
        }) else {
            return;
        };
        if self.progress.try_get_untracked() != Some(progress) {
            self.progress.try_set(progress);
        }
        if let Some(failures) = failures {
            self.failures.try_set(failures);
        }
    }
}

/// How a job's result counts; a 429 also makes the tab keep to the budget from now on.
fn outcome(result: Result<(), ApiError>, pacing: Pacing) -> Outcome {
    match result {
        Ok(()) => Outcome::Done,
        Err(ApiError::RateLimited { retry_after, .. }) => {
            pacing.0.try_update_value(Pacer::engage);
            Outcome::RateLimited(retry_after)
        }
        Err(error) => Outcome::Failed(error.to_string()),
    }
}
