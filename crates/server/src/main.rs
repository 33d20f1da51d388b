//! `zt-risk-server`: parses the command line and runs the chosen server (see `--help`).

use std::io::Write;
use std::process::ExitCode;

/// mimalloc keeps freed buffers for reuse instead of returning them to the OS at once (see
/// `Cargo.toml`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command = match zt_risk_server::cli::parse(&argv) {
        Ok(command) => command,
        Err(e) => {
            // Not eprintln!: a closed stderr (`2>&1 | head -1`) must not turn exit 2 into a panic.
            let _ = writeln!(
                std::io::stderr(),
                "error: {e}\n\n{}",
                zt_risk_server::cli::help()
            );
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(zt_risk_server::app::run(command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
