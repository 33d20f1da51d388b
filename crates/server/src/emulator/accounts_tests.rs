//! Requests dropped mid-write (their client went away): what is on disk is always what is
//! served, and the next write is never disturbed by the one left behind.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::*;

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "zt-accounts-test-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).expect("create a scratch dir");
    dir
}

/// Waits until no write is under way, then returns what is served and what is on disk.
async fn served_and_saved(
    accounts: &Accounts,
    path: &std::path::Path,
) -> (BTreeMap<String, Store>, BTreeMap<String, Store>) {
    drop(accounts.turn().await);
    // A write left behind by its request, if the turn did not wait for it, ends meanwhile.
    tokio::time::sleep(Duration::from_millis(30)).await;
    let served = accounts
        .map
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .map(|(id, s)| (id.clone(), s.store.clone()))
        .collect();
    let saved = state_file::load(path)
        .ok()
        .flatten()
        .map(|s| s.accounts)
        .unwrap_or_default();
    (served, saved)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_request_finishes_its_write_before_the_next_one_starts() {
    let dir = scratch();
    let path = dir.join("state.json");
    let seeding = Seeding {
        seed: 3,
        users: 400,
        apps: 16,
        fresh: false,
    };
    let accounts = Accounts::open(seeding, Some(path.clone()), None).expect("open");
    let home = accounts.default_account().to_owned();
    for step in 0..24u64 {
        // Each request is given a little longer, so that some end before, some during and
        // some after their save.
        let patience = Duration::from_micros(step * 400);
        let flip = |store: &mut Store| {
            if let Some(b) = store.behaviors.values_mut().next() {
                b.enabled = !b.enabled;
            }
            Ok(())
        };
        let _ = tokio::time::timeout(patience, accounts.write(&home, flip)).await;
        let fresh = format!("{step:032x}");
        let _ = tokio::time::timeout(patience, accounts.get(&fresh)).await;
        let (served, saved) = served_and_saved(&accounts, &path).await;
        assert_eq!(
            served, saved,
            "step {step}: the disk and what is served differ"
        );
        // And a request that is not dropped always succeeds.
        assert!(accounts.write(&home, flip).await.is_ok(), "step {step}");
    }
    let _ = std::fs::remove_dir_all(dir);
}
