//! Native tests of the runner's rules: the in-flight limit, 429 pauses and back-off, the
//! budget, Cancel, Retry failed, and the estimate.

use super::*;
use crate::state::runner::{about, estimate_secs, estimate_words};

fn labels(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("user {i}")).collect()
}

/// Sends everything `next` allows at `now`, returning the items sent and the final step.
fn drain(s: &mut Schedule, now: f64, pacer: &mut Pacer) -> (Vec<usize>, Step) {
    let mut sent = Vec::new();
    loop {
        match s.next(now, pacer) {
            Step::Send(item) => sent.push(item),
            other => return (sent, other),
        }
    }
}

#[test]
fn never_more_than_four_in_flight_and_in_order() {
    let (mut s, mut p) = (Schedule::new(labels(10)), Pacer::default());
    assert_eq!(drain(&mut s, 0.0, &mut p), (vec![0, 1, 2, 3], Step::Busy));
    s.finish(1, Outcome::Done, 10.0);
    assert_eq!(drain(&mut s, 10.0, &mut p), (vec![4], Step::Busy));
    for item in [0, 2, 3, 4] {
        s.finish(item, Outcome::Done, 20.0);
    }
    assert_eq!(drain(&mut s, 20.0, &mut p), (vec![5, 6, 7, 8], Step::Busy));
    for item in 5..9 {
        s.finish(item, Outcome::Done, 30.0);
    }
    assert_eq!(drain(&mut s, 30.0, &mut p), (vec![9], Step::Busy));
    assert_eq!(s.progress(30.0).phase, Phase::Running);
    s.finish(9, Outcome::Done, 40.0);
    assert_eq!(s.next(40.0, &mut p), Step::Idle);
    let done = s.progress(40.0);
    assert_eq!(
        (done.done, done.failed, done.phase),
        (10, 0, Phase::Finished)
    );
}

#[test]
fn a_429_requeues_the_item_and_pauses_the_whole_run_for_retry_after() {
    let (mut s, mut p) = (Schedule::new(labels(6)), Pacer::default());
    drain(&mut s, 0.0, &mut p);
    s.finish(0, Outcome::RateLimited(Some(3)), 100.0);
    assert_eq!(s.next(100.0, &mut p), Step::Wait(3_000.0));
    let paused = s.progress(100.0);
    assert_eq!(
        paused.phase,
        Phase::Paused {
            resume_in: 3,
            rate_limited: true
        }
    );
    assert_eq!(
        s.progress(1_200.0).phase,
        Phase::Paused {
            resume_in: 2,
            rate_limited: true
        },
        "the countdown moves with the clock"
    );
    // Replies to requests already in flight still count.
    s.finish(1, Outcome::Done, 500.0);
    assert_eq!(s.next(3_099.0, &mut p), Step::Wait(1.0));
    // After the pause the 429'd item goes first; a 429 never fails the run.
    assert_eq!(s.next(3_100.0, &mut p), Step::Send(0));
    for item in [2, 3, 0] {
        s.finish(item, Outcome::Done, 3_200.0);
    }
    let (rest, _) = drain(&mut s, 3_200.0, &mut p);
    assert_eq!(rest, [4, 5]);
    s.finish(4, Outcome::Done, 3_300.0);
    s.finish(5, Outcome::Done, 3_300.0);
    let end = s.progress(3_300.0);
    assert_eq!((end.done, end.failed, end.phase), (6, 0, Phase::Finished));
}

#[test]
fn without_retry_after_the_back_off_doubles_and_is_capped() {
    assert_eq!(
        [1, 2, 3, 4, 7, 30].map(backoff_ms),
        [1_000.0, 2_000.0, 4_000.0, 8_000.0, 60_000.0, 60_000.0]
    );
    let (mut s, mut p) = (Schedule::new(labels(4)), Pacer::default());
    drain(&mut s, 0.0, &mut p);
    // Four 429s to requests sent together are one strike, not four.
    for item in 0..4 {
        s.finish(item, Outcome::RateLimited(None), 10.0);
    }
    assert_eq!(s.next(10.0, &mut p), Step::Wait(1_000.0));
    assert_eq!(s.next(1_010.0, &mut p), Step::Send(3));
    s.finish(3, Outcome::RateLimited(None), 1_050.0);
    assert_eq!(
        s.next(1_050.0, &mut p),
        Step::Wait(2_000.0),
        "second strike"
    );
    assert_eq!(s.next(3_050.0, &mut p), Step::Send(3));
    s.finish(3, Outcome::Done, 3_100.0);
    let (sent, _) = drain(&mut s, 3_100.0, &mut p);
    s.finish(sent[0], Outcome::RateLimited(None), 3_200.0);
    assert_eq!(
        s.next(3_200.0, &mut p),
        Step::Wait(1_000.0),
        "a success resets the back-off"
    );
}

