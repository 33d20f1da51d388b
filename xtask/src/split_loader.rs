//! The chunk loader (`<stem>_split.js`, written by the splitter) made to take the modules
//! `boot.js` compiled while the main module loaded (`globalThis.ztChunks`, by path) instead of
//! fetching and compiling them after it. A chunk boot.js did not start, or whose compile failed
//! (boot.js then forgets it), is fetched by the loader as before.

/// What the splitter writes for each chunk, around the chunk's URL.
const BEFORE_URL: &str = "const src = fetch(new URL(\"";
const AFTER_URL: &str = "\", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));";

/// `js` with each of its `chunks` loaders taking the early compiled module; an error if the
/// loader does not read as expected (a new splitter version: look at its output again).
pub fn take_early_compiled(js: &str, chunks: usize) -> Result<String, String> {
    let mut out = String::with_capacity(js.len() + chunks * 200);
    let mut rest = js;
    let mut found = 0;
    while let Some(at) = rest.find(BEFORE_URL) {
        out.push_str(&rest[..at]);
        let after = &rest[at + BEFORE_URL.len()..];
        let end = after
            .find('"')
            .ok_or("a chunk URL without its closing quote")?;
        let (url, tail) = after.split_at(end);
        let tail = tail.strip_prefix(AFTER_URL).ok_or_else(|| {
            format!("the loader of {url} does not read as expected: {BEFORE_URL}…{AFTER_URL}")
        })?;
        out.push_str(&format!(
            "const url = new URL(\"{url}\", import.meta.url);
    const early = globalThis.ztChunks && globalThis.ztChunks[url.pathname];
    const src = early ? null : fetch(url);
    if (src) src.catch(() => {{}});
    return async (imports) => (early
        ? WebAssembly.instantiate(await early, imports)
        : WebAssembly.instantiateStreaming(src, imports));"
        ));
        rest = tail;
        found += 1;
    }
    out.push_str(rest);
    if found != chunks {
        return Err(format!(
            "the chunk loader has {found} loaders to rewrite, the build {chunks} chunks"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loader(file: &str) -> String {
        format!("const __c = makeLoad(() => {{\n    {BEFORE_URL}./{file}{AFTER_URL}\n}}, []);\n")
    }

    #[test]
    fn every_loader_takes_the_early_module_or_fetches() {
        let js = format!(
            "import x;\n{}{}",
            loader("a_chunk_1.wasm"),
            loader("a_split_x.wasm")
        );
        let out = take_early_compiled(&js, 2).unwrap_or_default();
        assert!(out.starts_with("import x;\n"));
        assert_eq!(out.matches("globalThis.ztChunks[url.pathname]").count(), 2);
        assert!(out.contains("new URL(\"./a_split_x.wasm\", import.meta.url)"));
        assert!(!out.contains("fetch(new URL"));
        assert!(take_early_compiled(&js, 3).is_err(), "a loader missing");
        let odd = js.replace("src.catch", "src.then");
        assert!(
            take_early_compiled(&odd, 2).is_err(),
            "an unexpected loader"
        );
    }
}
