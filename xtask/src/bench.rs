//! `cargo xtask bench`: load benchmarks (stub; owned by another engineer).

/// Runs the benchmarks with the arguments given after `bench`.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("`cargo xtask bench` is not yet implemented".to_string())
}
