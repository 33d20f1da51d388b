//! RFC 4180 CSV text that is safe to open in a spreadsheet ([`record`], [`header`]) and a small
//! reader ([`read`]) that the tests and the fuzz target use to show that what was written reads
//! back as the same cells. Pure string building, no I/O: the console builds its exports with it
//! (`src/export/csv.rs`), and it is a crate of its own so that it can be fuzzed natively.

mod read;
mod write;

pub use read::read;
pub use write::{guarded, header, record, Cell, BOM, FORMULA_START};
