//! One module per area of the console (the "Done when" flows).

mod a11y;
mod access;
mod behaviors;
mod boot_request;
mod bulk;
mod chunks;
mod config;
mod detections;
mod detections_export;
mod export;
mod integrations;
mod memory;
mod memory_tabs;
mod overview;
mod pages;
mod settings;
mod shell;
mod users;
mod wrap;
