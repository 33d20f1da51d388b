//! What a risk level alone decides about an application: truth tables of each rule position ×
//! each decision × each level, precedence, and identity rules the console cannot know.
//!
//! Verdicts are written as short strings, by hand: `in:P/I0` (let in by policy P, include
//! rule 0), `out:P/E0,Q/R1` (kept out; one cause per policy), `out:` (kept out, no policy could
//! let anyone in), `dep` (depends on identity), `unk` (cannot be told).

use zt_risk_api::access::{verdict, verdicts, Cause, Policy, Position, ScoreLevel, Verdict};

const RISK_HIGH: &str = r#"{"user_risk_score":{"user_risk_score":["high"]}}"#;
const EVERYONE: &str = r#"{"everyone":{}}"#;
const EMAIL: &str = r#"{"email":{"email":"ana@acme.example"}}"#;
const DOMAIN: &str = r#"{"email_domain":{"domain":"acme.example"}}"#;
const GROUP: &str = r#"{"group":{"id":"aa0e8400-e29b-41d4-a716-446655440000"}}"#;

fn policy(
    decision: &str,
    precedence: Option<i64>,
    include: &[&str],
    exclude: &[&str],
    require: &[&str],
) -> Policy {
    let precedence = precedence.map_or(String::new(), |p| format!(r#","precedence":{p}"#));
    let text = format!(
        r#"{{"id":"p","name":"p","decision":"{decision}","include":[{}],"exclude":[{}],"require":[{}]{precedence}}}"#,
        include.join(","),
        exclude.join(","),
        require.join(",")
    );
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn cause(c: &Cause) -> String {
    let rule = c.rule.map_or("-".to_owned(), |r| {
        let p = match r.position {
            Position::Include => "I",
            Position::Exclude => "E",
            Position::Require => "R",
        };
        format!("{p}{}", r.index)
    });
    format!("{}/{rule}", c.policy)
}

fn show(v: &Verdict) -> String {
    match v {
        Verdict::LetIn(c) => format!("in:{}", cause(c)),
        Verdict::KeptOut(causes) => {
            format!(
                "out:{}",
                causes.iter().map(cause).collect::<Vec<_>>().join(",")
            )
        }
        Verdict::DependsOnIdentity => "dep".into(),
        Verdict::Unknown => "unk".into(),
    }
}

/// The verdicts for low, medium, high, unscored.
fn table(policies: &[Policy]) -> [String; 4] {
    verdicts(Some(policies)).map(|v| show(&v))
}

/// One policy of `decision` with the `user_risk_score` ["high"] rule at `position`; its
/// include is `everyone` when the risk rule is elsewhere.
fn one(decision: &str, position: Position) -> Policy {
    let (include, exclude, require): (&[&str], &[&str], &[&str]) = match position {
        Position::Include => (&[RISK_HIGH], &[], &[]),
        Position::Exclude => (&[EVERYONE], &[RISK_HIGH], &[]),
        Position::Require => (&[EVERYONE], &[], &[RISK_HIGH]),
    };
    policy(decision, Some(1), include, exclude, require)
}

#[test]
fn each_position_and_decision_alone() {
    let letting_in = [
        (
            Position::Include,
            ["out:0/I0", "out:0/I0", "in:0/I0", "out:0/I0"],
        ),
        (
            Position::Exclude,
            ["in:0/I0", "in:0/I0", "out:0/E0", "in:0/I0"],
        ),
        (
            Position::Require,
            ["out:0/R0", "out:0/R0", "in:0/R0", "out:0/R0"],
        ),
    ];
    for decision in ["allow", "bypass", "non_identity"] {
        for (position, expected) in &letting_in {
            let got = table(&[one(decision, *position)]);
            assert_eq!(got, expected.map(String::from), "{decision} {position}");
        }
    }
    // A Block policy alone lets nobody in: every level is kept out, by it or by default.
    let blocking = [
        (Position::Include, ["out:", "out:", "out:0/I0", "out:"]),
        (
            Position::Exclude,
            ["out:0/I0", "out:0/I0", "out:", "out:0/I0"],
        ),
        (Position::Require, ["out:", "out:", "out:0/R0", "out:"]),
    ];
    for (position, expected) in &blocking {
        let got = table(&[one("deny", *position)]);
        assert_eq!(got, expected.map(String::from), "deny {position}");
    }
}

#[test]
fn each_position_and_decision_before_an_allow_everyone() {
    let base = policy("allow", Some(2), &[EVERYONE], &[], &[]);
    let letting_in = [
        (
            Position::Include,
            ["in:1/I0", "in:1/I0", "in:0/I0", "in:1/I0"],
        ),
        (
            Position::Exclude,
            ["in:0/I0", "in:0/I0", "in:1/I0", "in:0/I0"],
        ),
        (
            Position::Require,
            ["in:1/I0", "in:1/I0", "in:0/R0", "in:1/I0"],
        ),
    ];
    for decision in ["allow", "bypass", "non_identity"] {
        for (position, expected) in &letting_in {
            let got = table(&[one(decision, *position), base.clone()]);
            assert_eq!(got, expected.map(String::from), "{decision} {position}");
        }
    }
    let blocking = [
        (
            Position::Include,
            ["in:1/I0", "in:1/I0", "out:0/I0", "in:1/I0"],
        ),
        (
            Position::Exclude,
            ["out:0/I0", "out:0/I0", "in:1/I0", "out:0/I0"],
        ),
        (
            Position::Require,
            ["in:1/I0", "in:1/I0", "out:0/R0", "in:1/I0"],
        ),
    ];
    for (position, expected) in &blocking {
        let got = table(&[one("deny", *position), base.clone()]);
        assert_eq!(got, expected.map(String::from), "deny {position}");
    }
}

#[test]
fn each_level_of_a_risk_rule_is_its_own() {
    for (level, expected) in [
        ("low", ["out:0/I0", "in:1/I0", "in:1/I0", "in:1/I0"]),
        ("medium", ["in:1/I0", "out:0/I0", "in:1/I0", "in:1/I0"]),
        ("high", ["in:1/I0", "in:1/I0", "out:0/I0", "in:1/I0"]),
        ("unscored", ["in:1/I0", "in:1/I0", "in:1/I0", "out:0/I0"]),
    ] {
        let rule = format!(r#"{{"user_risk_score":{{"user_risk_score":["{level}"]}}}}"#);
        let block = policy("deny", Some(1), &[&rule], &[], &[]);
        let allow = policy("allow", Some(2), &[EVERYONE], &[], &[]);
        assert_eq!(
            table(&[block, allow]),
            expected.map(String::from),
            "{level}"
        );
    }
    let medium_high = r#"{"user_risk_score":{"user_risk_score":["medium","high"]}}"#;
    let allow = policy("allow", Some(1), &[EVERYONE], &[medium_high], &[]);
    assert_eq!(
        table(&[allow]),
        ["in:0/I0", "out:0/E0", "out:0/E0", "in:0/I0"]
    );
}

#[test]
fn precedence_orders_block_and_allow_but_bypass_and_service_auth_come_first() {
    // Given out of order: the Block (precedence 1) is evaluated before the Allow (2).
    let allow = policy("allow", Some(2), &[EVERYONE], &[], &[]);
    let block = policy("deny", Some(1), &[RISK_HIGH], &[], &[]);
    assert_eq!(
        table(&[allow.clone(), block.clone()]),
        ["in:0/I0", "in:0/I0", "out:1/I0", "in:0/I0"]
    );
    // The other way round, the Allow wins for everyone.
    let allow_first = policy("allow", Some(1), &[EVERYONE], &[], &[]);
    let block_second = policy("deny", Some(2), &[RISK_HIGH], &[], &[]);
    assert_eq!(table(&[block_second, allow_first]), ["in:1/I0"; 4]);
    // Bypass and Service Auth go first whatever their precedence.
    for first in ["bypass", "non_identity"] {
        let block_all = policy("deny", Some(1), &[EVERYONE], &[], &[]);
        let low = r#"{"user_risk_score":{"user_risk_score":["low"]}}"#;
        let late = policy(first, Some(9), &[low], &[], &[]);
        assert_eq!(
            table(&[block_all, late]),
            ["in:1/I0", "out:0/I0", "out:0/I0", "out:0/I0"],
            "{first}"
        );
    }
    // Without precedence, the order given; after those that have one.
    let unordered_block = policy("deny", None, &[RISK_HIGH], &[], &[]);
    let unordered_allow = policy("allow", None, &[EVERYONE], &[], &[]);
    assert_eq!(
        table(&[unordered_block.clone(), unordered_allow.clone()]),
        ["in:1/I0", "in:1/I0", "out:0/I0", "in:1/I0"]
    );
    assert_eq!(table(&[unordered_allow, unordered_block]), ["in:0/I0"; 4]);
    let ordered_allow = policy("allow", Some(5), &[RISK_HIGH], &[], &[]);
    let unordered_block_all = policy("deny", None, &[EVERYONE], &[], &[]);
    assert_eq!(
        table(&[unordered_block_all, ordered_allow]),
        ["out:0/I0", "out:0/I0", "in:1/I0", "out:0/I0"]
    );
}

#[test]
fn identity_rules_are_never_guessed() {
    for identity in [
        EMAIL,
        DOMAIN,
        GROUP,
        r#"{"device_posture":{"integration_uid":"x"}}"#,
    ] {
        let allow = policy("allow", Some(1), &[identity], &[], &[]);
        assert_eq!(table(&[allow]), ["dep"; 4], "{identity}");
        // Excluded by an identity rule: some get in, some do not.
        let except = policy("allow", Some(1), &[EVERYONE], &[identity], &[]);
        assert_eq!(table(&[except]), ["dep"; 4], "{identity}");
        // Required together with everyone: still up to the identity.
        let required = policy("allow", Some(1), &[EVERYONE], &[], &[identity]);
        assert_eq!(table(&[required]), ["dep"; 4], "{identity}");
    }
    // The risk rule decides for High whatever the identity; the others depend on it.
    let allow = policy("allow", Some(1), &[DOMAIN, GROUP], &[RISK_HIGH], &[]);
    assert_eq!(table(&[allow]), ["dep", "dep", "out:0/E0", "dep"]);
    let low_or_unscored = r#"{"user_risk_score":{"user_risk_score":["low","unscored"]}}"#;
    let allow = policy("allow", Some(1), &[GROUP], &[], &[low_or_unscored]);
    assert_eq!(table(&[allow]), ["dep", "out:0/R0", "out:0/R0", "dep"]);
    // A Block that may match some users, before an Allow of everyone.
    let block = policy("deny", Some(1), &[EMAIL], &[], &[]);
    let allow = policy("allow", Some(2), &[EVERYONE], &[], &[]);
    assert_eq!(table(&[block.clone(), allow]), ["dep"; 4]);
    // The same Block alone: nobody can get in anyway.
    assert_eq!(table(&[block]), ["out:"; 4]);
    // An Allow that may match, then one that matches all: everyone is in.
    let maybe = policy("allow", Some(1), &[EMAIL], &[], &[]);
    let all = policy("allow", Some(2), &[EVERYONE], &[], &[]);
    assert_eq!(table(&[maybe.clone(), all]), ["in:1/I0"; 4]);
    // An Allow that may match, then a Block of High: High is kept out only where not let in.
    let block_high = policy("deny", Some(2), &[RISK_HIGH], &[], &[]);
    assert_eq!(table(&[maybe, block_high]), ["dep", "dep", "dep", "dep"]);
}

#[test]
fn mixed_policies_name_every_policy_that_keeps_a_level_out() {
    let not_high = policy("allow", Some(1), &[DOMAIN], &[RISK_HIGH], &[]);
    let low_only = r#"{"user_risk_score":{"user_risk_score":["low"]}}"#;
    let contractors = policy("allow", Some(2), &[GROUP], &[], &[low_only]);
    let both = [not_high, contractors];
    assert_eq!(table(&both), ["dep", "dep", "out:0/E0,1/R0", "dep"]);
    // A cause names its policy and rule in the slice given.
    let Verdict::KeptOut(causes) = verdict(&both, ScoreLevel::High) else {
        panic!("High is kept out")
    };
    let named: Vec<String> = causes
        .iter()
        .map(|c| {
            format!(
                "{:?}: {}",
                c.policy(&both).and_then(Policy::decision),
                c.rule(&both).map(ToString::to_string).unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            "Some(Allow): Risk score is High",
            "Some(Allow): Risk score is Low"
        ]
    );
    // A risk rule among others in an include: the others may still let High in.
    let include_mix = policy("allow", Some(1), &[EMAIL, RISK_HIGH], &[], &[]);
    assert_eq!(table(&[include_mix]), ["dep", "dep", "in:0/I1", "dep"]);
    // A Block of High that also requires a group: it depends for High; the rest is out.
    let block = policy("deny", Some(1), &[RISK_HIGH], &[], &[GROUP]);
    let allow = policy("allow", Some(2), &[EVERYONE], &[], &[]);
    assert_eq!(
        table(&[block, allow]),
        ["in:1/I0", "in:1/I0", "dep", "in:1/I0"]
    );
}

#[test]
fn unknown_decisions_rules_and_unloaded_policies() {
    assert_eq!(verdicts(None).map(|v| show(&v)), ["unk"; 4]);
    assert_eq!(table(&[]), ["out:"; 4], "no policy: closed to everyone");
    let odd = policy("quarantine", Some(1), &[RISK_HIGH], &[], &[]);
    let allow = policy("allow", Some(2), &[EVERYONE], &[], &[]);
    assert_eq!(
        table(&[odd, allow]),
        ["in:1/I0", "in:1/I0", "unk", "in:1/I0"]
    );
    let no_decision: Policy = serde_json::from_str(r#"{"id":"p","include":[{"everyone":{}}]}"#)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table(&[no_decision]), ["unk"; 4]);
    // A risk rule with a level this build does not know is not read as a risk rule.
    let future = r#"{"user_risk_score":{"user_risk_score":["high","critical"]}}"#;
    assert_eq!(
        table(&[policy("allow", Some(1), &[future], &[], &[])]),
        ["dep"; 4]
    );
    // A policy with no rules matches nobody.
    assert_eq!(
        table(&[policy("allow", Some(1), &[], &[], &[])]),
        ["out:0/-"; 4]
    );
    let bare: Policy =
        serde_json::from_str(r#"{"id":"p","decision":"allow"}"#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table(&[bare]), ["out:0/-"; 4]);
    // An application that excludes everyone from its one Allow.
    let nobody = policy("allow", Some(1), &[EVERYONE], &[EVERYONE], &[]);
    assert_eq!(table(&[nobody]), ["out:0/E0"; 4]);
    assert!(verdicts(Some(&[])).iter().all(Verdict::is_kept_out));
}
