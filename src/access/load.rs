//! [`AccessLoad`]: the Access data of one view, loaded and kept as a [`Matrix`]. The
//! applications (every page of `GET /access/apps`) and, for the page that edits, the reusable
//! policies, through the read cache; then, only for applications whose list entry does not
//! embed its policies, one `GET /access/apps/{id}/policies` each on the runner (progress,
//! Cancel, 429 pauses, Retry failed). An application whose policies are not read is unknown in
//! the matrix, never open; [`AccessLoad::retry`] reads one again.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use zt_risk_api::access::{Application, Policy};

use super::matrix::{app_name, Matrix, Policies, Row};
use crate::api::{use_api, Api, ApiError};
use crate::state::runner::{Phase, Runner};
use crate::state::use_reloadable;

/// What the first requests bring: the applications, and the reusable policies when asked for.
type Lists = (
    Result<Arc<Vec<Application>>, ApiError>,
    Option<Result<Arc<Vec<Policy>>, ApiError>>,
);

/// The loaded matrix of a view: `None` while the applications load.
pub type Loaded = Option<Result<Matrix, ApiError>>;

/// One view's Access data (see the module docs).
#[derive(Clone, Copy)]
pub struct AccessLoad {
    matrix: Memo<Loaded>,
    /// The matrix once loaded (empty before, or after a failure).
    ready: Memo<Matrix>,
    /// A load is under way (the first, or a reload while the last result shows).
    reloading: Memo<bool>,
    /// The reusable policies as read, when asked for.
    reusable: Memo<Option<Result<Arc<Vec<Policy>>, ApiError>>>,
    runner: Runner,
    fetched: RwSignal<HashMap<usize, Row>>,
    api: StoredValue<Api>,
    reload: Callback<()>,
}

impl AccessLoad {
    /// Starts loading for the calling component (its requests stop when it unmounts).
    /// `reusable`: also read the reusable policies (what the editor needs).
    pub fn new(reusable: bool) -> Self {
        let (lists, reload) = use_reloadable(move |api| async move {
            let apps = api.access_apps().await;
            let policies = match (&apps, reusable) {
                (Ok(_), true) => Some(api.reusable_policies().await),
                _ => None,
            };
            (apps, policies)
        });
        let reloading = Memo::new(move |_| lists.with(Option::is_none));
        // The last lists read stay while a reload runs, so the page keeps its matrix.
        let lists = Memo::new_with_compare(
            move |last: Option<&Option<Lists>>| lists.get().or_else(|| last.cloned().flatten()),
            |a, b| !matches!((a, b), (Some(Some(a)), Some(Some(b))) if same_lists(a, b)),
        );
        let base = Memo::new_with_compare(move |_| lists.get().map(base_matrix), |_, _| true);
        let runner = Runner::new();
        let fetched = RwSignal::new(HashMap::new());
        let progress = runner.progress();
        let cancelled = Memo::new(move |_| progress.with(|p| p.phase == Phase::Cancelled));
        let matrix = Memo::new_with_compare(
            move |_| {
                let cancelled = cancelled.get();
                base.get()
                    .map(|loaded| loaded.map(|m| fetched.with(|f| with_fetched(&m, f, cancelled))))
            },
            |_, _| true,
        );
        let ready = Memo::new_with_compare(
            move |_| {
                matrix
                    .with(|m| m.as_ref().and_then(|m| m.as_ref().ok()).cloned())
                    .unwrap_or_else(|| Matrix::new(Arc::default(), None))
            },
            |_, _| true,
        );
        let reusable = Memo::new_with_compare(
            move |_| lists.get().and_then(|(_, policies)| policies),
            |_, _| true,
        );
        let load = Self {
            matrix,
            ready,
            reloading,
            reusable,
            runner,
            fetched,
            api: StoredValue::new(use_api()),
            reload,
        };
        // A new list (first load, Refresh, after a save) reads anew what it does not embed.
        Effect::new(move |_| {
            if let Some(Ok(matrix)) = base.get() {
                load.fetch_missing(&matrix);
            }
        });
        load
    }

    /// The matrix (reactive): `None` while loading, the applications' error if they failed.
    pub fn matrix(&self) -> Memo<Loaded> {
        self.matrix
    }

