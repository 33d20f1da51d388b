//! A fresh `GET /{user_id}` merged into what was kept for the user: the API drops a user's
//! events on a reset, the console does not. Events seen before that the API no longer lists
//! stay, marked with the reset that dropped them. Pure.

use zt_risk_api::RiskEvents;

use super::record::{Change, DetailRecord, Event};

/// The record to keep for `fresh`, given what was kept (`old`), and the reset it reveals: a
/// `last_reset_time` newer than the one kept (or the first one seen).
pub fn merge(old: Option<&DetailRecord>, fresh: &RiskEvents) -> (DetailRecord, Option<Change>) {
    let mut record = DetailRecord::of(fresh);
    let reset = match (old.and_then(|o| o.last_reset), fresh.last_reset_time) {
        (Some(was), Some(now)) if now > was => Some(Change::Reset { at: now }),
        (None, Some(now)) => Some(Change::Reset { at: now }),
        _ => None,
    };
    if let Some(old) = old {
        let listed = |id: &str| record.events.iter().any(|e| e.id == id);
        let earlier: Vec<(Event, Option<_>)> = old
            .events
            .iter()
            .filter(|e| !listed(&e.id))
            .map(|e| (e.clone(), fresh.last_reset_time.filter(|r| e.at <= *r)))
            .chain(old.kept.iter().filter(|(e, _)| !listed(&e.id)).cloned())
            .collect();
        record.kept = earlier;
        record.kept.sort_by_key(|k| std::cmp::Reverse(k.0.at));
        record.kept.dedup_by(|a, b| a.0.id == b.0.id);
    }
    (record, reset)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeZone, Utc};
    use zt_risk_api::{RiskEvent, RiskLevel};

    use super::*;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, 12, 0, 0)
            .single()
            .expect("time")
    }

    fn detail(events: &[(&str, u32)], reset: Option<u32>) -> RiskEvents {
        RiskEvents {
            name: "Ada".into(),
            email: "ada@example.com".into(),
            events: events
                .iter()
                .map(|(id, day)| RiskEvent {
                    id: (*id).into(),
                    name: "Impossible Travel".into(),
                    risk_level: RiskLevel::High,
                    timestamp: at(*day),
                    event_details: None,
                })
                .collect(),
            last_reset_time: reset.map(at),
            risk_level: None,
        }
    }

    #[test]
    fn events_the_api_dropped_on_a_reset_are_kept_and_marked() {
        let (first, reset) = merge(None, &detail(&[("e1", 1), ("e2", 2)], None));
        assert_eq!(reset, None);
        assert!(first.kept.is_empty());
        // Reset on day 3: the API lists only the new event.
        let (second, reset) = merge(Some(&first), &detail(&[("e3", 4)], Some(3)));
        assert_eq!(reset, Some(Change::Reset { at: at(3) }));
        let kept: Vec<(&str, Option<DateTime<Utc>>)> = second
            .kept
            .iter()
            .map(|(e, r)| (e.id.as_str(), *r))
            .collect();
        assert_eq!(kept, [("e2", Some(at(3))), ("e1", Some(at(3)))]);
        // Fetched again, nothing new: still kept, no new reset.
        let (third, reset) = merge(Some(&second), &detail(&[("e3", 4)], Some(3)));
        assert_eq!(reset, None);
        assert_eq!(third.kept, second.kept);
        // An event the API lists again is not kept twice.
        let (fourth, _) = merge(Some(&third), &detail(&[("e1", 1), ("e3", 4)], Some(3)));
        assert_eq!(fourth.kept.len(), 1);
    }

    #[test]
    fn the_first_fetch_of_a_reset_user_records_the_reset_once() {
        let (first, reset) = merge(None, &detail(&[("e3", 4)], Some(3)));
        assert_eq!(reset, Some(Change::Reset { at: at(3) }));
        assert_eq!(merge(Some(&first), &detail(&[("e3", 4)], Some(3))).1, None);
    }

    #[test]
    fn an_event_gone_without_a_reset_is_kept_without_one() {
        let (first, _) = merge(None, &detail(&[("e1", 1)], None));
        let (second, _) = merge(Some(&first), &detail(&[], None));
        assert_eq!(second.kept[0].1, None);
    }
}
