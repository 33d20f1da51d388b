//! A view's rows as a file: the [`Table`] a page hands the export buttons, and [`build_table`]
//! that writes it as CSV or JSON a chunk at a time.

use std::sync::Arc;

use web_sys::Blob;
use zt_risk_api::UserRiskInfo;

use super::{build, csv, json, Format, Rows};

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
