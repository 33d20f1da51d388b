//! The document title: the page, then the active profile, then the product, so tabs on two
//! accounts tell themselves apart ("Users · Production · Zero Trust risk").

/// The title for the page at `path` with profile `profile` active.
pub fn title(path: &str, profile: &str) -> String {
    format!("{} · {profile} · Zero Trust risk", section(path))
}

/// The page's name, from its path (see `routes`).
fn section(path: &str) -> &'static str {
    let mut parts = path.trim_matches('/').split('/');
    match (parts.next().unwrap_or_default(), parts.next()) {
        ("", _) => "Overview",
        ("users", None) => "Users",
        ("users", Some(_)) => "User",
        ("detections", _) => "Detections",
        ("behaviors", _) => "Behaviors",
        ("integrations", None) => "Integrations",
        ("integrations", Some("new")) => "New integration",
        ("integrations", Some(_)) => "Integration",
        ("settings", _) => "Settings",
        _ => "Page not found",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_page_and_the_profile() {
        assert_eq!(
            title("/users", "Production"),
            "Users · Production · Zero Trust risk"
        );
        assert_eq!(title("/users/abc", "P"), "User · P · Zero Trust risk");
        assert_eq!(title("/", "P"), "Overview · P · Zero Trust risk");
        assert_eq!(
            title("/integrations/new", "P"),
            "New integration · P · Zero Trust risk"
        );
        assert_eq!(
            title("/integrations/x", "P"),
            "Integration · P · Zero Trust risk"
        );
        assert_eq!(
            title("/nope/x", "P"),
            "Page not found · P · Zero Trust risk"
        );
    }
}
