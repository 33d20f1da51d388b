//! Risk and access: the matrix of the demo data is the one written by hand below (the table of
//! `crates/server/tests/emulator_access_demo.rs`); adding "exclude High" to a reusable policy
//! through the console changes the matrix, and the policy read back through the API holds the
//! new rule and every other rule and setting unchanged; a token without Access permission is
//! told so while the Users page works; 1,000 applications are one matrix.

use std::collections::BTreeMap;

use fantoccini::Locator;
use serde_json::{json, Value};

use crate::common::{run, Console};

const DEP: &str = "Depends on identity";
const OUT: &str = "Kept out";
const IN: &str = "Let in";

/// The demo matrix by application: Low, Medium, High, Unscored.
fn demo_matrix() -> BTreeMap<String, [&'static str; 4]> {
    [
        ("Grafana", [DEP, DEP, OUT, DEP]),
        ("Jenkins", [DEP, DEP, OUT, DEP]),
        ("Payroll", [DEP, OUT, OUT, DEP]),
        ("AWS Console", [DEP, DEP, OUT, DEP]),
        ("Wiki", [DEP, DEP, DEP, DEP]),
        ("Status page", [IN, IN, IN, IN]),
        ("HR Portal", [DEP, OUT, OUT, DEP]),
        ("Admin panel", [DEP, OUT, OUT, DEP]),
        ("GitLab", [DEP, DEP, DEP, DEP]),
        ("Salesforce", [DEP, DEP, DEP, DEP]),
        ("Support desk", [IN, IN, OUT, IN]),
        ("Intranet", [IN, IN, IN, IN]),
        ("Finance reports", [DEP, OUT, OUT, DEP]),
        ("Build cache", [DEP, DEP, DEP, DEP]),
        ("Legacy CRM", [OUT, OUT, OUT, OUT]),
        ("Data warehouse", [DEP, OUT, OUT, OUT]),
    ]
    .into_iter()
    .map(|(name, cells)| (name.to_owned(), cells))
    .collect()
}

/// The matrix as the page shows it: each row header's application name and its cells' verdicts.
async fn shown(c: &Console) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for row in c
        .client
        .find_all(Locator::Css("table.access-matrix tbody tr"))
        .await
        .expect("rows")
    {
        let name = row
            .find(Locator::Css("th .app-name"))
            .await
            .expect("row header")
            .text()
            .await
            .expect("name");
        let mut cells = Vec::new();
        for cell in row
            .find_all(Locator::Css("td .verdict"))
            .await
            .expect("cells")
        {
            cells.push(cell.text().await.expect("cell").trim().to_owned());
        }
        out.insert(name.trim().to_owned(), cells);
    }
    out
}

fn as_shown(matrix: &BTreeMap<String, [&str; 4]>) -> BTreeMap<String, Vec<String>> {
    matrix
        .iter()
        .map(|(n, cells)| (n.clone(), cells.map(String::from).to_vec()))
        .collect()
}

/// Waits until the page's matrix is `expected`.
async fn wait_matrix(c: &Console, expected: &BTreeMap<String, [&str; 4]>) {
    let expected = as_shown(expected);
    c.wait_for("the matrix written by hand", || {
        let expected = expected.clone();
        async move { Ok((shown(c).await == expected).then_some(())) }
    })
    .await;
}

#[test]
fn the_demo_matrix_is_as_written_by_hand() {
    run("access_matrix", &[], |c| async move {
        c.open("/access").await;
        c.role(
            "table",
            "What each risk level alone decides, by application",
        )
        .await;
        wait_matrix(&c, &demo_matrix()).await;
        // The figures count applications as the matrix does (Legacy CRM is closed to all).
        c.wait_text(
            ".access-figures li",
            "kept out of 9 applications by their risk score",
        )
        .await;
        c.wait_text(".access-figures li", "1 application lets no one in")
            .await;
        let title = c
            .css("table.access-matrix tbody tr td[title*='Block high-risk users']")
            .await;
        assert!(title
            .attr("title")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("Include Risk score is High"));
        c.screenshot("access").await;

        // The High figure's link shows those applications.
        c.css(".access-figures li:nth-child(3) a")
            .await
            .click()
            .await
            .expect("follow the High figure");
        c.wait_path("the filtered view", |p| p == "/access?level=high&cell=out")
            .await;
        c.wait_for("nine rows", || async {
            Ok((shown(&c).await.len() == 9).then_some(()))
        })
        .await;
    });
}

