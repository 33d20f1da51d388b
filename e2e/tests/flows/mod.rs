//! One module per area of the console (the "Done when" flows).

mod behaviors;
mod config;
mod integrations;
mod pages;
mod settings;
mod users;
