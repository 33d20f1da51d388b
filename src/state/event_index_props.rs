//! Property test (native only): the index kept up to date result by result equals the index
//! built whole from the same store, whatever the results (new users, users loaded again, new
//! behavior names, ties in time) and however they are batched between two updates; emptying
//! the store starts over.

use proptest::prelude::*;
use zt_risk_api::RiskLevel;

use super::*;
use crate::state::events::fixtures::loaded;

/// Everything a reader of the index sees.
fn seen(index: &Index) -> (Vec<Row>, Vec<(String, usize)>, Vec<String>) {
    let users = index.users.iter().map(|u| u.to_string()).collect();
    (index.rows.clone(), index.behaviors.clone(), users)
}

/// One result: user `id` with events of `(behavior, level, hour)`.
type Result = (usize, Vec<(u8, u8, i64)>);

fn result() -> impl Strategy<Value = Result> {
    let event = (0u8..6, 0u8..4, 0i64..8);
    (0usize..12, prop::collection::vec(event, 0..5))
}

fn apply(data: &mut Events, (id, events): &Result) {
    const NAMES: [&str; 6] = ["zeta", "alpha", "mid", "Beta", "é-accent", "alpha2"];
    let levels = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Unknown("odd".into()),
    ];
    let events: Vec<(&str, RiskLevel, i64)> = events
        .iter()
        .map(|&(n, l, h)| (NAMES[n as usize], levels[l as usize].clone(), h))
        .collect();
    data.insert("a", loaded(*id, &format!("User {id}"), &events));
}

proptest! {
    #[test]
    fn updating_equals_building(
        batches in prop::collection::vec(prop::collection::vec(result(), 0..6), 1..8),
        empty_at in prop::option::of(0usize..8),
    ) {
        let mut data = Events::default();
        data.set_account("a");
        let mut index = update(None, &data);
        for (i, batch) in batches.iter().enumerate() {
            if empty_at == Some(i) {
                data.clear();
            }
            for result in batch {
                apply(&mut data, result);
            }
            index = update(Some(&index), &data);
            prop_assert_eq!(seen(&index), seen(&build(&data)));
        }
    }
}
