//! `--state FILE`: every account's data as JSON, replaced atomically on every acknowledged write
//! (temporary file in the same directory, fsync, rename, fsync of the directory), so a
//! `kill -9` right after a 200 loses nothing and a crash mid-write leaves the old file intact.
//!
//! Layout (version 2): `{"version": 2, "default_account": ID, "accounts": {ID: account, …}}`.
//! A version 1 file (one account's fields at the top level) still loads, as that one account,
//! which is also the default one; the next write saves version 2. Each account's `access`
//! (applications and policies) is optional: files from before it load with none.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use zt_risk_api::{Behavior, Integration};

use super::store::{Store, User};

/// The version this build writes.
pub const VERSION: u32 = 2;

/// What a state file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub default_account: String,
    pub accounts: BTreeMap<String, Store>,
}

/// Either version, read in one pass (no buffering of a large file into an untyped tree).
#[derive(Deserialize)]
struct AnyVersion {
    version: u32,
    default_account: Option<String>,
    accounts: Option<BTreeMap<String, Store>>,
    account_id: Option<String>,
    behaviors: Option<BTreeMap<String, Behavior>>,
    users: Option<BTreeMap<String, Arc<User>>>,
    integrations: Option<Vec<Integration>>,
}

impl AnyVersion {
    fn into_saved(self) -> Result<Saved, String> {
        match self {
            AnyVersion {
                version: 2,
                default_account: Some(default_account),
                accounts: Some(accounts),
                ..
            } => Ok(Saved {
                default_account,
                accounts,
            }),
            AnyVersion {
                version: 1,
                account_id: Some(account_id),
                behaviors: Some(behaviors),
                users: Some(users),
                integrations: Some(integrations),
                ..
            } => Ok(Saved {
                default_account: account_id.clone(),
                accounts: BTreeMap::from([(
                    account_id.clone(),
                    Store {
                        account_id,
                        behaviors,
                        users,
                        integrations,
                        access: Default::default(),
                    },
                )]),
            }),
            AnyVersion { version: 1 | 2, .. } => Err("a required field is missing".into()),
            AnyVersion { version, .. } => Err(format!(
                "it has version {version}; this build reads versions 1 and {VERSION}"
            )),
        }
    }
}

/// Loads the state file; `Ok(None)` if it does not exist yet.
pub fn load(path: &Path) -> Result<Option<Saved>, String> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read state file {}: {e}", path.display())),
    };
    serde_json::from_slice::<AnyVersion>(&bytes)
        .map_err(|e| e.to_string())
        .and_then(AnyVersion::into_saved)
        .map(Some)
        .map_err(|e| format!("state file {} is not valid: {e}", path.display()))
}

/// The file's bytes from each account's own JSON (already serialized, so a write to one account
/// does not serialize the others again).
pub fn assemble<'a>(
    default_account: &str,
    accounts: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Vec<u8> {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = format!(
        "{{\"version\":{VERSION},\"default_account\":{},\"accounts\":{{",
        quoted(default_account)
    )
    .into_bytes();
    for (i, (id, json)) in accounts.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(quoted(id).as_bytes());
        out.push(b':');
        out.extend_from_slice(json);
    }
    out.extend_from_slice(b"}}");
    out
}

/// Durably replaces `path` with `bytes`.
pub fn save(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself must reach the disk, or a crash could bring the old file back.
        File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "0123456789abcdef0123456789abcdef";
    const B: &str = "fedcba9876543210fedcba9876543210";

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("zt-state-test-{name}-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        dir.join("s.json")
    }

    #[test]
    fn round_trip_of_several_accounts_and_missing_file() {
        let path = temp("v2");
        let _ = fs::remove_file(&path);
        assert_eq!(load(&path), Ok(None));
        let now = chrono::Utc::now();
        let (a, b) = (
            super::super::seed::generate(1, 5, now, A),
            super::super::seed::generate(1, 3, now, B),
        );
        let (ja, jb) = (
            serde_json::to_vec(&a).unwrap_or_default(),
            serde_json::to_vec(&b).unwrap_or_default(),
        );
        let bytes = assemble(B, [(A, ja.as_slice()), (B, jb.as_slice())]);
        assert!(save(&path, &bytes).is_ok());
        let expected = Saved {
            default_account: B.into(),
            accounts: BTreeMap::from([(A.into(), a), (B.into(), b)]),
        };
        assert_eq!(load(&path), Ok(Some(expected)));
        fs::write(&path, b"{").ok();
        assert!(load(&path).is_err());
        fs::write(
            &path,
            br#"{"version":3,"default_account":"x","accounts":{}}"#,
        )
        .ok();
        assert!(load(&path).is_err_and(|e| e.contains("version 3")));
        let _ = fs::remove_dir_all(path.parent().unwrap_or(&path));
    }

    /// A store as files from before Access held it: no `access` member.
    fn without_access(store: &Store) -> (serde_json::Value, Store) {
        let mut json = serde_json::to_value(store).unwrap_or_default();
        if let Some(members) = json.as_object_mut() {
            members.remove("access");
        }
        let mut expected = store.clone();
        expected.access = Default::default();
        (json, expected)
    }

    #[test]
    fn a_version_1_file_loads_as_its_one_account() {
        let path = temp("v1");
        let store = super::super::seed::generate(1, 4, chrono::Utc::now(), A);
        let (mut v1, expected) = without_access(&store);
        v1["version"] = 1.into();
        fs::write(&path, v1.to_string()).ok();
        let saved = load(&path).ok().flatten();
        assert_eq!(
            saved,
            Some(Saved {
                default_account: A.into(),
                accounts: BTreeMap::from([(A.into(), expected)]),
            })
        );
        let _ = fs::remove_dir_all(path.parent().unwrap_or(&path));
    }

    #[test]
    fn a_version_2_file_from_before_access_loads_with_none() {
        let path = temp("v2-old");
        let store = super::super::seed::generate(1, 4, chrono::Utc::now(), A);
        assert!(!store.access.apps.is_empty());
        let (account, expected) = without_access(&store);
        let file =
            serde_json::json!({"version": 2, "default_account": A, "accounts": {A: account}});
        fs::write(&path, file.to_string()).ok();
        let saved = load(&path).ok().flatten();
        assert_eq!(
            saved.map(|s| s.accounts),
            Some(BTreeMap::from([(A.into(), expected)]))
        );
        let _ = fs::remove_dir_all(path.parent().unwrap_or(&path));
    }
}
