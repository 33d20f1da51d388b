//! Property tests (native only) of the runner's schedule, driven by any sequence of events
//! (time passing, replies of any kind to any request in flight, Cancel, Retry failed), as the
//! driver in `runner/mod.rs` would: never more than 4 in flight; after a 429, nothing is sent
//! until its pause is over; once the pacer is engaged (the driver engages it at the first
//! 429), no window holds more sends than the budget; every item ends done, failed or not sent.

use std::collections::VecDeque;

use proptest::prelude::*;

use super::*;

#[derive(Debug, Clone)]
enum Event {
    /// Time passes (ms), then everything `next` allows is sent.
    Tick(u16),
    /// The reply to the in-flight request at this position (modulo how many there are).
    Reply(usize, Reply),
    Cancel,
    RetryFailed,
}

#[derive(Debug, Clone)]
enum Reply {
    Done,
    Failed,
    RateLimited(Option<u8>),
}

fn event() -> impl Strategy<Value = Event> {
    let reply = prop_oneof![
        3 => Just(Reply::Done),
        1 => Just(Reply::Failed),
        2 => prop::option::of(0u8..5).prop_map(Reply::RateLimited),
    ];
    prop_oneof![
        4 => (0u16..3000).prop_map(Event::Tick),
        6 => (any::<usize>(), reply).prop_map(|(i, r)| Event::Reply(i, r)),
        1 => Just(Event::Cancel),
        1 => Just(Event::RetryFailed),
    ]
}

proptest! {
    #[test]
    fn the_schedule_keeps_its_limits(
        items in 0usize..30,
        budget in 1usize..8,
        window in 100u16..5000,
        events in prop::collection::vec(event(), 0..200),
    ) {
        let window = f64::from(window);
        let mut schedule = Schedule::new((0..items).map(|i| format!("user {i}")).collect());
        let mut pacer = Pacer::new(budget, window);
        let (mut now, mut engaged_at) = (0.0, None::<f64>);
        let mut in_flight: Vec<usize> = Vec::new();
        let mut sends: VecDeque<f64> = VecDeque::new();
        // No send may happen before this time: the end of the latest 429's pause.
        let mut paused_until = 0.0_f64;
        for event in events {
            match event {
                Event::Tick(ms) => {
                    now += f64::from(ms);
                    while let Step::Send(item) = schedule.next(now, &mut pacer) {
                        prop_assert!(now >= paused_until, "sent at {} before {}", now, paused_until);
                        in_flight.push(item);
                        prop_assert!(in_flight.len() <= MAX_IN_FLIGHT);
                        sends.push_back(now);
                        while sends.front().is_some_and(|t| now - t >= window) {
                            sends.pop_front();
                        }
                        if engaged_at.is_some_and(|at| sends.iter().all(|t| *t >= at)) {
                            prop_assert!(sends.len() <= budget, "{} sends in one window", sends.len());
                        }
                    }
                }
                Event::Reply(_, _) if in_flight.is_empty() => {}
                Event::Reply(i, reply) => {
                    let item = in_flight.remove(i % in_flight.len());
                    let outcome = match reply {
                        Reply::Done => Outcome::Done,
                        Reply::Failed => Outcome::Failed("no".into()),
                        Reply::RateLimited(after) => {
                            pacer.engage();
                            engaged_at.get_or_insert(now);
                            if schedule.progress(now).phase != Phase::Stopping {
                                let pause = after.map_or(BACKOFF_FIRST_MS, |s| f64::from(s.max(1)) * 1000.0);
                                paused_until = paused_until.max(now + pause);
                            }
                            Outcome::RateLimited(after.map(u32::from))
                        }
                    };
                    schedule.finish(item, outcome, now);
                }
                Event::Cancel => schedule.cancel(),
                Event::RetryFailed => {
                    schedule.retry_failed();
                }
            }
            let p = schedule.progress(now);
            prop_assert!(p.done + p.failed + p.not_sent <= items, "{:?}", p);
        }
        // Replies to everything still in flight, then the run ends with every item accounted for.
        for item in in_flight.drain(..) {
            schedule.finish(item, Outcome::Done, now);
        }
        schedule.cancel();
        let p = schedule.progress(now);
        prop_assert_eq!(p.done + p.failed + p.not_sent, items, "{:?}", p);
    }
}
