//! zt-risk-server: a local emulator of the Cloudflare Zero Trust Risk Scoring API (and the Access
//! operations the console uses), a CORS proxy that forwards only the API's 11 risk scoring and 6
//! Access operations, and a static host for the console, as one binary.
//! `main.rs` only parses arguments; everything here can be started in-process by the tests.

pub mod app;
pub mod body;
pub mod cli;
pub mod demo;
pub mod emulator;
pub mod envelope;
pub mod ops;
pub mod proxy;
pub mod query;
pub mod serve;
pub mod static_files;
