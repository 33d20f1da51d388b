//! One module per area of the console (the "Done when" flows).

mod a11y;
mod behaviors;
mod integrations;
mod pages;
mod settings;
mod shell;
mod users;
