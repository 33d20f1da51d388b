//! `--state FILE`: the store as JSON, replaced atomically on every acknowledged write
//! (temporary file in the same directory, fsync, rename, fsync of the directory), so a
//! `kill -9` right after a 200 loses nothing and a crash mid-write leaves the old file intact.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::store::{Store, STATE_VERSION};

/// Loads the state file; `Ok(None)` if it does not exist yet.
pub fn load(path: &Path) -> Result<Option<Store>, String> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read state file {}: {e}", path.display())),
    };
    let store: Store = serde_json::from_slice(&bytes)
        .map_err(|e| format!("state file {} is not valid: {e}", path.display()))?;
    if store.version != STATE_VERSION {
        return Err(format!(
            "state file {} has version {}, this build reads version {STATE_VERSION}",
            path.display(),
            store.version
        ));
    }
    Ok(Some(store))
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

    #[test]
    fn round_trip_and_missing_file() {
        let dir = std::env::temp_dir().join(format!("zt-state-test-{}", std::process::id()));
        let _ = fs::create_dir_all(&dir);
        let path = dir.join("s.json");
        let _ = fs::remove_file(&path);
        assert_eq!(load(&path), Ok(None));
        let store = super::super::seed::generate(1, 5, chrono::Utc::now(), None);
        let bytes = serde_json::to_vec(&store).unwrap_or_default();
        assert!(save(&path, &bytes).is_ok());
        assert_eq!(load(&path), Ok(Some(store)));
        fs::write(&path, b"{").ok();
        assert!(load(&path).is_err());
        let _ = fs::remove_dir_all(&dir);
    }
}
