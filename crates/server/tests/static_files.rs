//! Static hosting: SPA fallback, content types, cache lifetimes, CSP (with the hash of Trunk's
//! inline loader) and security headers; the demo's generated config.json and same-origin API.

mod common;

use std::path::PathBuf;

use common::*;
use zt_risk_server::demo;
use zt_risk_server::emulator::TokenPolicy;
use zt_risk_server::static_files::Site;

const INLINE: &str = "\nimport init from '/app-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });\n";

fn dist() -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("zt-dist-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(dir.join("assets")).expect("mkdir");
    let index = format!("<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\"></head><body><script type=\"module\">{INLINE}</script></body></html>");
    for (name, body) in [
        ("index.html", index.as_str()),
        ("app-0123456789abcdef_bg.wasm", "\0asm"),
        ("app-0123456789abcdef.js", "export default 1"),
        ("main-0123456789abcdef.css", "body{}"),
        (
            "config.json",
            "{\"api_base_url\":\"https://proxy.example/client/v4\"}",
        ),
        ("_headers", "secret-ish"),
        (".env", "TOKEN=x"),
        ("assets/logo.svg", "<svg/>"),
    ] {
        std::fs::write(dir.join(name), body).expect("write");
    }
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

async fn static_site() -> std::net::SocketAddr {
    let site = Site::load(&dist(), &["https://proxy.example".into()]).expect("site");
    let site = std::sync::Arc::new(site);
    let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
        let site = site.clone();
        async move { site.serve(req.method(), req.uri().path(), None).await }
    });
    spawn(app).await
}

#[tokio::test]
async fn index_csp_and_security_headers() {
    let addr = static_site().await;
    let r = send(addr, "GET", "/", &[], None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let csp = r.header("content-security-policy").unwrap_or_default();
    let hashes = zt_risk_server::static_files::policy::inline_hashes(&r.body, "script");
    assert_eq!(hashes.len(), 1);
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "style-src 'self';",
        "img-src 'self' data:",
        "connect-src 'self' https://proxy.example;",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(part), "{part} missing from {csp}");
    }
    assert!(csp.contains(&hashes[0]));
    assert!(!csp.contains("unsafe-inline"));
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(r.header(name), Some(value));
    }
}

#[tokio::test]
async fn types_cache_and_spa_fallback() {
    let addr = static_site().await;
    let wasm = send(addr, "GET", "/app-0123456789abcdef_bg.wasm", &[], None).await;
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(
        wasm.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let js = send(addr, "GET", "/app-0123456789abcdef.js", &[], None).await;
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let css = send(addr, "GET", "/main-0123456789abcdef.css", &[], None).await;
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    let svg = send(addr, "GET", "/assets/logo.svg", &[], None).await;
    assert_eq!(
        (svg.status, svg.header("content-type")),
        (200, Some("image/svg+xml"))
    );
    let config = send(addr, "GET", "/config.json", &[], None).await;
    assert_eq!(
        (
            config.header("cache-control"),
            config.header("content-type")
        ),
        (Some("no-cache"), Some("application/json"))
    );

    for route in [
        "/users",
        "/users/11111111-2222-4333-8444-555555555555",
        "/integrations/new",
        "/_headers",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let r = send(addr, "GET", route, &[], None).await;
        assert_eq!(r.status, 200, "{route}");
        assert!(
            r.body.starts_with("<!DOCTYPE html>"),
            "{route} gets the app, never another file"
        );
        assert_eq!(r.header("cache-control"), Some("no-cache"));
    }
    for missing in ["/missing.js", "/.env", "/assets/nope.png"] {
        assert_eq!(
            send(addr, "GET", missing, &[], None).await.status,
            404,
            "{missing}"
        );
    }
    assert_eq!(send(addr, "POST", "/", &[], Some("{}")).await.status, 405);
    let head = send(addr, "HEAD", "/", &[], None).await;
    assert_eq!((head.status, head.body.as_str()), (200, ""));
}

#[tokio::test]
async fn demo_serves_console_config_and_emulator_on_one_origin() {
    let site = Site::load(&dist(), &[]).expect("site");
    let app = demo::router(site, emulator_with(TokenPolicy::Any, None)).await;
    let addr = spawn(app).await;
    let r = send(addr, "GET", "/config.json", &[], None).await;
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let config = r.json();
    assert_eq!(
        config["api_base_url"],
        format!("http://{addr}/client/v4"),
        "overrides dist/config.json"
    );
    // Without --account, the account the seed gives.
    let account = SEEDING.default_account();
    assert_eq!(config["account_id"], account);
    assert_eq!(config["demo"], true);
    // Two profiles: the default account and a second one with data of its own.
    let profiles = config["profiles"].as_array().cloned().unwrap_or_default();
    assert_eq!(profiles.len(), 2, "{config}");
    assert_eq!(profiles[0]["name"], "Demo");
    assert_eq!(profiles[0]["account_id"], account);
    assert_eq!(profiles[1]["account_id"], demo::second_account(&account));
    assert_ne!(profiles[1]["account_id"], account);
    assert_eq!(profiles[1]["api_base_url"], config["api_base_url"]);
    let token = config["demo_token"].as_str().unwrap_or_default().to_owned();
    let auth = format!("Bearer {token}");
    let api = send(
        addr,
        "GET",
        &format!("/client/v4/accounts/{account}/zt_risk_scoring/summary"),
        &[("Authorization", &auth)],
        None,
    )
    .await;
    assert_eq!(api.status, 200);
    let spa = send(addr, "GET", "/users/x", &[], None).await;
    assert!(spa.body.starts_with("<!DOCTYPE html>"));
    assert!(spa
        .header("content-security-policy")
        .is_some_and(|c| c.contains("connect-src 'self';")));
    // A Host that is not a plain host[:port] cannot put a path or query into the base URL.
    let evil = raw(
        addr,
        b"GET /config.json HTTP/1.1\r\nHost: evil.example/x?\r\nConnection: close\r\n\r\n",
    )
    .await;
    if evil.status == 200 {
        assert_eq!(evil.json()["api_base_url"], "/client/v4");
    }
}

#[test]
fn missing_index_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("zt-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let err = Site::load(&dir, &[]).err().unwrap_or_default();
    assert!(err.contains("index.html"), "{err}");
}

#[test]
fn public_headers_and_redirects_match_the_server() {
    use zt_risk_server::static_files::policy;
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public");
    let headers = std::fs::read_to_string(public.join("_headers")).expect("public/_headers");
    // No inline script and no extra origin: `zt-risk-server headers` adds them for a real build.
    assert_eq!(
        headers,
        policy::headers_file(&policy::csp(&[], "")),
        "regenerate public/_headers"
    );
    let redirects = std::fs::read_to_string(public.join("_redirects")).expect("public/_redirects");
    assert!(redirects
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["/*", "/index.html", "200"]));
}
