//! The runner's rules as plain data, with no timers, signals or DOM: which item goes next, how
//! many are in flight, how long a 429 pauses the run, how the tab keeps to Cloudflare's
//! budget, and what the admin is told. Times are milliseconds (`Date.now()` in the browser), so
//! every rule is tested natively with made-up clocks.

use std::collections::VecDeque;

/// Requests in flight at once, at most.
pub const MAX_IN_FLIGHT: usize = 4;
/// Cloudflare's API budget: 1,200 requests per 300 s per user (token).
pub const BUDGET: usize = 1_200;
pub const WINDOW_MS: f64 = 300_000.0;
/// The first back-off after a 429 without `Retry-After`; it doubles per 429 in a row up to
/// [`BACKOFF_CAP_MS`].
pub const BACKOFF_FIRST_MS: f64 = 1_000.0;
pub const BACKOFF_CAP_MS: f64 = 60_000.0;

/// What the driver does next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// Send this item now.
    Send(usize),
    /// Nothing may be sent for this many milliseconds (a 429 pause or the budget).
    Wait(f64),
    /// The in-flight limit is reached: wait for a reply.
    Busy,
    /// Nothing left to send and nothing in flight.
    Idle,
}

/// How one request ended, as the schedule needs to know it.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done,
    /// Failed for good, with the reason to show.
    Failed(String),
    /// 429: back in the queue; `Retry-After` in seconds if the response had one.
    RateLimited(Option<u32>),
}

/// Where a run stands, for the progress view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// Nothing started yet.
    #[default]
    Ready,
    Running,
    /// Nothing is sent for `resume_in` more seconds: after a 429 (`rate_limited`), or to keep
    /// to the budget.
    Paused {
        resume_in: u32,
        rate_limited: bool,
    },
    /// Cancelled; requests already sent are still finishing.
    Stopping,
    Cancelled,
    Finished,
}

/// A run's counters, published as one signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub total: usize,
    /// Items that succeeded.
    pub done: usize,
    pub failed: usize,
    /// Items Cancel kept from being sent.
    pub not_sent: usize,
    pub phase: Phase,
}

impl Progress {
    /// Items with a final outcome (succeeded or failed): what the progress bar shows.
    pub fn processed(&self) -> usize {
        self.done + self.failed
    }

    /// Whether requests may still go out or are in flight.
    pub fn is_active(&self) -> bool {
        matches!(
            self.phase,
            Phase::Running | Phase::Paused { .. } | Phase::Stopping
        )
    }
}

/// One item that failed, with its label ("Ada Lovelace") and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub item: usize,
    pub label: String,
    pub reason: String,
}

/// The tab's own request log, to keep to Cloudflare's budget. It only *paces* once the API has
/// answered 429 in this tab ([`Pacer::engage`]): the demo emulator and unlimited proxies run at
/// full speed, while against Cloudflare a long run, after its first 429, sends one request each
/// time the oldest of the last 1,200 leaves the 300 s window instead of bouncing off 429s.
#[derive(Debug, Clone)]
pub struct Pacer {
    engaged: bool,
    budget: usize,
    window_ms: f64,
    /// Send times, oldest first, at most `budget` of them.
    sent: VecDeque<f64>,
}

impl Default for Pacer {
    fn default() -> Self {
        Self::new(BUDGET, WINDOW_MS)
    }
}

impl Pacer {
    pub fn new(budget: usize, window_ms: f64) -> Self {
        Self {
            engaged: false,
            budget: budget.max(1),
            window_ms,
            sent: VecDeque::new(),
        }
    }

    /// From now on, keep to the budget.
    pub fn engage(&mut self) {
        self.engaged = true;
    }

    /// The earliest time the next request may go.
    pub fn ready_at(&self, now: f64) -> f64 {
        match self.sent.front() {
            Some(oldest) if self.engaged && self.sent.len() >= self.budget => {
                now.max(oldest + self.window_ms)
            }
            _ => now,
        }
    }

    /// Notes a request sent at `now`.
    pub fn record(&mut self, now: f64) {
        self.sent.push_back(now);
        while self.sent.len() > self.budget
            || self.sent.front().is_some_and(|t| now - t >= self.window_ms)
        {
            self.sent.pop_front();
        }
    }
}

/// The back-off after `strikes` 429s in a row without `Retry-After`: 1 s, 2 s, 4 s … 60 s.
pub fn backoff_ms(strikes: u32) -> f64 {
    (BACKOFF_FIRST_MS * 2f64.powi(strikes.saturating_sub(1).min(16) as i32)).min(BACKOFF_CAP_MS)
}

