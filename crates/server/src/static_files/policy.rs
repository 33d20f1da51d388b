//! The response headers of static files: content types, cache lifetimes, the
//! Content-Security-Policy (with hashes of index.html's inline scripts) and the other security
//! headers. Also renders them as a `_headers` file for static hosts. No I/O here.

use sha2::{Digest, Sha256};

/// Security headers sent with every static response (the CSP is added separately).
pub const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ),
];

pub const NO_CACHE: &str = "no-cache";
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const SHORT: &str = "public, max-age=300";

/// The policy: `connect_src` adds origins the console may call (a proxy elsewhere), and
/// `index_html` contributes the hashes of any inline `<script>` and `<style>` elements. The
/// console has none today (`public/boot.js` loads the wasm, see `Trunk.toml`'s
/// `pattern_script`), so the CSP allows no inline code; a future inline element stays allowed
/// only through its hash.
pub fn csp(connect_src: &[String], index_html: &str) -> String {
    let scripts = inline_hashes(index_html, "script");
    let styles = inline_hashes(index_html, "style");
    let mut connect = vec!["'self'".to_owned()];
    connect.extend(connect_src.iter().cloned());
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; \
         img-src 'self' data:; connect-src {}; object-src 'none'; frame-ancestors 'none'; \
         base-uri 'none'; form-action 'self'",
        scripts
            .iter()
            .map(|h| format!(" '{h}'"))
            .collect::<String>(),
        styles.iter().map(|h| format!(" '{h}'")).collect::<String>(),
        connect.join(" ")
    )
}

/// `sha256-…` of every inline element `tag` (those without `src`), in document order.
pub fn inline_hashes(html: &str, tag: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let (open, close) = (format!("<{tag}"), format!("</{tag}"));
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find(&open).map(|i| at + i) {
        let Some(tag_end) = lower[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(end) = lower[tag_end..].find(&close).map(|i| tag_end + i) else {
            break;
        };
        let attrs = &lower[start + open.len()..tag_end];
        if !attrs.contains("src=") {
            let digest = Sha256::digest(&html.as_bytes()[tag_end + 1..end]);
            hashes.push(format!("sha256-{}", base64(&digest)));
        }
        at = end;
    }
    hashes
}

/// Standard base64 with padding (what CSP hash sources use).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The content type for a file name.
pub fn content_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Cache lifetime: never cached without revalidation for the entry points, a year for files
/// whose name carries a content hash (Trunk's `name-<hex>.ext`), a few minutes otherwise.
pub fn cache_control(name: &str) -> &'static str {
    if matches!(name, "index.html" | "config.json" | "boot.js") {
        NO_CACHE
    } else if is_hashed(name) {
        IMMUTABLE
    } else {
        SHORT
    }
}

fn is_hashed(name: &str) -> bool {
    name.match_indices('-').any(|(i, _)| {
        let hex = name[i + 1..]
            .bytes()
            .take_while(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            .count();
        hex >= 12 && matches!(name.as_bytes().get(i + 1 + hex), Some(b'.' | b'_'))
    })
}

/// The same headers as a Netlify / Cloudflare Pages `_headers` file.
pub fn headers_file(csp: &str) -> String {
    let mut out = String::from(
        "# Security and cache headers for static hosts (Netlify / Cloudflare Pages format).\n\
         # Generated by `zt-risk-server headers`; the same headers `zt-risk-server` sends itself.\n/*\n",
    );
    out.push_str(&format!("  Content-Security-Policy: {csp}\n"));
    for (name, value) in SECURITY_HEADERS {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for path in ["/", "/index.html", "/config.json", "/boot.js"] {
        out.push_str(&format!("{path}\n  Cache-Control: {NO_CACHE}\n"));
    }
    // Only hashed outputs (`<stem>-<hash>.<ext>`: Trunk's, and the release build's
    // `boot-<hash>.js`): a pattern such as `/*.js` would also pin a debug build's unhashed
    // `boot.js` for a year.
    for pattern in ["/zt-risk-console-*", "/main-*.css", "/boot-*.js"] {
        out.push_str(&format!("{pattern}\n  Cache-Control: {IMMUTABLE}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<script src="/a.js"></script><script type="module">alert(1)</script>"#;
        let hashes = inline_hashes(html, "script");
        // printf 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hashes,
            vec!["sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=".to_owned()]
        );
        assert!(csp(&["https://p.example".into()], html)
            .contains("connect-src 'self' https://p.example;"));
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn cache_and_types() {
        assert_eq!(
            cache_control("zt-risk-console-3f2a9c81d0b4e5f6_bg.wasm"),
            IMMUTABLE
        );
        assert_eq!(cache_control("main-a1b2c3d4e5f60718.css"), IMMUTABLE);
        assert_eq!(cache_control("boot-a1b2c3d4e5f60718.js"), IMMUTABLE);
        assert_eq!(cache_control("boot.js"), NO_CACHE);
        assert_eq!(cache_control("index.html"), NO_CACHE);
        assert_eq!(cache_control("zt-risk-console.js"), SHORT);
        assert_eq!(content_type("x_bg.wasm"), "application/wasm");
    }
}
