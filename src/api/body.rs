//! Reading a response's body into Rust's memory: whole, or as a stream shown to a `Watch` as
//! it arrives. Bytes only; what they mean is `response.rs`'s.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::transport::{js_message, Watch};

/// A response's body, copied once into Rust's memory (gloo's `binary()` zeroes a buffer of
/// the body's size first: 6 MB for a 50,000-user summary).
pub async fn bytes(response: web_sys::Response) -> Result<Vec<u8>, gloo_net::Error> {
    let buffer = JsFuture::from(response.array_buffer().map_err(read_error)?)
        .await
        .map_err(read_error)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A response's body read as it arrives, `watch` shown everything received after each chunk;
/// `expected` bytes ([`reserved`]) are reserved at once, so a body that size is never moved.
pub async fn streamed(
    response: web_sys::Response,
    mut watch: Watch,
    expected: usize,
) -> Result<Vec<u8>, gloo_net::Error> {
    let mut body = Vec::with_capacity(expected);
    let Some(stream) = response.body() else {
        return Ok(body);
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let (done, value) = (JsValue::from_str("done"), JsValue::from_str("value"));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(read_error)?;
        if js_sys::Reflect::get(&chunk, &done)
            .map_err(read_error)?
            .is_truthy()
        {
            return Ok(body);
        }
        let bytes: js_sys::Uint8Array = js_sys::Reflect::get(&chunk, &value)
            .map_err(read_error)?
            .unchecked_into();
        append(&mut body, &bytes);
        watch(&body);
    }
}

/// Appends `bytes` to `body` with one copy, straight into the spare capacity: `resize` before
/// `copy_to` would zero the body a byte at a time in this size-optimised build (8 ms for a 6 MB
/// summary), and `to_vec` then `extend_from_slice` copies every byte twice.
fn append(body: &mut Vec<u8>, bytes: &js_sys::Uint8Array) {
    let n = bytes.length() as usize;
    body.reserve(n);
    let filled = bytes
        .copy_to_uninit(&mut body.spare_capacity_mut()[..n])
        .len();
    // SAFETY: `copy_to_uninit` initialised the `filled` (= n) bytes after the length.
    unsafe { body.set_len(body.len() + filled) };
}

/// Why a body could not be read, as gloo reports a failed request.
fn read_error(e: JsValue) -> gloo_net::Error {
    gloo_net::Error::GlooError(js_message(e))
}

/// Bytes to reserve for a body from its Content-Length, at most 64 MiB: the header is a
/// claim, not a promise, and a hostile one must not reserve gigabytes (in wasm32, more than
/// 2 GiB cannot be reserved at all). A larger body still grows as it arrives.
pub fn reserved(content_length: Option<&str>) -> usize {
    const MAX: usize = 64 << 20;
    content_length
        .and_then(|n| n.trim().parse::<usize>().ok())
        .map_or(0, |n| n.min(MAX))
}

/// A body as text; bytes that are not UTF-8 (a proxy's Latin-1 error page) are replaced.
pub fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::reserved;

    #[test]
    fn a_content_length_reserves_at_most_64_mib() {
        assert_eq!(reserved(Some("5946544")), 5_946_544);
        assert_eq!(reserved(Some(" 12 ")), 12);
        assert_eq!(reserved(Some("4000000000")), 64 << 20);
        assert_eq!(reserved(Some("99999999999999999999999")), 0);
        assert_eq!(reserved(Some("-1")), 0);
        assert_eq!(reserved(Some("12, 12")), 0);
        assert_eq!(reserved(None), 0);
    }
}
