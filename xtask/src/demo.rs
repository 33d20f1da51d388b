//! `cargo xtask demo`: release build, then the server in demo mode (emulator + static host).

use crate::dist;
use crate::sh::Cmd;

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// `cargo xtask demo [server args…]`, e.g. `cargo xtask demo --listen 0.0.0.0:9000`.
pub fn run(args: &[String]) -> Result<(), String> {
    dist::build_release()?;
    Cmd::new("cargo")
        .args(["run", "--release", "-p", "zt-risk-server", "--", "demo"])
        .args(server_args(args))
        .run()
}

/// The server's arguments: `--dist dist --listen 127.0.0.1:8080` unless the user gave them.
fn server_args(user: &[String]) -> Vec<String> {
    let given = |flag: &str| {
        user.iter()
            .any(|a| a == flag || a.starts_with(&format!("{flag}=")))
    };
    let mut args = Vec::new();
    if !given("--dist") {
        args.extend(["--dist".to_string(), "dist".to_string()]);
    }
    if !given("--listen") {
        args.extend(["--listen".to_string(), DEFAULT_LISTEN.to_string()]);
    }
    args.extend(user.iter().cloned());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_and_pass_through() {
        assert_eq!(
            server_args(&[]),
            strings(&["--dist", "dist", "--listen", "127.0.0.1:8080"])
        );
        assert_eq!(
            server_args(&strings(&["--listen", "0.0.0.0:9000"])),
            strings(&["--dist", "dist", "--listen", "0.0.0.0:9000"])
        );
        assert_eq!(
            server_args(&strings(&["--listen=0.0.0.0:1", "--seed", "7"])),
            strings(&["--dist", "dist", "--listen=0.0.0.0:1", "--seed", "7"])
        );
    }
}
