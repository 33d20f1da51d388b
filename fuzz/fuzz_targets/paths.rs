//! A path builder with any ids: a path is built only for ids that are not empty or all
//! dots, and then each id is exactly one segment (no `/`, `?`, `#` survives unencoded, no
//! segment is `.` or `..`) that decodes back to the id, with the operation's literal segments
//! around it.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zt_risk_api::paging::PageRequest;
use zt_risk_api::paths::{self, PathError};
use zt_risk_fuzz::percent_decode;

#[derive(Debug, Arbitrary)]
struct Input {
    /// Which builder (modulo their number): one per input keeps each run short.
    builder: u8,
    account: String,
    id: String,
    page: Option<(u64, u64)>,
}

type Build = fn(&str, &str, Option<PageRequest>) -> Result<String, PathError>;

/// Every builder, as (account, id, page) → path; builders without an id or page ignore them.
const BUILDERS: [(&str, Build); 15] = [
    ("summary", |a, _, _| paths::summary(a)),
    ("user", |a, i, _| paths::user(a, i)),
    ("reset", |a, i, _| paths::reset(a, i)),
    ("behaviors", |a, _, _| paths::behaviors(a)),
    ("integrations", |a, _, _| paths::integrations(a)),
    ("integration", |a, i, _| paths::integration(a, i)),
    ("by_reference", |a, i, _| {
        paths::integration_by_reference(a, i)
    }),
    ("ssf", |_, i, _| paths::ssf_configuration(i)),
    ("apps", |a, _, p| paths::access_apps(a, p)),
    ("app", |a, i, _| paths::access_app(a, i)),
    ("app_policies", |a, i, p| {
        paths::access_app_policies(a, i, p)
    }),
    ("policies", |a, _, p| paths::access_policies(a, p)),
    ("policy", |a, i, _| paths::access_policy(a, i)),
    ("user_no_account", |_, i, _| paths::user("acct", i)),
    ("app_no_account", |_, i, _| paths::access_app("acct", i)),
];

fn refused(raw: &str) -> bool {
    raw.is_empty() || raw.bytes().all(|b| b == b'.')
}

/// Placeholders that encode as themselves and differ from every literal segment.
const ACCOUNT: &str = "AAAA";
const ID: &str = "IIII";

fn check(name: &str, build: Build, input: &Input, page: Option<PageRequest>) {
    let template = build(ACCOUNT, ID, page).expect("placeholders are valid ids");
    let built = build(&input.account, &input.id, page);
    let uses = |placeholder: &str| template.contains(placeholder);
    let should_refuse =
        (uses(ACCOUNT) && refused(&input.account)) || (uses(ID) && refused(&input.id));
    let path = match built {
        Ok(path) => path,
        Err(e) => {
            assert!(should_refuse, "{name}: {e:?} refused {input:?}");
            return;
        }
    };
    assert!(!should_refuse, "{name}: built {path:?} from {input:?}");
    let (path, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path.as_str(), None),
    };
    let (t_path, t_query) = match template.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (template.as_str(), None),
    };
    assert_eq!(query, t_query, "{name}: the query is the page's only");
    assert!(!path.contains('#'), "{name}: {path:?}");
    let got: Vec<&str> = path.split('/').collect();
    let want: Vec<&str> = t_path.split('/').collect();
    assert_eq!(got.len(), want.len(), "{name}: {path:?} vs {t_path:?}");
    for (segment, expected) in got.iter().zip(&want) {
        assert!(*segment != "." && *segment != "..", "{name}: {path:?}");
        let raw = match *expected {
            ACCOUNT => input.account.as_str(),
            ID => input.id.as_str(),
            literal => {
                assert_eq!(segment, &literal, "{name}");
                continue;
            }
        };
        let decoded = percent_decode(segment).expect("a valid encoding");
        assert_eq!(
            decoded, raw,
            "{name}: {segment:?} does not decode to the id"
        );
        assert!(
            segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{name}: {segment:?} holds a reserved character"
        );
    }
}

fuzz_target!(|input: Input| {
    let page = input
        .page
        .map(|(page, per_page)| PageRequest { page, per_page });
    let (name, build) = BUILDERS[usize::from(input.builder) % BUILDERS.len()];
    check(name, build, &input, page);
});
