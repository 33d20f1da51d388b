//! Local emulator, CORS proxy and static host for the console.
fn main() {}