/// The reusable policy "Everyone at the company" as the API has it now.
async fn company_policy(c: &Console) -> Value {
    let all = c.api_get("/access/policies?page=1&per_page=1000").await;
    all.as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "Everyone at the company"))
        .cloned()
        .expect("the policy Everyone at the company")
}

#[test]
fn exclude_high_added_in_the_console_changes_the_matrix_and_nothing_else() {
    run("access_edit", &[], |c| async move {
        c.open("/access").await;
        let before = company_policy(&c).await;
        wait_matrix(&c, &demo_matrix()).await;

        c.click_button("Edit risk rules of Everyone at the company")
            .await;
        c.wait_text("#rule-editor-title", "Everyone at the company")
            .await;
        c.select("Where", "Exclude").await;
        c.labelled("High").await.click().await.expect("check High");
        c.click_button("Add rule").await;
        c.wait_text("#rules-exclude", "Risk score is High").await;
        c.click_button("Review changes").await;
        c.wait_text(
            "dialog[open] h2",
            "Review changes to Everyone at the company",
        )
        .await;
        let review = c.wait_text("dialog[open]", "Matrix changes").await;
        let text = review.text().await.unwrap();
        for app in ["Wiki", "Salesforce", "Build cache"] {
            assert!(text.contains(app), "{app} in the review: {text}");
        }
        c.screenshot("access-review").await;
        c.click_dialog_button("Save policy").await;
        c.wait_text(".toast", "Saved the rules of Everyone at the company")
            .await;

        let mut after = demo_matrix();
        for app in ["Wiki", "Salesforce", "Build cache"] {
            after.get_mut(app).expect(app)[2] = OUT;
        }
        wait_matrix(&c, &after).await;
        assert!(
            !c.is_visible("[role=alert]").await,
            "{}",
            c.body_text().await
        );

        let now = company_policy(&c).await;
        assert_eq!(
            now["exclude"],
            json!([{"user_risk_score": {"user_risk_score": ["high"]}}])
        );
        for (member, value) in before.as_object().expect("an object") {
            if member != "exclude" && member != "updated_at" {
                assert_eq!(&now[member], value, "{member} unchanged");
            }
        }
        assert_eq!(now["include"], before["include"]);
    });
}

#[test]
fn a_token_without_access_permission_is_told_so_and_the_users_page_works() {
    run(
        "access_denied",
        &["--access-denied-token", "demo-token"],
        |c| async move {
            c.open("/users").await;
            c.css("table tbody tr a").await;
            c.wait_text(
                ".access-unavailable",
                "the API token lacks the \u{201c}Access: Apps and Policies Read\u{201d} permission",
            )
            .await;
            c.open("/access").await;
            c.wait_text(
                "[role=alert]",
                "\"Access: Apps and Policies Read\" permission",
            )
            .await;
        },
    );
}

#[test]
fn a_thousand_applications_are_one_matrix() {
    run("access_many", &["--apps", "1000"], |c| async move {
        c.open("/access").await;
        c.wait_text(".pager [role=status]", "Showing 1–50 of 1,000")
            .await;
        c.click_button("Next").await;
        c.wait_text(".pager [role=status]", "Showing 51–100 of 1,000")
            .await;
        c.wait_path("page 2 in the URL", |p| p == "/access?page=2")
            .await;
    });
}