    /// The loaded matrix (reactive), for views that show only once it is loaded.
    pub fn ready(&self) -> Memo<Matrix> {
        self.ready
    }

    /// Whether the lists are being read (reactive).
    pub fn is_loading(&self) -> bool {
        self.reloading.get()
    }

    /// The reusable policies, when this load reads them (reactive).
    pub fn reusable(&self) -> Memo<Option<Result<Arc<Vec<Policy>>, ApiError>>> {
        self.reusable
    }

    /// The run reading applications' policies one by one.
    pub fn runner(&self) -> Runner {
        self.runner
    }

    /// Reads everything again, past the cache.
    pub fn reload(&self) {
        self.reload.run(());
    }

    /// Reads the policies of the application of row `row` again (its Retry).
    pub fn retry(&self, row: usize) {
        let Some(Some(Ok(matrix))) = self.matrix.try_get_untracked() else {
            return;
        };
        let Some(id) = matrix.apps.get(row).and_then(|a| a.id()).map(str::to_owned) else {
            return;
        };
        self.fetched.update(|f| {
            f.insert(row, Row::new(row, Policies::Loading));
        });
        let (api, fetched) = (self.api.get_value().uncached(), self.fetched);
        leptos::task::spawn_local(async move {
            let result = api.app_policies(&id).await;
            fetched.try_update(|f| f.insert(row, fetched_row(row, &result)));
        });
    }

    /// Starts the runner over the rows still without policies.
    fn fetch_missing(self, matrix: &Matrix) {
        self.runner.reset();
        self.fetched.set(HashMap::new());
        let rows = matrix.to_fetch();
        if rows.is_empty() {
            return;
        }
        let labels = rows
            .iter()
            .map(|&i| app_name(&matrix.apps[i]).to_owned())
            .collect();
        let ids: Vec<(usize, String)> = rows
            .iter()
            .map(|&i| (i, matrix.apps[i].id().unwrap_or_default().to_owned()))
            .collect();
        let (api, fetched) = (self.api.get_value(), self.fetched);
        self.runner.start(labels, move |item| {
            let (api, (row, id)) = (api.clone(), ids[item].clone());
            Box::pin(async move {
                let result = api.app_policies(&id).await;
                // A 429 goes back to the runner's queue: the row stays loading.
                if !matches!(result, Err(ApiError::RateLimited { .. })) {
                    fetched.try_update(|f| f.insert(row, fetched_row(row, &result)));
                }
                result.map(drop)
            })
        });
    }
}

/// Whether `a` and `b` are the same reading (the same shared lists, or the same errors).
fn same_lists(a: &Lists, b: &Lists) -> bool {
    let apps = match (&a.0, &b.0) {
        (Ok(x), Ok(y)) => Arc::ptr_eq(x, y),
        (Err(x), Err(y)) => x == y,
        _ => false,
    };
    let reusable = match (&a.1, &b.1) {
        (Some(Ok(x)), Some(Ok(y))) => Arc::ptr_eq(x, y),
        (x, y) => x == y,
    };
    apps && reusable
}

/// The matrix of the lists as read (embedded policies only).
fn base_matrix((apps, policies): Lists) -> Result<Matrix, ApiError> {
    let reusable = match policies {
        Some(Ok(policies)) => Some(Arc::new(
            policies
                .iter()
                .filter_map(|p| p.id().map(str::to_owned))
                .collect::<HashSet<String>>(),
        )),
        _ => None,
    };
    Ok(Matrix::new(apps?, reusable))
}

/// `matrix` with the rows read one by one; after a Cancel, rows never read say so.
fn with_fetched(matrix: &Matrix, fetched: &HashMap<usize, Row>, cancelled: bool) -> Matrix {
    let mut out = matrix.merged(fetched);
    if cancelled {
        for row in &mut out.rows {
            if row.policies == Policies::Loading {
                *row = Row::new(row.app, Policies::Missing("the load was cancelled".into()));
            }
        }
    }
    out
}

fn fetched_row(row: usize, result: &Result<Arc<Vec<Policy>>, ApiError>) -> Row {
    match result {
        Ok(policies) => Row::new(row, Policies::Known(Arc::clone(policies))),
        Err(error) => Row::new(row, Policies::Missing(error.to_string())),
    }
}
