//! The emulator's Access: the six operations the console uses (`docs/contract-access.md`), on
//! each account's own demo data (`seed`), kept in its store (`data`), with updates checked as
//! the SDK describes them (`validate`).

pub mod data;
mod demo;
mod handlers;
pub mod seed;
mod settings;
pub mod validate;

pub use data::AccessData;
pub use handlers::run;
