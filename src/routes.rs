//! Every console path, in one place: pages, the layout and shared components link and navigate
//! with these functions and never write a path by hand. Ids taken from data are percent-encoded
//! (`paths::encode_segment`), so an id cannot add a segment, a query or a fragment.
//!
//! `app::AppRoutes` maps these paths to pages; the tests below pin what each one builds.
//! The users list's last query is remembered here too (for this tab), so the user page's back
//! link returns to the view the admin left.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use zt_risk_api::paths::encode_segment;

use crate::session::storage;

/// `/`: the overview, the landing page.
pub const fn overview() -> &'static str {
    "/"
}

/// `/users`: the users list in its default view.
pub const fn users() -> &'static str {
    "/users"
}

/// `/users` with a view query, as `ViewState::to_query` writes it (`"?level=high"`, or empty
/// for the default view).
pub fn users_with(query: &str) -> String {
    with_query(users(), query)
}

fn with_query(path: &str, query: &str) -> String {
    match query.trim_start_matches('?') {
        "" => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

/// The pages that open on the summary: Overview, Users, and Detections (whose "Load events"
/// counts the users in each scope), so the console can request it before the page mounts.
pub const SUMMARY_PAGES: [&str; 3] = [overview(), users(), detections()];

/// The query parameter of a deep link that names the profile to open (`?profile=staging`).
pub const PROFILE_PARAM: &str = "profile";

/// Whether the page at `path` (`search`: the address's query) is one of [`SUMMARY_PAGES`]. Not
/// when the address names a profile ([`PROFILE_PARAM`]): the switch to it comes after the mount.
pub fn opens_on_summary(path: &str, search: &str) -> bool {
    let names_profile = search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(PROFILE_PARAM));
    SUMMARY_PAGES.contains(&path) && !names_profile
}

/// `/users/{id}`: one user's page.
pub fn user(id: &str) -> String {
    format!("{}/{}", users(), encode_segment(id))
}

/// `/detections`: recent risk events across users.
pub const fn detections() -> &'static str {
    "/detections"
}

/// `/detections` with a view query, as `DetectionsView::to_query` writes it.
pub fn detections_with(query: &str) -> String {
    with_query(detections(), query)
}

/// `/behaviors`: the behaviors editor.
pub const fn behaviors() -> &'static str {
    "/behaviors"
}

/// `/integrations`: the integrations list.
pub const fn integrations() -> &'static str {
    "/integrations"
}

/// `/integrations/new`: the create form.
pub const fn new_integration() -> &'static str {
    "/integrations/new"
}

/// `/integrations/{id}`: one integration's page.
pub fn integration(id: &str) -> String {
    format!("{}/{}", integrations(), encode_segment(id))
}

/// `/settings`: connection settings.
pub const fn settings() -> &'static str {
    "/settings"
}

/// The `:id` of the current route (`/users/:id`, `/integrations/:id`), decoded; empty if none.
pub fn use_id_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").unwrap_or_default())
}

/// Remembers the users list's current query for this tab.
pub fn remember_users_query(query: &str) {
    storage::set_tab_value(storage::KEY_USERS_QUERY, Some(query));
}

/// The users list with the query it was last shown with in this tab (the default view if none).
pub fn users_remembered() -> String {
    let query = storage::tab_value(storage::KEY_USERS_QUERY).unwrap_or_default();
    users_with(&query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_built_with_encoded_ids() {
        assert_eq!(overview(), "/");
        assert_eq!(users_with(""), "/users");
        assert_eq!(users_with("?level=high&page=2"), "/users?level=high&page=2");
        assert_eq!(users_with("level=high"), "/users?level=high");
        assert_eq!(detections_with("?level=low"), "/detections?level=low");
        assert_eq!(detections_with(""), "/detections");
        assert_eq!(user("a/b?c#d"), "/users/a%2Fb%3Fc%23d");
        assert_eq!(integration("x y"), "/integrations/x%20y");
        assert_eq!(
            [
                detections(),
                behaviors(),
                integrations(),
                new_integration(),
                settings()
            ],
            [
                "/detections",
                "/behaviors",
                "/integrations",
                "/integrations/new",
                "/settings"
            ]
        );
    }

    #[test]
    fn only_the_summary_pages_open_on_the_summary() {
        assert!(opens_on_summary("/", ""));
        assert!(opens_on_summary("/users", "?level=high&q=ann"));
        assert!(!opens_on_summary("/users", "?profile=staging"));
        assert!(!opens_on_summary("/users", "?level=high&profile=staging"));
        assert!(opens_on_summary("/detections", "?level=high"));
        assert!(!opens_on_summary("/", "?profile"));
        assert!(opens_on_summary("/users", "?q=profile=x&myprofile=1"));
        for path in [
            "/users/u1",
            "/integrations",
            "/behaviors",
            "/settings",
            "/nowhere",
        ] {
            assert!(!opens_on_summary(path, ""), "{path}");
        }
    }
}
