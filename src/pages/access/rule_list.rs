//! A policy's rules shown: each rule in words, a rule this console does not read by its type
//! with its JSON as text (never markup); a policy with no rules says so.

use leptos::prelude::*;
use zt_risk_api::access::{Position, Rule, RuleKind, RuleLists};

/// One rule: words, and the raw JSON of a rule the console does not read.
pub fn rule_view(rule: &Rule) -> impl IntoView {
    let raw = matches!(rule.kind(), RuleKind::Other(_)).then(|| {
        let text = rule.raw().to_owned();
        view! { " "<code class="raw-rule">{text}</code> }
    });
    view! { <span>{rule.to_string()}</span>{raw} }
}

/// "Include: Email ends in @example.com · Exclude: Risk score is High", or "No rules".
pub fn summary(lists: &RuleLists) -> String {
    let parts: Vec<String> = Position::ALL
        .into_iter()
        .filter(|p| !lists.get(*p).is_empty())
        .map(|p| {
            let rules: Vec<String> = lists.get(p).iter().map(Rule::to_string).collect();
            format!("{}: {}", p.label(), rules.join(", "))
        })
        .collect();
    if parts.is_empty() {
        "No rules".to_owned()
    } else {
        parts.join(" · ")
    }
}
