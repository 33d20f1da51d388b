//! What a risk level alone decides about reaching one application: kept out, let in, or up to
//! who the user is. Pure: the application's policies in, one [`Verdict`] per level out.
//!
//! Access's rules (Cloudflare's docs and the SDK's field descriptions):
//! - a policy matches when one `include` rule matches (OR), every `require` rule matches (AND)
//!   and no `exclude` rule matches (NOT); no `include` rule means it matches nobody;
//! - Bypass and Service Auth (`non_identity`) policies are evaluated first, then Block (`deny`)
//!   and Allow, each group in `precedence` order; the first policy that matches decides;
//! - a user no policy lets in is kept out (Access denies by default).
//!
//! For a level, a `user_risk_score` rule matches or not, `everyone` matches, and every other
//! rule (emails, groups, devices, IPs, rule types this build does not know) may or may not: the
//! console does not know who the user is, so it never guesses. A level is kept out or let in
//! only when every identity at that level would be; otherwise it depends on the identity.

use super::policies::{Decision, Policy, Position};
use super::rules::{Rule, RuleKind, ScoreLevel};

/// A rule or a policy against one level: matches, does not, or depends on who the user is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    No,
    Maybe,
}

/// A rule of a policy: where it sits and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RuleAt {
    pub position: Position,
    pub index: usize,
}

/// What decides: a policy (its index in the slice given to [`verdict`]) and, when one can be
/// named, the rule that makes it decide for this level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cause {
    pub policy: usize,
    pub rule: Option<RuleAt>,
}

impl Cause {
    /// The policy this cause names, in the slice given to [`verdict`].
    pub fn policy<'a>(&self, policies: &'a [Policy]) -> Option<&'a Policy> {
        policies.get(self.policy)
    }

    /// The rule this cause names, if any.
    pub fn rule<'a>(&self, policies: &'a [Policy]) -> Option<&'a Rule> {
        let at = self.rule?;
        self.policy(policies)?.rules(at.position).get(at.index)
    }
}

/// What a level alone decides about one application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every user at this level is kept out. Either one Block policy matches them all (its
    /// cause), or no policy can let them in: then one cause per Allow, Bypass or Service Auth
    /// policy, naming the rule that keeps this level out of it (an `exclude` that matches, a
    /// `require` of other levels, an `include` of other levels only). No cause at all means the
    /// application has no such policy: it is closed to everyone, not for their risk.
    KeptOut(Vec<Cause>),
    /// Every user at this level gets in, through this policy.
    LetIn(Cause),
    /// Some users at this level get in and others do not, depending on who they are.
    DependsOnIdentity,
    /// Cannot be told: the policies could not be loaded, or one that may match has a decision
    /// this build does not know. Never shown as open.
    Unknown,
}

impl Verdict {
    pub fn is_kept_out(&self) -> bool {
        matches!(self, Self::KeptOut(_))
    }
}

/// The verdict for every level in [`ScoreLevel::ALL`] order; `None` policies (they could not
/// be loaded) make every level [`Verdict::Unknown`].
pub fn verdicts(policies: Option<&[Policy]>) -> [Verdict; 4] {
    ScoreLevel::ALL.map(|level| match policies {
        Some(policies) => verdict(policies, level),
        None => Verdict::Unknown,
    })
}

/// How one policy ends a user's evaluation when it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    In,
    Out,
    Unknown,
}

fn effect(decision: Option<&Decision>) -> Effect {
    match decision {
        Some(Decision::Allow | Decision::Bypass | Decision::NonIdentity) => Effect::In,
        Some(Decision::Deny) => Effect::Out,
        Some(Decision::Unknown(_)) | None => Effect::Unknown,
    }
}

/// The indexes of `policies` in the order Access evaluates them.
fn evaluation_order(policies: &[Policy]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..policies.len()).collect();
    // Stable: policies without precedence keep their place after those with one.
    order.sort_by_key(|&i| {
        let p = &policies[i];
        let first = matches!(p.decision(), Some(Decision::Bypass | Decision::NonIdentity));
        (!first, p.precedence().is_none(), p.precedence())
    });
    order
}

