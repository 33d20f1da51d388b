//! Version pins and budgets read from the repository (Cargo.lock, Trunk.toml, budget.toml).
//!
//! Tiny line-based readers: the files are simple and std-only keeps the xtask fast to build.

/// The binaryen (wasm-opt) version installed from npm; `Trunk.toml` must say `version_<this>`.
pub const BINARYEN_VERSION: &str = "132";
/// The workerd (Cloudflare's Workers runtime) version installed from npm for `cargo xtask edge`.
pub const WORKERD_VERSION: &str = "1.20261117.1";
/// The axe-core version installed from npm for the end-to-end accessibility audit.
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// The trunk version installed with `cargo install`.
pub const TRUNK_VERSION: &str = "0.21.14";

/// The version of package `name` in a Cargo.lock (the first one if several are locked).
pub fn lock_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line == wanted {
            return lines.next().and_then(|l| string_value(l, "version"));
        }
    }
    None
}

/// The string value of `key = "value"` in a flat TOML-like text (first match, any table).
pub fn toml_string(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| string_value(l.trim(), key))
}

/// The integer value of `key = 123` (underscores allowed) in a flat TOML-like text.
pub fn toml_int(text: &str, key: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        if k.trim() != key {
            return None;
        }
        let v = v.split('#').next()?.trim().replace('_', "");
        v.parse().ok()
    })
}

fn string_value(line: &str, key: &str) -> Option<String> {
    let (k, v) = line.split_once('=')?;
    if k.trim() != key {
        return None;
    }
    let v = v.trim();
    let v = v.strip_prefix('"')?;
    Some(v[..v.find('"')?].to_string())
}

/// Checks that Trunk.toml pins the wasm-bindgen of Cargo.lock and our wasm-opt; returns the
/// wasm-bindgen version to install.
pub fn check_trunk_pins(lock: &str, trunk_toml: &str) -> Result<String, String> {
    let locked = lock_version(lock, "wasm-bindgen")
        .ok_or("Cargo.lock has no `wasm-bindgen` package (run `cargo fetch`?)")?;
    match toml_string(trunk_toml, "wasm_bindgen") {
        Some(pinned) if pinned == locked => {}
        Some(pinned) => {
            return Err(format!(
                "Trunk.toml pins wasm_bindgen = \"{pinned}\" but Cargo.lock has wasm-bindgen \
                 {locked}: set `wasm_bindgen = \"{locked}\"` under [tools] in Trunk.toml \
                 (trunk would otherwise try to download it)"
            ))
        }
        None => {
            return Err(format!(
                "Trunk.toml lacks `wasm_bindgen = \"{locked}\"` under [tools]"
            ))
        }
    }
    let want_opt = format!("version_{BINARYEN_VERSION}");
    match toml_string(trunk_toml, "wasm_opt") {
        Some(opt) if opt == want_opt => Ok(locked),
        other => Err(format!(
            "Trunk.toml must pin `wasm_opt = \"{want_opt}\"` under [tools] (found {other:?}); \
             the xtask installs binaryen {BINARYEN_VERSION} from npm"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\
                        source = \"registry\"\n\n[[package]]\nname = \"wasm-bindgen-futures\"\n\
                        version = \"0.4.1\"\n";

    #[test]
    fn reads_locked_versions() {
        assert_eq!(
            lock_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            lock_version(LOCK, "wasm-bindgen-futures").as_deref(),
            Some("0.4.1")
        );
        assert_eq!(lock_version(LOCK, "serde"), None);
    }

    #[test]
    fn reads_toml_values() {
        let text = "# budget\nfirst_load_brotli_bytes = 153_600 # 150 KB\n[tools]\nwasm_opt = \"version_132\"\n";
        assert_eq!(toml_int(text, "first_load_brotli_bytes"), Some(153_600));
        assert_eq!(
            toml_string(text, "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_int(text, "missing"), None);
    }

    #[test]
    fn trunk_pins_must_match_the_lock() {
        let good = "[tools]\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\"\n";
        assert_eq!(check_trunk_pins(LOCK, good), Ok("0.2.130".to_string()));
        let stale = good.replace("0.2.130", "0.2.100");
        let err = check_trunk_pins(LOCK, &stale).unwrap_err();
        assert!(err.contains("0.2.100") && err.contains("0.2.130"), "{err}");
        let bad_opt = good.replace("version_132", "version_108");
        assert!(check_trunk_pins(LOCK, &bad_opt).is_err());
        assert!(check_trunk_pins(LOCK, "[tools]\n").is_err());
    }
}
