//! A page's path pattern (`/users/:id`) as the router matches it, and as the console matches
//! an address itself (the document title, the early summary request). One matcher for both,
//! so the router and the title can never disagree about which page an address is.

use std::borrow::Cow;

use leptos_router::{
    ParamSegment, PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment,
};

/// A path pattern: static segments and `:name` parameters, separated by `/` ("/" is the root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern(pub &'static str);

impl Pattern {
    fn segments(self) -> impl Iterator<Item = &'static str> {
        self.0.split('/').filter(|s| !s.is_empty())
    }

    /// The parameters of `path` if it is this pattern's whole path (decoded, as the router
    /// gives them); `None` otherwise. A trailing `/` is allowed, as the router allows it.
    pub fn matches(self, path: &str) -> Option<Vec<(Cow<'static, str>, String)>> {
        let found = self.test(path)?;
        matches!(found.remaining(), "" | "/").then(|| found.params())
    }
}

impl PossibleRouteMatch for Pattern {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let (mut rest, mut params, mut matched) = (path, Vec::new(), 0);
        for segment in self.segments() {
            let found = match segment.strip_prefix(':') {
                Some(name) => ParamSegment(name).test(rest)?,
                None => StaticSegment(segment).test(rest)?,
            };
            matched += found.matched().len();
            rest = found.remaining();
            params.extend(found.params());
        }
        Some(PartialPathMatch::new(rest, params, &path[..matched]))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        for segment in self.segments() {
            path.push(match segment.strip_prefix(':') {
                Some(name) => PathSegment::Param(name.into()),
                None => PathSegment::Static(segment.into()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    fn id(pattern: &'static str, path: &str) -> Option<Vec<String>> {
        Pattern(pattern)
            .matches(path)
            .map(|p| p.into_iter().map(|(_, v)| v).collect())
    }

    #[test]
    fn matches_whole_paths_only() {
        assert_eq!(id("/", "/"), Some(vec![]));
        assert_eq!(id("/", ""), Some(vec![]));
        assert_eq!(id("/", "/items"), None);
        assert_eq!(id("/items", "/items"), Some(vec![]));
        assert_eq!(id("/items", "/items/"), Some(vec![]));
        assert_eq!(id("/items", "/itemsx"), None);
        assert_eq!(id("/items", "/items/i1"), None);
        assert_eq!(id("/items/:id", "/items/i1"), Some(vec!["i1".into()]));
        assert_eq!(id("/items/:id", "/items"), None);
        assert_eq!(id("/items/:id", "/items/i1/x"), None);
        assert_eq!(id("/items/new", "/items/new"), Some(vec![]));
        assert_eq!(id("/items/:id", "/items/new"), Some(vec!["new".into()]));
    }
}
