//! The site the console suite serves: a copy of the console's `dist/` with the hand-written
//! reference page (`reference/`) added as `/bench-reference/index.html`, linked to the
//! console's stylesheet.

use std::path::Path;

const REFERENCE_HTML: &str = include_str!("reference/users.html");
const REFERENCE_JS: &str = include_str!("reference/users.js");
/// Where the reference is served from, next to the console.
pub(super) const REFERENCE_DIR: &str = "bench-reference";
/// The reference's page in [`REFERENCE_DIR`] (see `copy_site`).
pub(super) const REFERENCE_PAGE: &str = "index.html";

/// Copies `dist` into `site` and adds the reference next to it, linked to the console's
/// stylesheet.
pub(super) fn copy_site(dist: &Path, site: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let css = stylesheet(&index).ok_or("the console's index.html links no stylesheet")?;
    copy_dir(dist, site)?;
    let dir = site.join(REFERENCE_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    // An app's entry page is revalidated on every load (`no-cache`), or a deploy would go
    // unseen: as `index.html` the reference is served like the console's own, instead of being
    // kept for 5 minutes and skipping the request the console cannot skip.
    write(REFERENCE_PAGE, &REFERENCE_HTML.replace("{{CSS}}", &css))?;
    write("users.js", REFERENCE_JS)
}

/// The `href` of the first `rel="stylesheet"` link.
fn stylesheet(index: &str) -> Option<String> {
    let at = index.find("rel=\"stylesheet\"")?;
    let rest = &index[at..];
    let href = rest.find("href=\"")? + "href=\"".len();
    let end = rest[href..].find('"')?;
    Some(rest[href..href + end].to_owned())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("{}: {e}", from.display()))?
            .path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_links_the_consoles_stylesheet() {
        let index = r#"<script src="/a.js"></script><link rel="stylesheet" href="/main-1.css" integrity="x"/>"#;
        assert_eq!(stylesheet(index).as_deref(), Some("/main-1.css"));
    }
}
