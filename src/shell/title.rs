//! The document title: the page, then the active profile, then the product, so tabs on two
//! accounts tell themselves apart ("Users · Production · Zero Trust risk").

use crate::routes::Page;

/// The title for the page at `path` with profile `profile` active.
pub fn title(path: &str, profile: &str) -> String {
    let page = Page::at(path).map_or("Page not found", |p| p.entry().title);
    format!("{page} · {profile} · Zero Trust risk")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_page_and_the_profile() {
        assert_eq!(
            title(Page::Users.path(), "Production"),
            "Users · Production · Zero Trust risk"
        );
        assert_eq!(
            title(&Page::User.link("abc"), "P"),
            "User · P · Zero Trust risk"
        );
        assert_eq!(title("/", "P"), "Overview · P · Zero Trust risk");
        assert_eq!(
            title(Page::NewIntegration.path(), "P"),
            "New integration · P · Zero Trust risk"
        );
        assert_eq!(
            title(&Page::Integration.link("x"), "P"),
            "Integration · P · Zero Trust risk"
        );
        assert_eq!(
            title("/nope/x", "P"),
            "Page not found · P · Zero Trust risk"
        );
    }
}
