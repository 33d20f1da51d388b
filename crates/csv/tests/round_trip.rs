//! Properties of the writer for any cells: the file reads back as the cells written (a guarded
//! cell with its leading `'`), and no cell read back starts a formula.

use proptest::prelude::*;
use zt_risk_csv::{guarded, read, record, Cell, BOM, FORMULA_START};

/// Text cells, biased towards the characters the writer treats specially.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(vec!['=', '+', '-', '@', '\t', '\r', '\n', ',', '"', '\'', 'a', 'é', ' ']),
            1 => any::<char>(),
        ],
        0..12,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

#[derive(Debug, Clone)]
enum Owned {
    Text(String),
    Count(u64),
}

fn cell() -> impl Strategy<Value = Owned> {
    prop_oneof![3 => text().prop_map(Owned::Text), 1 => any::<u64>().prop_map(Owned::Count)]
}

/// What a reader sees in a cell that was written from `cell`.
fn expected(cell: &Owned) -> String {
    match cell {
        Owned::Text(t) if guarded(t) => format!("'{t}"),
        Owned::Text(t) => t.clone(),
        Owned::Count(n) => n.to_string(),
    }
}

proptest! {
    #[test]
    fn records_read_back_as_their_cells(rows in prop::collection::vec(prop::collection::vec(cell(), 1..6), 0..6)) {
        let mut out = BOM.to_owned();
        for row in &rows {
            let cells: Vec<Cell> = row
                .iter()
                .map(|c| match c {
                    Owned::Text(t) => Cell::Text(t),
                    Owned::Count(n) => Cell::Count(*n),
                })
                .collect();
            record(&mut out, &cells);
        }
        let back = read(&out);
        let want: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(expected).collect()).collect();
        prop_assert_eq!(&back, &want);
        for cell in back.iter().flatten() {
            prop_assert!(!cell.starts_with(FORMULA_START), "{:?} starts a formula", cell);
        }
    }
}
