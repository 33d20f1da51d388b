//! What the demo data's risk rules decide, application by application and level by level: the
//! matrix the console shows, written here by hand (`docs/contract-access.md`), and the policies
//! and rules that decide, by name.

mod common;

use common::*;
use zt_risk_api::access::{verdicts, Application, Verdict};

/// `in`, `out`, `dep` or `unk` for each level of an application.
fn cells(app: &Application) -> [&'static str; 4] {
    verdicts(app.policies()).map(|v| match v {
        Verdict::LetIn(_) => "in",
        Verdict::KeptOut(_) => "out",
        Verdict::DependsOnIdentity => "dep",
        Verdict::Unknown => "unk",
    })
}

#[tokio::test]
async fn the_demo_matrix() {
    let addr = emulator().await;
    let body = access(addr, "GET", "/apps?per_page=100", None).await.body;
    let page: zt_risk_api::Envelope<Vec<Application>> = serde_json::from_str(&body).expect("apps");
    let apps = page.result.unwrap_or_default();
    let matrix: Vec<(&str, [&str; 4])> = apps
        .iter()
        .map(|a| (a.name().unwrap_or_default(), cells(a)))
        .collect();
    // Low, Medium, High, Unscored.
    let expected: Vec<(&str, [&str; 4])> = vec![
        ("Grafana", ["dep", "dep", "out", "dep"]),
        ("Jenkins", ["dep", "dep", "out", "dep"]),
        ("Payroll", ["dep", "out", "out", "dep"]),
        ("AWS Console", ["dep", "dep", "out", "dep"]),
        ("Wiki", ["dep", "dep", "dep", "dep"]),
        ("Status page", ["in", "in", "in", "in"]),
        ("HR Portal", ["dep", "out", "out", "dep"]),
        ("Admin panel", ["dep", "out", "out", "dep"]),
        ("GitLab", ["dep", "dep", "dep", "dep"]),
        ("Salesforce", ["dep", "dep", "dep", "dep"]),
        ("Support desk", ["in", "in", "out", "in"]),
        ("Intranet", ["in", "in", "in", "in"]),
        ("Finance reports", ["dep", "out", "out", "dep"]),
        ("Build cache", ["dep", "dep", "dep", "dep"]),
        ("Legacy CRM", ["out", "out", "out", "out"]),
        ("Data warehouse", ["dep", "out", "out", "out"]),
    ];
    assert_eq!(matrix, expected);
    // The policies and rules that decide, by name.
    let cause = |app: usize, level: usize| -> Vec<(String, String)> {
        let a = &apps[app];
        let policies = a.policies().unwrap_or_default();
        let causes = match &verdicts(Some(policies))[level] {
            Verdict::KeptOut(c) => c.clone(),
            Verdict::LetIn(c) => vec![*c],
            _ => vec![],
        };
        causes
            .iter()
            .map(|c| {
                let p = &policies[c.policy];
                let rule = c
                    .rule
                    .map_or(String::new(), |r| p.rules(r.position)[r.index].to_string());
                (p.name().unwrap_or_default().to_owned(), rule)
            })
            .collect()
    };
    let pair = |p: &str, r: &str| (p.to_owned(), r.to_owned());
    assert_eq!(
        cause(0, 2),
        [pair("Block high-risk users", "Risk score is High")]
    );
    assert_eq!(cause(1, 2), [pair("Employees", "Risk score is High")]);
    assert_eq!(
        cause(2, 1),
        [pair("Low-risk staff", "Risk score is Low or Unscored")]
    );
    assert_eq!(cause(5, 2), [pair("Public health checks", "Everyone")]);
    assert!(
        cause(14, 0).is_empty(),
        "Legacy CRM: no policy, closed to everyone"
    );
}
