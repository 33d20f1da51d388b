//! The CSV writer with any cells: the file reads back as the cells written (a formula-guarded
//! cell with its leading `'`), and no cell read back starts a formula.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zt_risk_csv::{guarded, read, record, Cell, BOM, FORMULA_START};

#[derive(Debug, Arbitrary)]
enum Input {
    Text(String),
    Count(u64),
}

fuzz_target!(|rows: Vec<Vec<Input>>| {
    let mut out = BOM.to_owned();
    let mut want: Vec<Vec<String>> = Vec::new();
    for row in rows.iter().filter(|r| !r.is_empty()) {
        let cells: Vec<Cell> = row
            .iter()
            .map(|c| match c {
                Input::Text(t) => Cell::Text(t),
                Input::Count(n) => Cell::Count(*n),
            })
            .collect();
        record(&mut out, &cells);
        want.push(
            row.iter()
                .map(|c| match c {
                    Input::Text(t) if guarded(t) => format!("'{t}"),
                    Input::Text(t) => t.clone(),
                    Input::Count(n) => n.to_string(),
                })
                .collect(),
        );
    }
    let back = read(&out);
    assert_eq!(back, want, "{out:?}");
    for cell in back.iter().flatten() {
        assert!(
            !cell.starts_with(FORMULA_START),
            "{cell:?} starts a formula"
        );
    }
});
