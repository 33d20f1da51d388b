//! The Users list's last view in this tab (its query, in sessionStorage), so the user page's
//! back link and "Load events" return to the view the admin left.

use crate::routes::Page;
use crate::session::storage;

/// Remembers the Users list's current query for this tab.
pub fn remember(query: &str) {
    storage::set_tab_value(storage::KEY_USERS_QUERY, Some(query));
}

/// The query the Users list was last shown with in this tab (empty for the default view).
pub fn query() -> String {
    storage::tab_value(storage::KEY_USERS_QUERY).unwrap_or_default()
}

/// The Users list with the query it was last shown with in this tab.
pub fn link() -> String {
    Page::Users.with_query(&query())
}
