//! zt-risk-console: the Leptos CSR admin console for Cloudflare Zero Trust user risk scoring.
//!
//! `api` talks to the API, `session` keeps settings and the token, `components` are shared
//! widgets, `pages` are the screens, `app` wires routes and context together,
//! `text` holds the case folding search and sorting share.

pub mod api;
pub mod app;
pub mod components;
pub mod pages;
pub mod session;
pub mod state;
pub mod text;

pub use app::App;
