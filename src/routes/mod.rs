//! Every page of the console, in one table ([`Page`]): its path, title, navigation label,
//! keyboard shortcut, the chunk its code is in, and whether it opens on the summary. The router, the document title, the navigation, the shortcuts and their help, and
//! the early summary request all read this table; adding a page is one entry here plus the page.
//!
//! Links are built here too ([`Page::path`], [`Page::link`], [`Page::with_query`]): ids taken
//! from data are percent-encoded (`paths::encode_segment`), so an id cannot add a segment, a
//! query or a fragment.

mod pattern;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use zt_risk_api::paths::encode_segment;

pub use pattern::Pattern;

use crate::pages::lazy;

/// A page of the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Overview,
    Users,
    User,
    Detections,
    Behaviors,
    Access,
    Integrations,
    NewIntegration,
    Integration,
    Settings,
}

/// What the table says about one page.
pub struct Entry {
    /// The route pattern: static segments and at most one `:id`.
    pub path: &'static str,
    /// The page's name in the document title.
    pub title: &'static str,
    /// Its label in the main navigation, if it is listed there.
    pub nav: Option<&'static str>,
    /// The key after `g` that goes to it, if any.
    pub key: Option<char>,
    /// Whether it opens on `GET /summary`, which the console then sends before it mounts.
    pub summary: bool,
    /// The split point its code is in (`pages::lazy`: fetched the first time one of its pages
    /// opens, or at once by `public/boot.js` when the address is this page's: its `ROUTES` name
    /// the same).
    pub chunk: &'static str,
    /// Shows the page (`pages::lazy`).
    pub view: fn() -> AnyView,
}

impl Page {
    /// Every page, in the order the router tries them (`/integrations/new` before
    /// `/integrations/:id`) and the navigation lists them.
    pub const ALL: [Page; 10] = [
        Page::Overview,
        Page::Users,
        Page::User,
        Page::Detections,
        Page::Behaviors,
        Page::Access,
        Page::Integrations,
        Page::NewIntegration,
        Page::Integration,
        Page::Settings,
    ];

    /// The table.
    #[rustfmt::skip]
    pub const fn entry(self) -> Entry {
        let (path, title, nav, key, summary, chunk, view): (_, _, _, _, _, _, fn() -> AnyView) = match self {
            Page::Overview => ("/", "Overview", Some("Overview"), Some('o'), true, "risk", lazy::overview),
            Page::Users => ("/users", "Users", Some("Users"), Some('u'), true, "risk", lazy::users),
            Page::User => ("/users/:id", "User", None, None, false, "risk", lazy::user_detail),
            Page::Detections => ("/detections", "Detections", Some("Detections"), Some('d'), true, "risk", lazy::detections),
            Page::Behaviors => ("/behaviors", "Behaviors", Some("Behaviors"), Some('b'), false, "admin", lazy::behaviors),
            Page::Access => ("/access", "Risk and access", Some("Access"), Some('a'), false, "admin", lazy::access),
            Page::Integrations => ("/integrations", "Integrations", Some("Integrations"), Some('i'), false, "admin", lazy::integrations),
            Page::NewIntegration => ("/integrations/new", "New integration", None, None, false, "admin", lazy::new_integration),
            Page::Integration => ("/integrations/:id", "Integration", None, None, false, "admin", lazy::integration),
            Page::Settings => ("/settings", "Settings", Some("Settings"), None, false, "admin", lazy::settings),
        };
        Entry { path, title, nav, key, summary, chunk, view }
    }

    /// The route pattern.
    pub fn pattern(self) -> Pattern {
        Pattern(self.entry().path)
    }

    /// The page's own address, for a page without an `:id` (for one with, see [`Page::link`]).
    pub fn path(self) -> &'static str {
        self.entry().path
    }

    /// The address of this page for the item `id` (`/users/a%2Fb`), encoded.
    pub fn link(self, id: &str) -> String {
        let id = encode_segment(id);
        self.path().replace(":id", &id)
    }

    /// The page's address with a view query (`"?level=high"`, with or without the `?`; empty
    /// for the default view).
    pub fn with_query(self, query: &str) -> String {
        match query.trim_start_matches('?') {
            "" => self.path().to_owned(),
            query => format!("{}?{query}", self.path()),
        }
    }

    /// The page's view.
    pub fn view(self) -> AnyView {
        (self.entry().view)()
    }

    /// The page at `path` (a pathname without query), if any.
    pub fn at(path: &str) -> Option<Page> {
        Page::ALL
            .into_iter()
            .find(|page| page.pattern().matches(path).is_some())
    }

    /// The page the `g` chord with `key` goes to.
    pub fn for_key(key: char) -> Option<Page> {
        Page::ALL
            .into_iter()
            .find(|page| page.entry().key == Some(key))
    }
}

