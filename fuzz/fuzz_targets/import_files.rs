//! The behaviors and integrations import validators, from any file: settings, or problems whose
//! JSON pointers name places in the file (a value there, or a missing member of an object
//! there). Never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use zt_risk_api::import::{self, Problem};
use zt_risk_fuzz::points_into;

/// Behavior ids an account knows (the emulator's catalogue has these, among others).
const KNOWN: [&str; 4] = ["imp_travel", "high_dlp", "sentinel_one", "crowdstrike"];

fn check(text: &str, problems: &[Problem]) {
    assert!(!problems.is_empty(), "an Err holds at least one problem");
    let root = serde_json::from_str::<serde_json::Value>(text);
    for p in problems {
        assert!(!p.message.is_empty());
        match &root {
            Ok(root) => assert!(
                points_into(root, &p.pointer),
                "{:?} is not in the file: {text:?}",
                p.pointer
            ),
            Err(_) => assert_eq!(p.pointer, "", "invalid JSON is a whole-file problem"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match import::behaviors_file(text, |id| KNOWN.contains(&id)) {
        Ok(settings) => assert!(settings.keys().all(|id| KNOWN.contains(&id.as_str()))),
        Err(problems) => check(text, &problems),
    }
    match import::integrations_file(text) {
        Ok(backups) => {
            let _ = import::plan(&backups, &[]);
        }
        Err(problems) => check(text, &problems),
    }
});
