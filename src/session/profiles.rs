//! Connection profiles as plain data: a name, a proxy base URL and an account ID. The rules for
//! a list of them (unique names, duplicate, rename, remove) live here, without storage or DOM,
//! so they are tested natively. Tokens are not part of a profile: `storage` keeps them by name.
//! Lists are read from and written to JSON by the browser (`JSON.parse`, `JSON.stringify`),
//! which keeps a serde implementation for them out of the binary.

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use crate::text::lowercase;

/// One account the admin works with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub api_base_url: String,
    pub account_id: String,
}

const FIELDS: [&str; 3] = ["name", "api_base_url", "account_id"];

/// The profiles of a JSON array of `{"name", "api_base_url", "account_id"}` (missing or
/// non-string fields read as empty); `None` when `json` is not an array.
pub fn parse(json: &str) -> Option<Vec<Profile>> {
    from_js(&JSON::parse(json).ok()?)
}

/// [`parse`] on an already parsed value (config.json's `profiles`).
pub fn from_js(value: &JsValue) -> Option<Vec<Profile>> {
    let list = value.dyn_ref::<Array>()?;
    let field = |item: &JsValue, key: &str| {
        Reflect::get(item, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    Some(
        list.iter()
            .map(|item| {
                let [name, api_base_url, account_id] = FIELDS.map(|k| field(&item, k));
                Profile {
                    name,
                    api_base_url,
                    account_id,
                }
            })
            .collect(),
    )
}

/// `list` as a JSON array, the form [`parse`] reads.
pub fn to_json(list: &[Profile]) -> String {
    let array = Array::new();
    for p in list {
        let item = Object::new();
        for (key, value) in FIELDS.iter().zip([&p.name, &p.api_base_url, &p.account_id]) {
            let _ = Reflect::set(&item, &(*key).into(), &value.into());
        }
        array.push(&item);
    }
    JSON::stringify(&array)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The name of the profile made from config.json's two keys (or from nothing).
pub const DEFAULT_NAME: &str = "Default";

/// Longest profile name accepted (it is shown in the header and the tab title).
pub const MAX_NAME: usize = 40;

/// Names are compared without case: "Prod" and "prod" cannot both exist.
pub fn same_name(a: &str, b: &str) -> bool {
    lowercase(a.trim()) == lowercase(b.trim())
}

/// The profile called `name` in `list`, if any.
pub fn find<'a>(list: &'a [Profile], name: &str) -> Option<&'a Profile> {
    list.iter().find(|p| same_name(&p.name, name))
}

/// Checks a new name for the profile now called `current` (`None` for a new profile).
pub fn check_name(list: &[Profile], name: &str, current: Option<&str>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Enter a name for this profile, for example Production.".into());
    }
    if name.chars().count() > MAX_NAME {
        return Err(format!("Use at most {MAX_NAME} characters."));
    }
    let taken = list
        .iter()
        .any(|p| same_name(&p.name, name) && !current.is_some_and(|c| same_name(c, &p.name)));
    if taken {
        return Err(format!("Another profile is already called {name}."));
    }
    Ok(name.to_owned())
}

/// A free name for a copy of `name`: "Prod (copy)", then "Prod (copy 2)", …
pub fn copy_name(list: &[Profile], name: &str) -> String {
    (1..)
        .map(|n| match n {
            1 => format!("{name} (copy)"),
            n => format!("{name} (copy {n})"),
        })
        .find(|candidate| find(list, candidate).is_none())
        .unwrap_or_default()
}

/// Stores `profile` in place of the one called `current` (or appends it when `current` is
/// `None` or unknown).
pub fn upsert(list: &mut Vec<Profile>, current: Option<&str>, profile: Profile) {
    match current.and_then(|c| list.iter().position(|p| same_name(&p.name, c))) {
        Some(i) => list[i] = profile,
        None => list.push(profile),
    }
}

/// The profiles config.json declares: its `profiles`, else one made from its two keys. Nameless
/// and repeated names are dropped; the list is never empty.
pub fn from_config(declared: &[Profile], api_base_url: &str, account_id: &str) -> Vec<Profile> {
    let mut list: Vec<Profile> = Vec::new();
    for p in declared {
        let name = p.name.trim();
        if !name.is_empty() && find(&list, name).is_none() {
            list.push(Profile {
                name: name.to_owned(),
                ..p.clone()
            });
        }
    }
    if list.is_empty() {
        list.push(Profile {
            name: DEFAULT_NAME.into(),
            api_base_url: api_base_url.into(),
            account_id: account_id.into(),
        });
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> Profile {
        Profile {
            name: name.into(),
            api_base_url: format!("https://{name}.example"),
            account_id: "0123456789abcdef0123456789abcdef".into(),
        }
    }

    #[test]
    fn names_are_unique_without_case() {
        let list = vec![p("Prod"), p("Staging")];
        assert_eq!(check_name(&list, " QA ", None), Ok("QA".into()));
        assert!(check_name(&list, "prod", None)
            .unwrap_err()
            .contains("already"));
        assert_eq!(check_name(&list, "PROD", Some("Prod")), Ok("PROD".into()));
        assert!(check_name(&list, "staging", Some("Prod")).is_err());
        assert!(check_name(&list, "  ", None).is_err());
        assert!(check_name(&list, &"x".repeat(MAX_NAME + 1), None).is_err());
        assert_eq!(find(&list, "STAGING"), Some(&list[1]));
    }

    #[test]
    fn copies_get_free_names() {
        let mut list = vec![p("Prod")];
        assert_eq!(copy_name(&list, "Prod"), "Prod (copy)");
        list.push(p("Prod (copy)"));
        assert_eq!(copy_name(&list, "Prod"), "Prod (copy 2)");
    }

    #[test]
    fn upsert_replaces_by_old_name_or_appends() {
        let mut list = vec![p("Prod"), p("Staging")];
        upsert(&mut list, Some("staging"), p("QA"));
        assert_eq!(list, vec![p("Prod"), p("QA")]);
        upsert(&mut list, None, p("Dev"));
        assert_eq!(list.len(), 3);
    }

    #[test]
    fn config_profiles_or_the_two_keys() {
        let declared = vec![p("A"), p(" "), p("a"), p("B")];
        let names: Vec<_> = from_config(&declared, "x", "y")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(
            from_config(&[], "https://proxy", "abc"),
            vec![Profile {
                name: DEFAULT_NAME.into(),
                api_base_url: "https://proxy".into(),
                account_id: "abc".into()
            }]
        );
    }
}