/// The query parameter of a deep link that names the profile to open (`?profile=staging`).
pub const PROFILE_PARAM: &str = "profile";

/// The paths of the pages that open on the summary, for `public/boot.js`'s early request.
pub fn summary_paths() -> impl Iterator<Item = &'static str> {
    Page::ALL
        .into_iter()
        .filter(|p| p.entry().summary)
        .map(Page::path)
}

/// Whether the page at `path` (`search`: the address's query) opens on the summary. Not when
/// the address names a profile ([`PROFILE_PARAM`]): the switch to it comes after the mount.
pub fn opens_on_summary(path: &str, search: &str) -> bool {
    let names_profile = search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(PROFILE_PARAM));
    Page::at(path).is_some_and(|p| p.entry().summary) && !names_profile
}

/// The `:id` of the current route (`/users/:id`, `/integrations/:id`), decoded; empty if none.
pub fn use_id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_built_with_encoded_ids() {
        assert_eq!(Page::Overview.path(), "/");
        assert_eq!(Page::Users.with_query(""), Page::Users.path());
        assert_eq!(
            Page::Users.with_query("?level=high&page=2"),
            format!("{}?level=high&page=2", Page::Users.path())
        );
        assert_eq!(
            Page::Users.with_query("level=high"),
            format!("{}?level=high", Page::Users.path())
        );
        assert_eq!(
            Page::User.link("a/b?c#d"),
            format!("{}/a%2Fb%3Fc%23d", Page::Users.path())
        );
        assert_eq!(
            Page::Integration.link("x y"),
            format!("{}/x%20y", Page::Integrations.path())
        );
    }

    #[test]
    fn every_address_names_one_page() {
        for page in Page::ALL {
            let address = page.link("an-id");
            assert_eq!(Page::at(&address), Some(page), "{address}");
        }
        assert_eq!(Page::at("/nowhere"), None);
        assert_eq!(Page::at(&format!("{}/a/b", Page::Users.path())), None);
    }

    #[test]
    fn only_the_summary_pages_open_on_the_summary() {
        let [overview, users, detections] = [Page::Overview, Page::Users, Page::Detections];
        assert_eq!(
            summary_paths().collect::<Vec<_>>(),
            [overview.path(), users.path(), detections.path()]
        );
        assert!(opens_on_summary(overview.path(), ""));
        assert!(opens_on_summary(users.path(), "?level=high&q=ann"));
        assert!(!opens_on_summary(users.path(), "?profile=staging"));
        assert!(!opens_on_summary(
            users.path(),
            "?level=high&profile=staging"
        ));
        assert!(opens_on_summary(detections.path(), "?level=high"));
        assert!(!opens_on_summary(overview.path(), "?profile"));
        assert!(opens_on_summary(users.path(), "?q=profile=x&myprofile=1"));
        for page in [
            Page::User,
            Page::Integrations,
            Page::Behaviors,
            Page::Settings,
        ] {
            assert!(!opens_on_summary(&page.link("u1"), ""), "{page:?}");
        }
        assert!(!opens_on_summary("/nowhere", ""));
    }

    /// `public/boot.js` fetches the chunk of the page at the address while the main module
    /// loads; its `ROUTES` must list every page, in the router's order, with its chunk.
    #[test]
    fn boot_js_knows_every_page_and_its_chunk() {
        let boot = include_str!("../../public/boot.js");
        let routes: String = Page::ALL
            .iter()
            .map(|p| format!("\n  ['{}', '{}'],", p.path(), p.entry().chunk))
            .collect();
        let expected = format!("const ROUTES = [{routes}\n];");
        assert!(boot.contains(&expected), "boot.js should hold:\n{expected}");
    }

    #[test]
    fn keys_and_navigation_are_unique() {
        let keys: Vec<char> = Page::ALL.iter().filter_map(|p| p.entry().key).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(keys.len(), unique.len());
        for page in Page::ALL {
            if let Some(key) = page.entry().key {
                assert_eq!(Page::for_key(key), Some(page));
                assert!(
                    page.entry().nav.is_some(),
                    "a shortcut goes to a listed page"
                );
            }
        }
    }
}