/// One run over `labels.len()` items: the queue, the in-flight count, pauses, results.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    labels: Vec<String>,
    queue: VecDeque<usize>,
    in_flight: usize,
    done: usize,
    failed: Vec<Failure>,
    not_sent: usize,
    cancelled: bool,
    /// Nothing is sent before this time; `rate_limited` says whether a 429 set it.
    wait_until: f64,
    rate_limited: bool,
    /// 429s in a row (each arriving after the pause of the previous one).
    strikes: u32,
}

impl Schedule {
    /// A run over items `0..labels.len()`, in that order; `labels` name them in failures.
    pub fn new(labels: Vec<String>) -> Self {
        Self {
            queue: (0..labels.len()).collect(),
            labels,
            ..Self::default()
        }
    }

    /// What to do at `now`. A `Send` counts the item as in flight and logs it in `pacer`.
    pub fn next(&mut self, now: f64, pacer: &mut Pacer) -> Step {
        if self.queue.is_empty() {
            return if self.in_flight == 0 {
                Step::Idle
            } else {
                Step::Busy
            };
        }
        if now < self.wait_until {
            return Step::Wait(self.wait_until - now);
        }
        if self.in_flight >= MAX_IN_FLIGHT {
            return Step::Busy;
        }
        let ready = pacer.ready_at(now);
        if ready > now {
            (self.wait_until, self.rate_limited) = (ready, false);
            return Step::Wait(ready - now);
        }
        let Some(item) = self.queue.pop_front() else {
            return Step::Idle;
        };
        self.in_flight += 1;
        pacer.record(now);
        Step::Send(item)
    }

    /// Records how `item`'s request ended at `now`. A 429 puts the item back at the front and
    /// pauses the whole run for `Retry-After` (or the back-off); 429s to requests sent before
    /// that pause do not count as another strike of the back-off.
    pub fn finish(&mut self, item: usize, outcome: Outcome, now: f64) {
        self.in_flight = self.in_flight.saturating_sub(1);
        match outcome {
            Outcome::Done => {
                self.done += 1;
                self.strikes = 0;
            }
            Outcome::Failed(reason) => self.failed.push(Failure {
                item,
                label: self.labels.get(item).cloned().unwrap_or_default(),
                reason,
            }),
            Outcome::RateLimited(retry_after) => {
                if self.cancelled {
                    self.not_sent += 1;
                    return;
                }
                self.queue.push_front(item);
                let paused = self.rate_limited && now < self.wait_until;
                if !paused {
                    self.strikes += 1;
                }
                let wait = match retry_after {
                    Some(secs) => f64::from(secs.max(1)) * 1000.0,
                    None => backoff_ms(self.strikes),
                };
                self.wait_until = self.wait_until.max(now + wait);
                self.rate_limited = true;
            }
        }
    }

    /// Stops sending: queued items are dropped and counted as not sent; replies to requests in
    /// flight are still recorded. A run with nothing left to do is not changed.
    pub fn cancel(&mut self) {
        if self.queue.is_empty() && self.in_flight == 0 {
            return;
        }
        self.cancelled = true;
        self.not_sent += self.queue.len();
        self.queue.clear();
    }

    /// Queues the failed items again (only them) and resumes. Only once nothing is in flight.
    pub fn retry_failed(&mut self) -> bool {
        if self.in_flight > 0 || self.failed.is_empty() {
            return false;
        }
        self.queue.extend(self.failed.drain(..).map(|f| f.item));
        (self.cancelled, self.strikes) = (false, 0);
        true
    }

    pub fn failures(&self) -> &[Failure] {
        &self.failed
    }

    /// The counters and phase as of `now`.
    pub fn progress(&self, now: f64) -> Progress {
        let phase = match (self.cancelled, self.in_flight, self.queue.is_empty()) {
            // No run (a new or reset runner): nothing to report, not "Done".
            _ if self.labels.is_empty() => Phase::Ready,
            (true, 0, _) => Phase::Cancelled,
            (true, _, _) => Phase::Stopping,
            (false, 0, true) => Phase::Finished,
            _ if now < self.wait_until => Phase::Paused {
                resume_in: ((self.wait_until - now) / 1000.0).ceil() as u32,
                rate_limited: self.rate_limited,
            },
            _ => Phase::Running,
        };
        Progress {
            total: self.labels.len(),
            done: self.done,
            failed: self.failed.len(),
            not_sent: self.not_sent,
            phase,
        }
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "schedule_props.rs"]
mod props;