#[test]
fn other_errors_fail_only_their_item_and_retry_failed_reruns_only_those() {
    let (mut s, mut p) = (Schedule::new(labels(5)), Pacer::default());
    drain(&mut s, 0.0, &mut p);
    s.finish(0, Outcome::Done, 1.0);
    s.finish(1, Outcome::Failed("Not found".into()), 1.0);
    assert!(!s.retry_failed(), "not while requests are in flight");
    s.finish(2, Outcome::Done, 1.0);
    s.finish(3, Outcome::Failed("HTTP 500".into()), 1.0);
    let (sent, _) = drain(&mut s, 1.0, &mut p);
    assert_eq!(sent, [4]);
    s.finish(4, Outcome::Done, 2.0);
    let end = s.progress(2.0);
    assert_eq!((end.done, end.failed, end.phase), (3, 2, Phase::Finished));
    assert_eq!(
        s.failures(),
        [
            Failure {
                item: 1,
                label: "user 1".into(),
                reason: "Not found".into()
            },
            Failure {
                item: 3,
                label: "user 3".into(),
                reason: "HTTP 500".into()
            },
        ]
    );
    assert!(s.retry_failed());
    assert_eq!(drain(&mut s, 3.0, &mut p), (vec![1, 3], Step::Busy));
    s.finish(1, Outcome::Done, 4.0);
    s.finish(3, Outcome::Done, 4.0);
    let end = s.progress(4.0);
    assert_eq!((end.done, end.failed, end.phase), (5, 0, Phase::Finished));
}

#[test]
fn cancel_drops_what_was_not_sent_and_lets_in_flight_replies_land() {
    let (mut s, mut p) = (Schedule::new(labels(10)), Pacer::default());
    drain(&mut s, 0.0, &mut p);
    s.cancel();
    assert_eq!(s.next(1.0, &mut p), Step::Busy);
    assert_eq!(s.progress(1.0).phase, Phase::Stopping);
    s.finish(0, Outcome::Done, 2.0);
    s.finish(1, Outcome::Failed("HTTP 500".into()), 2.0);
    s.finish(2, Outcome::RateLimited(Some(5)), 2.0);
    s.finish(3, Outcome::Done, 2.0);
    assert_eq!(s.next(3.0, &mut p), Step::Idle);
    let end = s.progress(3.0);
    assert_eq!(
        (end.done, end.failed, end.not_sent, end.phase),
        (2, 1, 7, Phase::Cancelled)
    );
    assert!(!end.is_active());
}

#[test]
fn the_budget_paces_only_after_a_429() {
    let mut p = Pacer::new(3, 1_000.0);
    let mut s = Schedule::new(labels(8));
    // Not engaged: everything the in-flight limit allows goes at once.
    let (sent, _) = drain(&mut s, 0.0, &mut p);
    assert_eq!(sent.len(), 4);
    for item in sent {
        s.finish(item, Outcome::Done, 10.0);
    }
    p.engage();
    // The last 3 sends were at 0 ms: the next may go when the oldest leaves the window.
    assert_eq!(s.next(10.0, &mut p), Step::Wait(990.0));
    assert_eq!(
        s.progress(10.0).phase,
        Phase::Paused {
            resume_in: 1,
            rate_limited: false
        }
    );
    assert_eq!(
        drain(&mut s, 1_000.0, &mut p),
        (vec![4, 5, 6], Step::Wait(1_000.0))
    );
}

#[test]
fn the_estimate_counts_whole_windows_after_the_first_1200() {
    assert_eq!(estimate_secs(0), 0);
    assert_eq!(estimate_secs(300), 30);
    assert_eq!(estimate_secs(1_200), 120);
    assert_eq!(estimate_secs(1_204), 301);
    assert_eq!(estimate_secs(50_000), 41 * 300 + 80);
    assert_eq!(about(30), "about 30 s");
    assert_eq!(about(301), "about 6 min");
    assert_eq!(about(12_380), "about 3 h 27 min");
    assert_eq!(
        estimate_words(1_204),
        "1,204 requests, one per user. At Cloudflare's limit of 1,200 requests per 5 minutes this takes about 6 min."
    );
}

#[test]
fn a_runner_without_a_run_is_ready_not_done() {
    let mut pacer = Pacer::default();
    let mut s = Schedule::default();
    assert_eq!(s.next(0.0, &mut pacer), Step::Idle);
    assert_eq!(s.progress(0.0).phase, Phase::Ready);
    s.cancel();
    assert_eq!(s.progress(0.0).phase, Phase::Ready);
    assert!(!s.progress(0.0).is_active());
}
