//! The index updated with a user loaded again: their rows move, the others stay.

use zt_risk_api::RiskLevel;

use super::*;
use crate::state::events::fixtures::loaded;

#[test]
fn a_user_loaded_again_moves_their_rows_and_keeps_the_others() {
    let mut data = Events::default();
    data.set_account("a");
    let mut many: Vec<Loaded> = (0..10)
        .map(|i| loaded(i, &format!("U{i}"), &[("a", RiskLevel::Low, i as i64)]))
        .collect();
    for l in many.drain(..) {
        data.insert("a", l);
    }
    let before = build(&data);
    data.insert("a", loaded(3, "Ada", &[("new", RiskLevel::High, 100)]));
    let after = update(Some(&before), &data);
    assert_eq!(after.rows.len(), 10);
    assert_eq!((after.rows[0].user, after.rows[0].level), (3, 3));
    assert_eq!(
        after.behaviors,
        vec![("a".to_owned(), 9), ("new".to_owned(), 1)]
    );
    assert_eq!(&*after.users[3], "ada\nada@example.com");
}
