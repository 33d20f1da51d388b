//! Fixtures and controls for the Access tests: replies built from `access::fixtures` (six
//! applications, three reusable policies), the Risk and access page mounted at a URL, the
//! matrix's cells as text, and the requests sent.

use leptos::prelude::view;
use leptos_router::components::Router;
use zt_risk_api::paths::Method;
use zt_risk_console::access::fixtures;
use zt_risk_console::api::fake::{FakeReply, FakeTransport};
use zt_risk_console::components::Toaster;
use zt_risk_console::pages::AccessPage;

use super::*;

/// A list page: `items` (a JSON array's text) with its `result_info`.
pub fn list_page(items: &str, page: u64, per_page: u64, count: u64, total: u64) -> FakeReply {
    let pages = total.div_ceil(per_page.max(1));
    FakeReply::json(
        200,
        format!(
            r#"{{"success":true,"errors":[],"messages":[],"result":{items},"result_info":{{"page":{page},"per_page":{per_page},"count":{count},"total_count":{total},"total_pages":{pages}}}}}"#
        ),
    )
}

/// `items` as the one page of a list.
pub fn one_page(items: &str) -> FakeReply {
    let count = serde_json::from_str::<Vec<serde_json::Value>>(items)
        .expect("a JSON array")
        .len() as u64;
    list_page(items, 1, 1000, count, count)
}

/// The Access replies of the page's first load: the applications, then the reusable policies,
/// then Jenkins' policies (its list entry does not embed them).
pub fn push_first_load(fake: &FakeTransport) {
    fake.push_access(one_page(&fixtures::apps_json()));
    fake.push_access(one_page(&fixtures::reusable_json()));
    fake.push_access(one_page(&fixtures::jenkins_policies_json()));
}

/// A 403 as Cloudflare answers a token without the Access permission.
pub fn access_denied() -> FakeReply {
    v4_error(403, 10000, "Authentication error")
}

/// Clears storage and mounts the Risk and access page at `url` on `fake`.
pub fn mount_access(
    fake: &FakeTransport,
    url: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    clear_storage();
    go(url);
    mount(config_with_token(), fake.clone(), 2000, || {
        view! { <Router><AccessPage/></Router><Toaster/> }
    })
}

/// The matrix's rows as (row header's application name, each cell's verdict).
pub fn matrix_rows() -> Vec<(String, Vec<String>)> {
    let rows = document()
        .query_selector_all("table.access-matrix tbody tr")
        .expect("rows");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .map(|row| {
            let row: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(row);
            let name = row
                .query_selector("th .app-name")
                .ok()
                .flatten()
                .and_then(|n| n.text_content())
                .unwrap_or_default();
            let cells = row.query_selector_all("td .verdict").expect("cells");
            let verdicts = (0..cells.length())
                .filter_map(|i| cells.item(i)?.text_content())
                .collect();
            (name, verdicts)
        })
        .collect()
}

/// The cell of application row `row` (0-based, as shown) at column `col` (0-based level).
pub fn cell(row: usize, col: usize) -> web_sys::Element {
    el(&format!(
        "table.access-matrix tbody tr:nth-child({}) td:nth-of-type({})",
        row + 1,
        col + 1
    ))
}

/// Waits until the matrix shows rows.
pub async fn matrix_shown() {
    wait_for("the matrix", || !matrix_rows().is_empty()).await;
}

/// The bodies of the `PUT`s sent to Access, as JSON.
pub fn access_puts(fake: &FakeTransport) -> Vec<serde_json::Value> {
    fake.access_requests()
        .into_iter()
        .filter(|r| r.method == Method::Put)
        .map(|r| serde_json::from_str(r.body.as_deref().unwrap_or("null")).expect("JSON body"))
        .collect()
}

/// The paths (after `/access`) of the Access requests sent, with their query.
pub fn access_paths(fake: &FakeTransport) -> Vec<String> {
    fake.access_requests()
        .into_iter()
        .map(|r| {
            let at = r.url.find("/access/").map_or(0, |i| i + "/access".len());
            format!("{} {}", r.method.as_str(), &r.url[at..])
        })
        .collect()
}
