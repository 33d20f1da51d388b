//! The RFC 4180 reader the tests (native and in the browser) use to show that what the writer
//! wrote reads back as the same cells; it is `zt-risk-csv`'s, written apart from the writer.
//! Compiled only for tests (`cfg(test)` or the `fake` feature).

pub use zt_risk_csv::read;
