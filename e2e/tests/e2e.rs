//! End-to-end: the built console (`$ZT_DIST`) served by `zt-risk-server demo`, driven in
//! headless Chromium like an admin would (roles and visible labels). Run with `cargo xtask test`.

mod common;
mod flows;