/// The verdict for `level` on an application with these `policies` (as loaded, any order).
pub fn verdict(policies: &[Policy], level: ScoreLevel) -> Verdict {
    let (mut some_in, mut some_out) = (false, false);
    let mut excluded_from = Vec::new();
    for i in evaluation_order(policies) {
        let policy = &policies[i];
        let effect = effect(policy.decision());
        let matched = policy_match(policy, level);
        match (matched, effect) {
            (Tri::No, Effect::In) => excluded_from.push(Cause {
                policy: i,
                rule: keeping_out(policy, level),
            }),
            (Tri::No, _) => {}
            (Tri::Yes | Tri::Maybe, Effect::Unknown) => return Verdict::Unknown,
            (Tri::Maybe, Effect::In) => some_in = true,
            (Tri::Maybe, Effect::Out) => some_out = true,
            (Tri::Yes, effect) => {
                let cause = Cause {
                    policy: i,
                    rule: matching(policy, level),
                };
                return match (effect, some_in, some_out) {
                    (Effect::In, _, false) => Verdict::LetIn(cause),
                    (Effect::Out, false, _) => Verdict::KeptOut(vec![cause]),
                    _ => Verdict::DependsOnIdentity,
                };
            }
        }
    }
    // Whoever no policy matched is kept out by default.
    if some_in {
        Verdict::DependsOnIdentity
    } else {
        Verdict::KeptOut(excluded_from)
    }
}

fn rule_match(rule: &Rule, level: ScoreLevel) -> Tri {
    match rule.kind() {
        RuleKind::UserRiskScore(levels) if levels.contains(&level) => Tri::Yes,
        RuleKind::UserRiskScore(_) => Tri::No,
        RuleKind::Everyone => Tri::Yes,
        RuleKind::Email(_) | RuleKind::EmailDomain(_) | RuleKind::Group(_) | RuleKind::Other(_) => {
            Tri::Maybe
        }
    }
}

/// Any rule (OR): `No` for no rules.
fn any(rules: &[Rule], level: ScoreLevel) -> Tri {
    rules
        .iter()
        .fold(Tri::No, |acc, r| match (acc, rule_match(r, level)) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::Maybe, _) | (_, Tri::Maybe) => Tri::Maybe,
            _ => Tri::No,
        })
}

/// All of (AND): `Yes` for none.
fn all(parts: impl IntoIterator<Item = Tri>) -> Tri {
    parts.into_iter().fold(Tri::Yes, |acc, t| match (acc, t) {
        (Tri::No, _) | (_, Tri::No) => Tri::No,
        (Tri::Maybe, _) | (_, Tri::Maybe) => Tri::Maybe,
        _ => Tri::Yes,
    })
}

fn not(t: Tri) -> Tri {
    match t {
        Tri::Yes => Tri::No,
        Tri::No => Tri::Yes,
        Tri::Maybe => Tri::Maybe,
    }
}

fn policy_match(policy: &Policy, level: ScoreLevel) -> Tri {
    let require = policy
        .rules(Position::Require)
        .iter()
        .map(|r| rule_match(r, level));
    all([any(policy.rules(Position::Include), level)]
        .into_iter()
        .chain(require)
        .chain([not(any(policy.rules(Position::Exclude), level))]))
}

fn first(policy: &Policy, position: Position, test: impl Fn(&Rule) -> bool) -> Option<RuleAt> {
    policy
        .rules(position)
        .iter()
        .position(test)
        .map(|index| RuleAt { position, index })
}

/// For a policy that matches every user at `level`: the risk rule that lets it match (a
/// `require` or an `include` one), else the `include` rule that matches (`everyone`).
fn matching(policy: &Policy, level: ScoreLevel) -> Option<RuleAt> {
    let risk_yes = |r: &Rule| r.risk_levels().is_some() && rule_match(r, level) == Tri::Yes;
    first(policy, Position::Require, risk_yes)
        .or_else(|| first(policy, Position::Include, risk_yes))
        .or_else(|| {
            first(policy, Position::Include, |r| {
                rule_match(r, level) == Tri::Yes
            })
        })
}

/// For a policy that matches nobody at `level`: an `exclude` rule that matches them, else a
/// `require` rule that does not, else the first `include` rule (none matches). `None` when the
/// policy has no `include` rule.
fn keeping_out(policy: &Policy, level: ScoreLevel) -> Option<RuleAt> {
    first(policy, Position::Exclude, |r| {
        rule_match(r, level) == Tri::Yes
    })
    .or_else(|| {
        first(policy, Position::Require, |r| {
            rule_match(r, level) == Tri::No
        })
    })
    .or_else(|| first(policy, Position::Include, |_| true))
}
