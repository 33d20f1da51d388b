//! zt-risk-console: the Leptos CSR admin console for Cloudflare Zero Trust user risk scoring.
//!
//! `api` talks to the API, `access` works out what risk levels decide in Cloudflare Access,
//! `session` keeps settings and the token, `state` holds client-side state pages share (the
//! read cache, the unsaved-edits guard), `components` are shared widgets,
//! `pages` are the screens, `export` builds the files admins download (CSV, JSON), `routes`
//! is the table of pages (paths, titles, navigation, shortcuts), `app` wires routes and context
//! together, `sort` orders every table, and `text` holds the wording, number and case folding
//! helpers pages share; `later` says when side work may run (after the next painted frame).

pub mod access;
pub mod api;
pub mod app;
pub mod components;
pub mod export;
pub mod later;
pub mod memory;
pub mod pages;
pub mod routes;
pub mod session;
pub mod shell;
pub mod sort;
pub mod state;
pub mod text;
pub mod view_state;

pub use app::App;
