//! Accessibility: axe-core itself (npm, `$ZT_AXE_JS`, injected into the page) over every page
//! and open dialog, in the light and the dark theme, must find no violation of WCAG 2.1 A/AA
//! or axe's best practices. A new page is one line in `VIEWS`.

use serde_json::{json, Value};

use crate::common::procs::env_path;
use crate::common::steps::{reach, Step, Step::*};
use crate::common::{run, Console};

/// Every view audited, each reached by its steps (pages are then given time to settle).
const VIEWS: &[(&str, &[Step])] = &[
    ("overview", &[Open("/"), Css("figure.chart")]),
    (
        "detections before any load",
        &[Open("/detections"), Css("#load-scope")],
    ),
    (
        "overview with events loaded",
        &[
            Open("/"),
            Click(".load-events button"),
            Text(".run [role=status]", "Done"),
            Css("figure.chart .bars li"),
        ],
    ),
    // The events stay loaded for the tab: the nav link keeps them (no page load).
    (
        "detections with events",
        &[Click("nav a[href='/detections']"), Css("table tbody tr")],
    ),
    ("users", &[Open("/users"), Css("table tbody tr a")]),
    (
        "user",
        &[Open("/users"), Click("table tbody tr a"), Css("dl.facts")],
    ),
    (
        "user reset dialog",
        &[
            Open("/users"),
            Click("table tbody tr a"),
            Button("Reset risk score"),
            Css("dialog[open]"),
        ],
    ),
    (
        "users bulk reset dialog",
        &[
            Open("/users"),
            Click("td.select input"),
            Text(".selection-bar", "1 selected"),
            Button("Reset 1 user"),
            Css("dialog[open]"),
        ],
    ),
    ("behaviors", &[Open("/behaviors"), Css("[role=switch]")]),
    (
        "behaviors review dialog",
        &[
            Open("/behaviors"),
            Click("[role=switch]"),
            Button("Save changes"),
            Css("dialog[open]"),
        ],
    ),
    (
        "access",
        &[Open("/access"), Css("table.access-matrix tbody tr")],
    ),
    (
        "access rule editor",
        &[
            Open("/access"),
            Button("Edit risk rules of Employees"),
            Css(".rule-editor h2"),
        ],
    ),
    (
        "integrations",
        &[Open("/integrations"), Css("table tbody tr a")],
    ),
    (
        "new integration",
        &[Open("/integrations/new"), Css("form input")],
    ),
    (
        "integration",
        &[
            Open("/integrations"),
            Click("table tbody tr a"),
            Css("dl.facts"),
        ],
    ),
    ("settings", &[Open("/settings"), Css("#profile-name")]),
    (
        "settings delete dialog",
        &[
            Open("/settings"),
            Button("Delete Demo 2"),
            Css("dialog[open]"),
        ],
    ),
    (
        "help dialog",
        &[
            Open("/users"),
            Css("table"),
            Button("Keyboard shortcuts"),
            Css("dialog[open]"),
        ],
    ),
    ("not found", &[Open("/no/such/page"), Css("main h1")]),
];

const TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/// Runs axe on the current page; returns one line per violation (id, impact, help, targets).
pub async fn axe(c: &Console, axe_js: &str) -> Vec<String> {
    c.client
        .execute(axe_js, vec![])
        .await
        .expect("inject axe-core");
    let script = r#"
        const [tags, done] = arguments;
        axe.run(document, { runOnly: { type: 'tag', values: tags } })
          .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
              targets: v.nodes.map(n => n.target.join(' ')) }))))
          .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
    "#;
    let found = c
        .client
        .execute_async(script, vec![json!(TAGS)])
        .await
        .expect("run axe-core");
    let Value::Array(violations) = found else {
        panic!("axe-core returned {found}");
    };
    violations
        .iter()
        .map(|v| {
            format!(
                "{} ({}): {} at {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                v["targets"]
            )
        })
        .collect()
}

#[test]
fn axe_finds_no_violation_on_any_view_in_either_theme() {
    let axe_js =
        std::fs::read_to_string(env_path("ZT_AXE_JS", "../axe.min.js")).expect("read axe.min.js");
    run("a11y", &[], |c| async move {
        let mut failures = Vec::new();
        let mut audited = 0;
        for (theme, option) in [("light", "Light"), ("dark", "Dark")] {
            c.open("/users").await;
            c.select("Theme", option).await;
            for (name, steps) in VIEWS {
                reach(&c, steps).await;
                let shown = c
                    .client
                    .execute(
                        "return document.documentElement.dataset.theme || ''",
                        vec![],
                    )
                    .await
                    .expect("theme");
                assert_eq!(shown, theme, "the {theme} theme on {name}");
                let violations = axe(&c, &axe_js).await;
                audited += 1;
                println!("[a11y] {theme} {name}: {} violations", violations.len());
                failures.extend(
                    violations
                        .into_iter()
                        .map(|v| format!("{theme} · {name}: {v}")),
                );
            }
        }
        assert!(audited >= 2 * VIEWS.len());
        assert!(
            failures.is_empty(),
            "axe-core violations:\n  {}",
            failures.join("\n  ")
        );
    });
}
