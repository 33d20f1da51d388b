//! The release build loads each page's code on demand (`src/pages/lazy.rs`): a page opens
//! straight from its URL, and a chunk that cannot be fetched shows an alert with a working Retry.

use serde_json::json;

use crate::common::procs::cdp;
use crate::common::{run, Console};

/// Blocks (or, with an empty list, unblocks) the requests whose URL matches one of `patterns`.
async fn block(c: &Console, patterns: &[&str]) {
    c.client
        .issue_cmd(cdp("Network.enable", json!({})))
        .await
        .expect("CDP Network.enable");
    c.client
        .issue_cmd(cdp("Network.setBlockedURLs", json!({ "urls": patterns })))
        .await
        .expect("CDP Network.setBlockedURLs");
}

#[test]
fn a_page_whose_code_cannot_be_fetched_offers_retry() {
    run("chunk_retry", &[], |c| async move {
        // Overview's chunk comes with the first load of `/`; Settings' does not.
        c.open("/").await;
        c.wait_text("h1", "Overview").await;
        block(&c, &["*.wasm"]).await;

        c.click_link("Settings").await;
        let alert = c
            .wait_text("[role=alert]", "This page could not be loaded")
            .await;
        assert!(alert.text().await.unwrap().contains("reload the page"));
        assert!(!c.has_role("heading", "Settings").await);

        block(&c, &[]).await;
        c.click_button("Retry").await;
        c.wait_text("h1", "Settings").await;
        assert!(
            !c.is_visible("[role=alert]").await,
            "{}",
            c.body_text().await
        );
    });
}

#[test]
fn every_page_opens_straight_from_its_url() {
    run("chunk_deep_links", &[], |c| async move {
        for (path, heading) in [
            ("/", "Overview"),
            ("/users", "Users"),
            ("/detections", "Detections"),
            ("/behaviors", "Behaviors"),
            ("/access", "Risk and access"),
            ("/integrations", "Integrations"),
            ("/integrations/new", "New integration"),
            ("/settings", "Settings"),
        ] {
            c.open(path).await;
            c.wait_text("h1", heading).await;
        }
    });
}

#[test]
fn a_deep_link_fetches_and_compiles_its_pages_chunks_once_while_the_main_module_loads() {
    run("chunk_preload", &[], |c| async move {
        for (path, heading, chunk) in [
            ("/users", "Users", "_split_risk.wasm"),
            ("/settings", "Settings", "_split_admin.wasm"),
        ] {
            c.open(path).await;
            c.wait_text("h1", heading).await;
            // boot.js fetches and compiles the page's chunks; the chunk loader then takes
            // those modules instead of fetching the files a second time.
            let got = c
                .client
                .execute(
                    "const [chunk] = arguments;
                     const early = Object.keys(globalThis.ztChunks || {});
                     const fetched = performance.getEntriesByType('resource')
                       .filter(e => e.name.endsWith(chunk)).length;
                     return [early.length, early.some(h => h.endsWith(chunk)), fetched];",
                    vec![json!(chunk)],
                )
                .await
                .expect("early chunks script");
            let early = got[0].as_u64().unwrap_or(0);
            assert!(early > 1, "{path}: {got}");
            assert_eq!(got[1], json!(true), "{path}: {got}");
            assert_eq!(got[2], json!(1), "{path}: fetched once: {got}");
        }
    });
}
