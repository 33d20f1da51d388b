//! Files in component tests: choosing or dropping a file as an admin would, catching what
//! a download button produces, and reading a CSV back.

use wasm_bindgen::{JsCast, JsValue};

fn run(args: &str, body: &str, values: &[JsValue]) -> JsValue {
    let f = js_sys::Function::new_with_args(args, body);
    let array: js_sys::Array = values.iter().collect();
    f.apply(&JsValue::NULL, &array).expect("script runs")
}

const MAKE_FILES: &str = "const dt = new DataTransfer();
    dt.items.add(size > 0 ? new File([new Uint8Array(size)], 'big.json') : new File([text], 'file.json', {type: 'application/json'}));";

/// Chooses a file holding `text` in the file input `selector` (fires `change`).
pub fn choose_file(selector: &str, text: &str) {
    put_file(selector, text, 0);
}

/// Chooses a file of `size` zero bytes in the file input `selector`.
pub fn choose_big_file(selector: &str, size: u32) {
    put_file(selector, "", size);
}

fn put_file(selector: &str, text: &str, size: u32) {
    let body = format!(
        "{MAKE_FILES} const input = document.querySelector(sel); input.files = dt.files;
         input.dispatchEvent(new Event('change', {{bubbles: true}}));"
    );
    run(
        "sel, text, size",
        &body,
        &[selector.into(), text.into(), size.into()],
    );
}

/// Drops a file holding `text` on the element `selector`, as drag-and-drop does.
pub fn drop_file(selector: &str, text: &str) {
    let body = format!(
        "{MAKE_FILES} const zone = document.querySelector(sel);
         zone.dispatchEvent(new DragEvent('dragover', {{dataTransfer: dt, bubbles: true, cancelable: true}}));
         zone.dispatchEvent(new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}}));"
    );
    run(
        "sel, text, size",
        &body,
        &[selector.into(), text.into(), 0.into()],
    );
}

/// Makes object URLs record their Blob and download links record their file name, so a test
/// can read what a download button built (see [`downloaded`]).
pub fn catch_downloads() {
    run(
        "",
        "window.__blobs = []; window.__names = [];
         URL.createObjectURL = b => { window.__blobs.push(b); return 'data:,'; };
         if (!window.__clickHooked) {
           window.__clickHooked = true;
           const click = HTMLAnchorElement.prototype.click;
           HTMLAnchorElement.prototype.click = function () {
             if (this.download) { window.__names.push(this.download); return; }
             return click.call(this);
           };
         }",
        &[],
    );
}

/// The name and text of the last download, if there was one.
pub async fn downloaded() -> Option<(String, String)> {
    let window = web_sys::window()?;
    let blobs: js_sys::Array = js_sys::Reflect::get(&window, &"__blobs".into())
        .ok()?
        .into();
    let names: js_sys::Array = js_sys::Reflect::get(&window, &"__names".into())
        .ok()?
        .into();
    let blob: web_sys::Blob = blobs.at(-1).dyn_into().ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(blob.text())
        .await
        .ok()?;
    Some((names.at(-1).as_string()?, text.as_string()?))
}
