//! `--rate-limit N/SECS`: Cloudflare's per-credential API rate limit, so clients can be tested
//! against 429s. A *sliding* window: a request is admitted when fewer than N requests of the same
//! credential were admitted in the last SECS seconds. Owns the counting and the 429 response; it
//! does not decide which requests are counted (the pipeline in `mod.rs` does).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::envelope::ApiError;

/// Cloudflare's code and message when a credential goes over the API rate limit. Seen verbatim
/// in 429 bodies from api.cloudflare.com reported in cloudflare/terraform-provider-cloudflare
/// issues #5494 (2025-04) and #6502 (2025-12):
/// `{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your
/// request speed"}],"messages":[],"result":null}`. (Code 10429 is what wrangler prints for the
/// Workers API, and 10100 "More than 1200 requests per 300 seconds reached…" is the 2019 form.)
pub const CODE: i64 = 971;
pub const MESSAGE: &str = "Please wait and consider throttling your request speed";

/// Largest N and SECS `--rate-limit` accepts (the sliding log keeps up to N instants per token).
pub const MAX_REQUESTS: u32 = 100_000;
pub const MAX_WINDOW_SECS: u64 = 86_400;

/// N requests per window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    pub requests: u32,
    pub window: Duration,
}

impl RateLimit {
    /// Parses `N/SECS` (whole numbers, 1 ≤ N ≤ 100,000, 1 ≤ SECS ≤ 86,400).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let usage = || {
            format!(
                "--rate-limit {raw:?}: expected N/SECS with whole numbers, 1 <= N <= {MAX_REQUESTS} \
                 and 1 <= SECS <= {MAX_WINDOW_SECS} (Cloudflare's own limit is 1200/300)"
            )
        };
        let (n, secs) = raw.split_once('/').ok_or_else(usage)?;
        let requests: u32 = n.parse().map_err(|_| usage())?;
        let secs: u64 = secs.parse().map_err(|_| usage())?;
        if !(1..=MAX_REQUESTS).contains(&requests) || !(1..=MAX_WINDOW_SECS).contains(&secs) {
            return Err(usage());
        }
        Ok(Self {
            requests,
            window: Duration::from_secs(secs),
        })
    }
}

/// Where the limiter reads the time: the system clock, or a clock the tests move by hand.
#[derive(Debug, Clone, Default)]
pub enum Clock {
    #[default]
    System,
    Manual(Arc<ManualClock>),
}

impl Clock {
    fn now(&self) -> Instant {
        match self {
            Clock::System => Instant::now(),
            Clock::Manual(clock) => clock.now(),
        }
    }
}

/// A clock that only moves when told to.
#[derive(Debug)]
pub struct ManualClock {
    start: Instant,
    offset: Mutex<Duration>,
}

impl ManualClock {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            start: Instant::now(),
            offset: Mutex::new(Duration::ZERO),
        })
    }

    pub fn advance(&self, by: Duration) {
        *self.offset.lock().unwrap_or_else(PoisonError::into_inner) += by;
    }

    fn now(&self) -> Instant {
        self.start + *self.offset.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The admitted requests of every credential, newest last. Keys are SHA-256 digests, so no
/// credential is kept in the clear here.
pub struct Limiter {
    limit: RateLimit,
    clock: Clock,
    log: Mutex<HashMap<[u8; 32], VecDeque<Instant>>>,
}

impl Limiter {
    pub fn new(limit: RateLimit, clock: Clock) -> Self {
        Self {
            limit,
            clock,
            log: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request of `credential`; `Err(seconds)` (≥ 1, rounded up) until a slot frees
    /// if it is over the limit. Refused requests are not counted, so a client that waits
    /// `Retry-After` always gets through.
    pub fn admit(&self, credential: &str) -> Result<(), u64> {
        let now = self.clock.now();
        let key: [u8; 32] = Sha256::digest(credential.as_bytes()).into();
        let mut log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
        if log.len() > 10_000 {
            // Any token is accepted by default: forget credentials whose window is empty.
            log.retain(|_, times| times.back().is_some_and(|t| now < *t + self.limit.window));
        }
        let times = log.entry(key).or_default();
        while times.front().is_some_and(|t| now >= *t + self.limit.window) {
            times.pop_front();
        }
        match times.front() {
            Some(oldest) if times.len() >= self.limit.requests as usize => {
                let wait = (*oldest + self.limit.window).saturating_duration_since(now);
                let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
                Err(seconds.max(1))
            }
            _ => {
                times.push_back(now);
                Ok(())
            }
        }
    }
}

/// 429 with Cloudflare's body and `Retry-After` in whole seconds.
pub fn too_many(retry_after: u64) -> Response {
    let mut response = ApiError::new(StatusCode::TOO_MANY_REQUESTS, CODE, MESSAGE).into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_n_per_secs_and_rejects_the_rest() {
        assert_eq!(
            RateLimit::parse("1200/300"),
            Ok(RateLimit {
                requests: 1200,
                window: Duration::from_secs(300)
            })
        );
        for bad in [
            "0/1", "1/0", "-1/1", "1/-1", "1", "1/1.5", "nan/1", "1/inf", "100001/1",
        ] {
            assert!(RateLimit::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sliding_window_per_credential() {
        let clock = ManualClock::new();
        let limit = RateLimit::parse("2/10").unwrap_or_else(|e| panic!("{e}"));
        let limiter = Limiter::new(limit, Clock::Manual(clock.clone()));
        assert_eq!(limiter.admit("a"), Ok(()));
        clock.advance(Duration::from_millis(4_500));
        assert_eq!(limiter.admit("a"), Ok(()));
        // Full: the first slot frees 10 s after the first request, 5.5 s from now → 6.
        assert_eq!(limiter.admit("a"), Err(6));
        assert_eq!(
            limiter.admit("b"),
            Ok(()),
            "another credential has its own window"
        );
        clock.advance(Duration::from_millis(5_499));
        assert_eq!(
            limiter.admit("a"),
            Err(1),
            "refusals are not counted; rounded up"
        );
        clock.advance(Duration::from_millis(1));
        assert_eq!(limiter.admit("a"), Ok(()), "sliding: one slot freed");
        assert_eq!(limiter.admit("a"), Err(5));
    }
}
