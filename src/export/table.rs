//! A view's rows as a file: the [`Table`] a page hands the export buttons, and [`build_table`]
//! that writes it as CSV or JSON a chunk at a time. A table owns (shares) what it writes, so
//! the file is the view as it was at the click, whatever loads or filters change meanwhile.

use std::sync::Arc;

use web_sys::Blob;
use zt_risk_api::{RiskEvent, UserRiskInfo};

use super::{build, csv, json, Format, Rows, Who};
use crate::state::events::Loaded;

/// Rows a page exports, in both formats: usually the page's filtered view, taken when the
/// admin presses a button.
pub trait Table: Send + Sync {
    /// What the rows are, for the file name: "users", "detections".
    fn what(&self) -> &'static str;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The CSV header's column names.
    fn csv_columns(&self) -> &'static [&'static str];
    /// The JSON text before the first row and after the last.
    fn json_frame(&self) -> (&'static str, &'static str);
    /// Appends row `i` as a CSV record.
    fn csv_row(&self, out: &mut String, i: usize);
    /// Appends row `i` as a JSON value (the separator is written by [`build_table`]).
    fn json_row(&self, out: &mut String, i: usize);
}

/// Writes `table` as a `format` file, a chunk at a time (see [`build`]): CSV starts with the
/// byte order mark and the header.
pub async fn build_table(
    table: &dyn Table,
    format: Format,
    progress: &dyn Fn(usize) -> bool,
) -> Result<Option<Blob>, String> {
    let (head, tail) = match format {
        Format::Csv => {
            let mut head = csv::BOM.to_owned();
            csv::header(&mut head, table.csv_columns());
            (head, "")
        }
        Format::Json => {
            let (head, tail) = table.json_frame();
            (head.to_owned(), tail)
        }
    };
    let write = |out: &mut String, i: usize| match format {
        Format::Csv => table.csv_row(out, i),
        Format::Json => {
            json::separator(out, i);
            table.json_row(out, i);
        }
    };
    let rows = Rows {
        head: &head,
        count: table.len(),
        write: &write,
        tail,
    };
    build(rows, format, progress).await
}

/// Users of a summary, in a view's order: `rows` index `users`.
pub struct UserRows {
    pub users: Arc<Vec<UserRiskInfo>>,
    pub rows: Vec<usize>,
}

impl Table for UserRows {
    fn what(&self) -> &'static str {
        "users"
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn csv_columns(&self) -> &'static [&'static str] {
        &csv::USER_COLUMNS
    }

    fn json_frame(&self) -> (&'static str, &'static str) {
        json::USERS
    }

    fn csv_row(&self, out: &mut String, i: usize) {
        csv::user(out, &self.users[self.rows[i]]);
    }

    fn json_row(&self, out: &mut String, i: usize) {
        json::user(out, &self.users[self.rows[i]]);
    }
}

/// Detections in a view's order: `rows` are (position in `users`, position in that user's
/// events). CSV: [`csv::DETECTION_COLUMNS`]; JSON: `{"detections":[{"user_id","name","email",
/// "event":RiskEvent}, …]}`, each event as `GET /{user_id}` returned it (see [`json`]).
pub struct DetectionRows {
    users: Vec<Arc<Loaded>>,
    rows: Vec<(u32, u32)>,
}

impl DetectionRows {
    /// Row `i`'s user and event (always there: [`DetectionRows::new`] keeps only pairs that
    /// name one, and the shared users never change).
    fn row(&self, i: usize) -> Option<(Who<'_>, &RiskEvent)> {
        let (user, event) = *self.rows.get(i)?;
        let loaded = self.users.get(user as usize)?;
        let who = Who {
            user_id: &loaded.user.user_id,
            name: &loaded.user.name,
            email: &loaded.user.email,
        };
        Some((who, loaded.detail.events.get(event as usize)?))
    }

    /// A table of `rows`, keeping only the pairs that name a loaded event.
    pub fn new(users: Vec<Arc<Loaded>>, rows: impl IntoIterator<Item = (u32, u32)>) -> Self {
        let names = |&(user, event): &(u32, u32)| {
            users
                .get(user as usize)
                .is_some_and(|l| (event as usize) < l.detail.events.len())
        };
        let rows = rows.into_iter().filter(names).collect();
        Self { users, rows }
    }
}

impl Table for DetectionRows {
    fn what(&self) -> &'static str {
        "detections"
    }

    fn len(&self) -> usize {
        self.rows.len()
    }

    fn csv_columns(&self) -> &'static [&'static str] {
        &csv::DETECTION_COLUMNS
    }

    fn json_frame(&self) -> (&'static str, &'static str) {
        json::DETECTIONS
    }

    fn csv_row(&self, out: &mut String, i: usize) {
        if let Some((who, event)) = self.row(i) {
            csv::detection(out, who, event);
        }
    }

    fn json_row(&self, out: &mut String, i: usize) {
        if let Some((who, event)) = self.row(i) {
            json::detection(out, who, event);
        }
    }
}
