//! The matrix: every application with what each risk level alone decides about it
//! (`zt_risk_api::access::verdicts`), how far its policies are known, and which policies are
//! reusable. Plain data built from what was loaded; no signals, no DOM.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use zt_risk_api::access::{verdicts, Application, Policy, ScoreLevel, Verdict};

/// How far an application's policies are known.
#[derive(Debug, Clone, PartialEq)]
pub enum Policies {
    /// Read: embedded in the application, or from its own list.
    Known(Arc<Vec<Policy>>),
    /// Asked for, no answer yet.
    Loading,
    /// Not read: why (a failed request, a cancelled load, an id the console cannot send).
    Missing(String),
}

impl Policies {
    /// The policies, when read.
    pub fn known(&self) -> Option<&[Policy]> {
        match self {
            Self::Known(policies) => Some(policies),
            _ => None,
        }
    }
}

/// What one cell says, in the five kinds the page tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The risk score keeps every user at this level out.
    Out,
    /// No policy lets anyone in: everyone is kept out, whatever their risk.
    Closed,
    /// Every user at this level gets in.
    In,
    /// Up to who the user is (emails, groups, devices…).
    Identity,
    /// Cannot be told (policies not loaded, a decision this build does not know).
    Unknown,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Self::Out,
        Self::Closed,
        Self::In,
        Self::Identity,
        Self::Unknown,
    ];

    pub fn of(verdict: &Verdict) -> Self {
        match verdict {
            Verdict::KeptOut(causes) if causes.is_empty() => Self::Closed,
            Verdict::KeptOut(_) => Self::Out,
            Verdict::LetIn(_) => Self::In,
            Verdict::DependsOnIdentity => Self::Identity,
            Verdict::Unknown => Self::Unknown,
        }
    }
}

/// One application's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its index in [`Matrix::apps`].
    pub app: usize,
    pub policies: Policies,
    /// In [`ScoreLevel::ALL`] order.
    pub verdicts: [Verdict; 4],
}

impl Row {
    pub fn new(app: usize, policies: Policies) -> Self {
        let verdicts = verdicts(policies.known());
        Self {
            app,
            policies,
            verdicts,
        }
    }

    /// The verdict for `level`.
    pub fn verdict(&self, level: ScoreLevel) -> &Verdict {
        &self.verdicts[index(level)]
    }

    pub fn kind(&self, level: ScoreLevel) -> Kind {
        Kind::of(self.verdict(level))
    }
}

/// The position of `level` in [`ScoreLevel::ALL`].
pub fn index(level: ScoreLevel) -> usize {
    ScoreLevel::ALL
        .iter()
        .position(|l| *l == level)
        .unwrap_or_default()
}

/// Every application, its row, and the reusable policies' ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub apps: Arc<Vec<Application>>,
    /// One per application, in the same order.
    pub rows: Vec<Row>,
    /// The ids of the reusable policies; `None` when their list could not be read.
    pub reusable: Option<Arc<HashSet<String>>>,
}

impl Matrix {
    /// The rows of `apps`: embedded policies where the list has them, else
    /// [`Policies::Loading`] until [`Matrix::merged`] brings them.
    pub fn new(apps: Arc<Vec<Application>>, reusable: Option<Arc<HashSet<String>>>) -> Self {
        let rows = apps
            .iter()
            .enumerate()
            .map(|(i, app)| match (app.policies(), app.id()) {
                (Some(embedded), _) => Row::new(i, Policies::Known(Arc::new(embedded.to_vec()))),
                (None, Some(_)) => Row::new(i, Policies::Loading),
                (None, None) => Row::new(i, Policies::Missing("it has no ID".into())),
            })
            .collect();
        Self {
            apps,
            rows,
            reusable,
        }
    }

    /// This matrix with the rows read one by one (`fetched`, by row index) in place.
    pub fn merged(&self, fetched: &HashMap<usize, Row>) -> Self {
        let mut out = self.clone();
        for (i, row) in fetched {
            if let Some(slot) = out.rows.get_mut(*i) {
                slot.clone_from(row);
            }
        }
        out
    }

    pub fn app(&self, row: &Row) -> &Application {
        &self.apps[row.app]
    }

    /// Whether the policy with `id` is reusable (`None`: not known).
    pub fn is_reusable(&self, id: Option<&str>) -> Option<bool> {
        let reusable = self.reusable.as_ref()?;
        Some(id.is_some_and(|id| reusable.contains(id)))
    }

    /// The rows of `kind` at `level`.
    pub fn rows_of(&self, level: ScoreLevel, kind: Kind) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |r| r.kind(level) == kind)
    }

    /// How many rows are of `kind` at `level`.
    pub fn count(&self, level: ScoreLevel, kind: Kind) -> usize {
        self.rows_of(level, kind).count()
    }

    /// How many applications let no one in, whatever their risk: every level kept out, some
    /// level for no risk reason (what the `Closed` filter at any level lists).
    pub fn closed_count(&self) -> usize {
        let kept = |k: Kind| matches!(k, Kind::Out | Kind::Closed);
        self.rows
            .iter()
            .filter(|r| {
                let kinds = ScoreLevel::ALL.map(|l| r.kind(l));
                kinds.iter().all(|k| kept(*k)) && kinds.contains(&Kind::Closed)
            })
            .count()
    }

    /// How many applications have a cell that cannot be told.
    pub fn unknown_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| ScoreLevel::ALL.iter().any(|l| r.kind(*l) == Kind::Unknown))
            .count()
    }

    /// The rows whose policies must be read one by one (not embedded, not read yet).
    pub fn to_fetch(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter(|r| r.policies == Policies::Loading)
            .map(|r| r.app)
            .collect()
    }
}

/// An application's name, or its domain, or its id, for people.
pub fn app_name(app: &Application) -> &str {
    app.name()
        .filter(|n| !n.trim().is_empty())
        .or(app.domain())
        .or(app.id())
        .unwrap_or("Unnamed application")
}

#[cfg(test)]
#[path = "matrix_tests.rs"]
mod tests;
