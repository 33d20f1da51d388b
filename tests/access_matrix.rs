//! The Risk and access page in headless Chromium: the matrix of the fixture applications with
//! the policy and rule that decide each cell, the figures from the summary, the view in the URL,
//! an application whose policies fail to load (unknown, with Retry), a token without Access
//! permission, and 1,000 applications read over ten pages. (The verdicts themselves are native
//! tests in `crates/api`; the rows each filter shows, in `src/pages/access/view_state_tests.rs`.)

mod common;

use common::access::*;
use common::users::{sample, summary_reply};
use common::*;
use wasm_bindgen_test::*;
use zt_risk_console::access::fixtures::{self, JENKINS_ID};
use zt_risk_console::api::fake::FakeTransport;

wasm_bindgen_test_configure!(run_in_browser);

fn row(name: &str, cells: [&str; 4]) -> (String, Vec<String>) {
    (name.into(), cells.map(String::from).to_vec())
}

const DEP: &str = "Depends on identity";
const OUT: &str = "Kept out";

fn texts(selector: &str) -> Vec<String> {
    let found = document().query_selector_all(selector).expect("selector");
    (0..found.length())
        .filter_map(|i| found.item(i)?.text_content())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[wasm_bindgen_test]
async fn the_matrix_shows_what_each_level_decides_and_why() {
    let fake = FakeTransport::new();
    push_first_load(&fake);
    fake.push(summary_reply(&sample()));
    let _h = mount_access(&fake, "/access");
    matrix_shown().await;
    wait_for("Jenkins' policies, read on their own", || {
        matrix_rows()
            .get(1)
            .is_some_and(|(_, cells)| cells[2] == OUT)
    })
    .await;
    assert_eq!(
        matrix_rows(),
        [
            row("Grafana", [DEP, DEP, OUT, DEP]),
            row("Jenkins", [DEP, DEP, OUT, DEP]),
            row("Legacy CRM", [OUT, OUT, OUT, OUT]),
            row("Quantum", ["Unknown"; 4]),
            row("Status page", ["Let in"; 4]),
            row("Support desk", [DEP, DEP, OUT, DEP]),
        ]
    );
    assert_eq!(
        text("table.access-matrix caption"),
        "What each risk level alone decides, by application"
    );
    assert_eq!(
        texts("table.access-matrix thead th"),
        ["Application", "Low", "Medium", "High", "Unscored"]
    );
    assert_eq!(texts("table.access-matrix tbody th[scope=row]").len(), 6);
    // The deciding policy and rule, in the cell and its title.
    let grafana_high = cell(0, 2);
    let why = "Block high-risk users (reusable), Block: Include Risk score is High";
    assert_eq!(grafana_high.get_attribute("title").as_deref(), Some(why));
    assert!(grafana_high
        .text_content()
        .unwrap_or_default()
        .contains(why));
    assert!(cell(2, 0)
        .text_content()
        .unwrap_or_default()
        .contains("No policy lets anyone in: closed to everyone"));
    assert!(cell(4, 1)
        .text_content()
        .unwrap_or_default()
        .contains("Public health checks (this application's own), Bypass: Include Everyone"));
    assert!(cell(3, 0)
        .text_content()
        .unwrap_or_default()
        .contains("Teleport has a decision this console does not know (teleport)"));
    // A type this build does not know is shown by its raw name.
    assert!(texts("table.access-matrix tbody th")[3].contains("Unknown (quantum_tunnel)"));
    // The figures, with users per level from the summary.
    wait_for("the user counts", || {
        texts(".access-figures li")
            .first()
            .is_some_and(|l| l.starts_with("1 Low user"))
    })
    .await;
    assert_eq!(
        texts(".access-figures li"),
        [
            "1 Low user is kept out of no application by their risk score",
            "1 Medium user is kept out of no application by their risk score",
            "2 High users are kept out of 3 applications by their risk score",
            "Unscored users are kept out of no application by their risk score",
            "1 application lets no one in, whatever their risk.",
            "1 application could not be checked.",
        ]
    );
    let high = el(".access-figures li:nth-child(3) a");
    assert_eq!(
        high.get_attribute("href").as_deref(),
        Some("/access?level=high&cell=out")
    );
    // A rule type this build does not read is named by its raw type.
    let contractors = texts(".access-policies-table tbody tr")[2].clone();
    assert!(
        contractors.contains("Include: Email is c1@example.com, future_rule rule"),
        "{contractors}"
    );
    assert_eq!(
        access_paths(&fake),
        [
            "GET /apps?page=1&per_page=1000".to_owned(),
            "GET /policies?page=1&per_page=1000".to_owned(),
            format!("GET /apps/{JENKINS_ID}/policies?page=1&per_page=1000"),
        ]
    );
    assert!(query("[role=alert]").is_none());
}

#[wasm_bindgen_test]
async fn the_view_lives_in_the_url() {
    let fake = FakeTransport::new();
    push_first_load(&fake);
    let _h = mount_access(&fake, "/access?level=high&cell=out");
    wait_for("the High column", || matrix_rows().len() == 3).await;
    assert_eq!(
        matrix_rows(),
        [
            row_one("Grafana"),
            row_one("Jenkins"),
            row_one("Support desk")
        ]
    );
    assert_eq!(
        texts("table.access-matrix thead th"),
        ["Application", "High"]
    );
    type_into("access-search", "sup");
    wait_for("the search", || matrix_rows().len() == 1).await;
    assert_eq!(
        web_sys::window().and_then(|w| w.location().search().ok()),
        Some("?level=high&cell=out&q=sup".into())
    );
    click_button("Clear filters");
    wait_for("every application", || matrix_rows().len() == 6).await;
}

fn row_one(name: &str) -> (String, Vec<String>) {
    (name.into(), vec![OUT.into()])
}

#[wasm_bindgen_test]
async fn an_application_whose_policies_fail_to_load_is_unknown_with_retry() {
    let fake = FakeTransport::new();
    fake.push_access(one_page(&fixtures::apps_json()));
    fake.push_access(one_page(&fixtures::reusable_json()));
    fake.push_access(v4_error(500, 10001, "Internal error"));
    let _h = mount_access(&fake, "/access?q=jenkins");
    wait_for("the failure", || {
        query(".run [role=status]")
            .and_then(|s| s.text_content())
            .as_deref()
            == Some("Done, 1 failed.")
    })
    .await;
    assert_eq!(matrix_rows(), [row("Jenkins", ["Unknown"; 4])]);
    assert!(cell(0, 2)
        .text_content()
        .unwrap_or_default()
        .contains("Its policies could not be loaded: Internal error (code 10001)"));
    fake.push_access(one_page(&fixtures::jenkins_policies_json()));
    click_button("Retry Jenkins");
    wait_for("Jenkins read again", || {
        matrix_rows() == [row("Jenkins", [DEP, DEP, OUT, DEP])]
    })
    .await;
    assert_eq!(fake.access_requests().len(), 4);
}

#[wasm_bindgen_test]
async fn a_token_without_access_permission_is_told_which_permission_it_lacks() {
    let fake = FakeTransport::new();
    fake.push_access(access_denied());
    let _h = mount_access(&fake, "/access");
    wait_for("the error", || query("[role=alert]").is_some()).await;
    let alert = text("[role=alert]");
    assert!(alert.contains("Access denied"), "{alert}");
    assert!(
        alert.contains("The token needs the \"Access: Apps and Policies Read\" permission"),
        "{alert}"
    );
    assert!(alert.contains("Authentication error"), "{alert}");
    assert!(query("table.access-matrix").is_none());
    assert!(fake.requests().is_empty(), "nothing else is asked");
}

/// `n` applications `from..from+n`, each behind "Block high-risk users" (reusable).
fn apps(from: usize, n: usize) -> String {
    let items: Vec<String> = (from..from + n)
        .map(|i| {
            format!(
                r#"{{"id":"a1000000-0000-4000-8000-{i:012}","name":"App {i:04}","type":"self_hosted","policies":[{}]}}"#,
                fixtures::block_high(r#","precedence":1"#)
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

#[wasm_bindgen_test]
async fn a_thousand_applications_are_read_over_ten_pages() {
    let fake = FakeTransport::new();
    // The API pages by 100, whatever was asked: the client follows `result_info`.
    for page in 1..=10u64 {
        let from = (page as usize - 1) * 100;
        fake.push_access(list_page(&apps(from, 100), page, 100, 100, 1000));
    }
    fake.push_access(one_page("[]"));
    let _h = mount_access(&fake, "/access?level=high");
    matrix_shown().await;
    let paths = access_paths(&fake);
    assert_eq!(paths.len(), 11);
    for (i, path) in paths.iter().take(10).enumerate() {
        assert_eq!(path, &format!("GET /apps?page={}&per_page=1000", i + 1));
    }
    assert_eq!(text(".pager [role=status]"), "Showing 1–50 of 1,000");
    assert_eq!(matrix_rows().len(), 50, "one page of the table is drawn");
    assert_eq!(matrix_rows()[0], row_one("App 0000"));
    let figures = texts(".access-figures li");
    assert!(
        figures[2].ends_with("kept out of 1,000 applications by their risk score"),
        "{figures:?}"
    );
    assert!(
        query(".run:not([hidden])").is_none(),
        "nothing read one by one"
    );
}

#[wasm_bindgen_test]
async fn a_list_that_never_ends_is_an_error_not_a_hang() {
    let fake = FakeTransport::new();
    // Claims more pages forever; the client gives up after its limit.
    for page in 1..=501u64 {
        fake.push_access(list_page(&apps(0, 1), page, 1, 1, 10_000));
    }
    let _h = mount_access(&fake, "/access");
    wait_for("the error", || query("[role=alert]").is_some()).await;
    assert!(text("[role=alert]").contains("did not end after 500 pages"));
}
