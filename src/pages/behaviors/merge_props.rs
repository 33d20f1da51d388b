//! Property tests (native only) of the three-way merge, for any original, server and draft
//! settings: exactly the edited behaviors the server dropped are gone; exactly those the
//! server changed to something else than the draft are conflicts; nothing conflicts when the
//! server changed nothing; and once resolved, the draft shows the server's settings with the
//! kept edits on top and sends only real changes.

use std::collections::BTreeMap;

use proptest::prelude::*;
use zt_risk_api::{BehaviorUpdate, RiskLevel};

use super::super::draft::{BehaviorsDraft, Settings};
use super::{three_way, Side};

fn settings() -> impl Strategy<Value = Settings> {
    let setting = (
        any::<bool>(),
        prop::sample::select(vec![RiskLevel::Low, RiskLevel::Medium, RiskLevel::High]),
    )
        .prop_map(|(enabled, risk_level)| BehaviorUpdate {
            enabled,
            risk_level,
        });
    let id = prop::sample::select(vec!["a", "b", "c", "d", "e"]).prop_map(str::to_owned);
    prop::collection::btree_map(id, setting, 0..5)
}

proptest! {
    #[test]
    fn the_merge_finds_exactly_the_conflicts(
        original in settings(),
        theirs in settings(),
        file in settings(),
        keep_yours in any::<bool>(),
    ) {
        let mut draft = BehaviorsDraft::new(original.clone());
        draft.import(file);
        let edits = draft.changes();
        let merge = three_way(&original, theirs.clone(), &edits);
        prop_assert_eq!(&merge.theirs, &theirs);
        let gone: Vec<&String> = edits.keys().filter(|id| !theirs.contains_key(*id)).collect();
        prop_assert_eq!(merge.gone.iter().collect::<Vec<_>>(), gone);
        let conflicting: Vec<&String> = edits
            .iter()
            .filter(|(id, yours)| {
                theirs.get(*id).is_some_and(|t| t != *yours && original.get(*id) != Some(t))
            })
            .map(|(id, _)| id)
            .collect();
        prop_assert_eq!(merge.conflicts.iter().map(|c| &c.id).collect::<Vec<_>>(), conflicting);
        if theirs == original {
            prop_assert!(merge.conflicts.is_empty() && merge.gone.is_empty());
        }

        let side = if keep_yours { Side::Yours } else { Side::Theirs };
        let choices: BTreeMap<String, Side> =
            merge.conflicts.iter().map(|c| (c.id.clone(), side)).collect();
        prop_assert!(merge.is_resolved(&choices));
        draft.resolve(&merge, &choices);
        for (id, t) in &theirs {
            let overruled = !keep_yours && choices.contains_key(id);
            let expected = match edits.get(id) {
                Some(yours) if !overruled => yours,
                _ => t,
            };
            prop_assert_eq!(draft.current(id), Some(expected), "{}", id);
        }
        for (id, sent) in draft.changes() {
            prop_assert!(theirs.get(&id).is_some_and(|t| *t != sent), "{} sent", id);
        }
    }
}
