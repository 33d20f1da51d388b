//! Building a file in the browser and offering it as a download.
//!
//! Big exports (100,000 events) are written [`CHUNK_ROWS`] rows at a time into Blob parts, and
//! the page gets the event loop back between chunks, so it keeps painting and answering input.

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::Format;

/// Rows written before the page gets the event loop back (a few milliseconds of work).
pub const CHUNK_ROWS: usize = 2_000;

/// How long the download's object URL stays valid after the click.
const REVOKE_AFTER_MS: u32 = 60_000;

/// A file of `count` rows: `head`, every row as `write(out, index)` appends it, then `tail`.
pub struct Rows<'a> {
    pub head: &'a str,
    pub count: usize,
    pub write: &'a dyn Fn(&mut String, usize),
    pub tail: &'a str,
}

fn refused(what: &str) -> String {
    format!("The browser could not {what}. Try again, or export fewer rows.")
}

/// Builds the file as a Blob, a chunk at a time. After each chunk `progress(rows_done)` runs;
/// when it returns false the build stops and the result is `Ok(None)`.
pub async fn build(
    rows: Rows<'_>,
    format: Format,
    progress: &dyn Fn(usize) -> bool,
) -> Result<Option<Blob>, String> {
    let parts = js_sys::Array::new();
    parts.push(&rows.head.into());
    let mut done = 0;
    while done < rows.count {
        let end = (done + CHUNK_ROWS).min(rows.count);
        let mut chunk = String::new();
        for i in done..end {
            (rows.write)(&mut chunk, i);
        }
        parts.push(&chunk.into());
        done = end;
        if !progress(done) {
            return Ok(None);
        }
        TimeoutFuture::new(0).await;
    }
    parts.push(&rows.tail.into());
    let bag = BlobPropertyBag::new();
    bag.set_type(format.mime());
    Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map(Some)
        .map_err(|_| refused("build the file"))
}

/// Offers `blob` as a download named `name`: a real `<a download>` is clicked, then removed;
/// its object URL is revoked a minute later (the download has started by then).
pub fn download(blob: &Blob, name: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| refused("start a download"))?;
    let url = Url::create_object_url_with_blob(blob).map_err(|_| refused("hold the file"))?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
        .ok_or_else(|| refused("start a download"))?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    // Some browsers only follow a link that is in the document.
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
    }
    link.click();
    link.remove();
    gloo_timers::callback::Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Builds a small file from one string and offers it as a download named `name`.
pub fn save_text(name: &str, format: Format, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let bag = BlobPropertyBag::new();
    bag.set_type(format.mime());
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map_err(|_| refused("build the file"))?;
    download(&blob, name)
}
